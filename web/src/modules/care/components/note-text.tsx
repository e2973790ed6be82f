import type { ReactNode } from 'react';
import type { AccountSummary } from '../../identity/index.ts';

const MENTION = /(?<![\w@/])@([A-Za-z0-9_]{2,30})(?![\w@])/g;

/** A note's text with the colleagues it notified highlighted; other @words stay plain text. */
export function NoteText({ text, mentions }: { text: string; mentions: AccountSummary[] }) {
  const notified = new Set(mentions.map((m) => m.handle.toLowerCase()));
  const parts: ReactNode[] = [];
  let last = 0;
  for (const match of text.matchAll(MENTION)) {
    if (!notified.has(match[1].toLowerCase())) continue;
    parts.push(text.slice(last, match.index));
    parts.push(
      <mark key={match.index} className="note-mention" data-testid="note-mention" title="Notified">
        {match[0]}
      </mark>,
    );
    last = match.index + match[0].length;
  }
  parts.push(text.slice(last));
  return <p className="care-message-text">{parts}</p>;
}

import { type FormEvent, type KeyboardEvent, useLayoutEffect, useRef, useState } from 'react';
import { ErrorBanner } from '../../../shared/ui/status.tsx';
import { useInboxAgents, useNote } from '../hooks/use-inbox.ts';

/** The `@partial` handle being typed just before the caret, if any. */
function mentionAt(text: string, caret: number): { start: number; query: string } | null {
  const match = /(?:^|[^\w@/])@([A-Za-z0-9_]{0,30})$/.exec(text.slice(0, caret));
  if (!match) return null;
  return { start: caret - match[1].length - 1, query: match[1].toLowerCase() };
}

/**
 * An internal note: the team sees it in the conversation, the customer never does. Typing @ suggests colleagues
 * who work the inbox; the ones mentioned are notified with a link to the conversation.
 */
export function NoteBox({ handle, conversationId }: { handle: string; conversationId: string }) {
  const [text, setText] = useState('');
  const [caret, setCaret] = useState(0);
  const [active, setActive] = useState(0);
  const [dismissed, setDismissed] = useState(false);
  const input = useRef<HTMLTextAreaElement>(null);
  // The caret after a picked mention is placed as the new text is committed, before the next key arrives: a later
  // frame could land after the next letters and put the caret back among them.
  const pendingCaret = useRef<number | null>(null);
  useLayoutEffect(() => {
    if (pendingCaret.current === null) return;
    input.current?.setSelectionRange(pendingCaret.current, pendingCaret.current);
    pendingCaret.current = null;
  });
  const note = useNote(handle, conversationId);
  const colleagues = useInboxAgents(handle).data ?? [];
  const mention = dismissed ? null : mentionAt(text, caret);
  const suggestions = mention
    ? colleagues
        .filter(
          (m) =>
            m.account.handle.toLowerCase().startsWith(mention.query) ||
            m.account.name.toLowerCase().includes(mention.query),
        )
        .slice(0, 6)
    : [];
  const open = suggestions.length > 0;

  const track = (value: string, position: number) => {
    setText(value);
    setCaret(position);
    setActive(0);
    setDismissed(false);
  };
  const pick = (colleagueHandle: string) => {
    if (!mention) return;
    const next = `${text.slice(0, mention.start)}@${colleagueHandle} ${text.slice(caret)}`;
    const position = mention.start + colleagueHandle.length + 2;
    pendingCaret.current = position;
    track(next, position);
    input.current?.focus();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (!open) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((i) => (i + step + suggestions.length) % suggestions.length);
    } else if (event.key === 'Enter' || event.key === 'Tab') {
      event.preventDefault();
      pick(suggestions[Math.min(active, suggestions.length - 1)].account.handle);
    } else if (event.key === 'Escape') {
      setDismissed(true);
    }
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!text.trim()) return;
    note.mutate(text.trim(), { onSuccess: () => track('', 0) });
  };
  return (
    <form className="care-note" onSubmit={submit} aria-label="Internal note">
      <div className="care-note-field">
        <textarea
          ref={input}
          value={text}
          onChange={(e) => track(e.target.value, e.target.selectionStart)}
          onSelect={(e) => setCaret(e.currentTarget.selectionStart)}
          onKeyDown={onKeyDown}
          rows={2}
          maxLength={2000}
          placeholder="Internal note for the team (never shown to the customer); @ mentions a colleague…"
          aria-label="Note text"
          aria-controls={open ? 'note-mention-list' : undefined}
          data-testid="note-text"
        />
        {open && (
          <ul className="mention-suggestions" id="note-mention-list" aria-label="Colleagues">
            {suggestions.map((m, i) => (
              <li key={m.account.id}>
                <button
                  type="button"
                  tabIndex={-1}
                  className={i === active ? 'mention-option active' : 'mention-option'}
                  aria-current={i === active || undefined}
                  onMouseDown={(e) => {
                    e.preventDefault(); // keep the caret in the note
                    pick(m.account.handle);
                  }}
                  data-testid="mention-option"
                >
                  <strong>@{m.account.handle}</strong> <span className="muted">{m.account.name}</span>
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
      {note.error && <ErrorBanner error={note.error} />}
      <div className="care-reply-actions">
        <button
          type="submit"
          className="btn btn-secondary btn-sm"
          disabled={!text.trim() || note.isPending}
          data-testid="note-submit"
        >
          Add note
        </button>
      </div>
    </form>
  );
}

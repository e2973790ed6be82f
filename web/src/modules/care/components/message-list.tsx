import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { errorMessage } from '../../../shared/api/api-error.ts';
import { RelativeTime } from '../../../shared/ui/relative-time.tsx';
import { type CareMessage, INTENTS, intentLabel } from '../api/care.types.ts';
import { useCorrectIntent } from '../hooks/use-inbox.ts';
import { SentimentIndicator } from './care-chips.tsx';
import { NoteText } from './note-text.tsx';

/** The intent of an incoming message, and a menu to correct it in one click (kept for retraining). */
function IntentCorrection({
  handle,
  conversationId,
  message,
}: {
  handle: string;
  conversationId: string;
  message: CareMessage;
}) {
  const [open, setOpen] = useState(false);
  const correct = useCorrectIntent(handle, conversationId);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const close = (event: MouseEvent) => {
      if (!ref.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', close);
    return () => document.removeEventListener('mousedown', close);
  }, [open]);
  return (
    <div className="intent-correction" ref={ref}>
      <button
        type="button"
        className={`care-chip intent-${message.intent ?? 'none'} chip-button`}
        aria-haspopup="menu"
        aria-expanded={open}
        onClick={() => setOpen((o) => !o)}
        title="Correct the intent"
        data-testid="message-intent"
        data-intent={message.intent ?? ''}
      >
        {intentLabel(message.intent)}
        {message.intentCorrected && <span className="intent-corrected">· corrected</span>}
        <span aria-hidden>▾</span>
      </button>
      {open && (
        <div className="intent-menu" role="menu" aria-label="Correct intent">
          {INTENTS.map((intent) => (
            <button
              key={intent}
              type="button"
              role="menuitemradio"
              aria-checked={intent === message.intent}
              className={intent === message.intent ? 'intent-option current' : 'intent-option'}
              disabled={correct.isPending}
              onClick={() =>
                correct.mutate({ messageId: message.id, intent }, { onSuccess: () => setOpen(false) })
              }
              data-testid={`intent-option-${intent}`}
            >
              {intentLabel(intent)}
            </button>
          ))}
        </div>
      )}
      {correct.error && (
        <span className="field-error" role="alert">
          {errorMessage(correct.error)}
        </span>
      )}
    </div>
  );
}

const DIRECTION_LABEL = { in: 'Customer', out: 'Brand reply', note: 'Internal note' } as const;

function MessageItem({
  handle,
  conversationId,
  message,
}: {
  handle: string;
  conversationId: string;
  message: CareMessage;
}) {
  const m = message;
  return (
    <li
      className={`care-message care-message-${m.direction}`}
      data-testid="message"
      data-direction={m.direction}
    >
      <div className="care-message-head">
        <span className="care-message-kind">
          {DIRECTION_LABEL[m.direction]}
          {m.direction === 'out' && m.visibility === 'direct' && ' · private'}
        </span>
        {m.author && <span className="handle truncate">@{m.author.handle}</span>}
        {m.postId ? (
          <RelativeTime iso={m.createdAt} to={`/posts/${m.postId}`} />
        ) : (
          <RelativeTime iso={m.createdAt} />
        )}
      </div>
      {m.direction === 'note' ? (
        <NoteText text={m.text} mentions={m.mentions ?? []} />
      ) : (
        <p className="care-message-text">{m.text}</p>
      )}
      {m.direction === 'in' && (
        <div className="care-message-triage">
          <IntentCorrection handle={handle} conversationId={conversationId} message={m} />
          <SentimentIndicator sentiment={m.sentiment} />
          {m.postId && (
            <Link to={`/posts/${m.postId}`} className="small">
              View post
            </Link>
          )}
        </div>
      )}
    </li>
  );
}

export function MessageList({
  handle,
  conversationId,
  messages,
}: {
  handle: string;
  conversationId: string;
  messages: CareMessage[];
}) {
  return (
    <ol className="care-messages" aria-label="Messages">
      {messages.map((m) => (
        <MessageItem key={m.id} handle={handle} conversationId={conversationId} message={m} />
      ))}
    </ol>
  );
}

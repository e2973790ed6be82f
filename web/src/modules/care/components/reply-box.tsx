import { type FormEvent, useState } from 'react';
import { ApiError } from '../../../shared/api/api-error.ts';
import { ErrorBanner } from '../../../shared/ui/status.tsx';
import { REPLY_LIMITS, type ReplyMode } from '../api/care.types.ts';
import { useInboxSettings } from '../hooks/use-care-extras.ts';
import { useReply } from '../hooks/use-inbox.ts';

/** Characters as the server counts them: code points, so an emoji counts once. */
const length = (text: string) => [...text].length;

/** Answer as the brand, in public in the thread or privately by direct message, against the mode's limit (the brand's own for public replies). */
export function ReplyBox({ handle, conversationId }: { handle: string; conversationId: string }) {
  const [mode, setMode] = useState<ReplyMode>('public');
  const [text, setText] = useState('');
  const reply = useReply(handle, conversationId);
  const settings = useInboxSettings(handle).data;
  const limit =
    mode === 'public'
      ? (settings?.publicReplyLimit ?? REPLY_LIMITS.public)
      : (settings?.privateReplyLimit ?? REPLY_LIMITS.private);
  const used = length(text);
  const over = used > limit;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!text.trim() || over) return;
    reply.mutate({ text: text.trim(), mode }, { onSuccess: () => setText('') });
  };
  const fieldError = reply.error instanceof ApiError ? reply.error.fieldMessage('text') : undefined;
  return (
    <form className="care-reply" onSubmit={submit} aria-label="Reply">
      <div className="care-reply-head">
        <fieldset className="segmented" aria-label="Reply mode">
          {(['public', 'private'] as const).map((option) => (
            <button
              key={option}
              type="button"
              className={mode === option ? 'segment active' : 'segment'}
              aria-pressed={mode === option}
              onClick={() => setMode(option)}
              data-testid={`reply-mode-${option}`}
            >
              {option === 'public' ? 'Public reply' : 'Private message'}
            </button>
          ))}
        </fieldset>
        <span
          className={over ? 'care-counter over' : used > limit * 0.9 ? 'care-counter near' : 'care-counter'}
          data-testid="reply-counter"
          aria-live="polite"
        >
          {used}/{limit}
        </span>
      </div>
      <textarea
        value={text}
        onChange={(e) => setText(e.target.value)}
        rows={3}
        placeholder={mode === 'public' ? 'Reply in the customer’s thread…' : 'Write a direct message…'}
        aria-label="Reply text"
        aria-invalid={over || fieldError ? true : undefined}
        data-testid="reply-text"
      />
      {over && (
        <p className="field-error">
          {mode === 'public' ? 'Public replies' : 'Private messages'} are at most {limit} characters.
        </p>
      )}
      {reply.error && <ErrorBanner error={reply.error} fields={['text']} />}
      <div className="care-reply-actions">
        <button
          type="submit"
          className="btn btn-primary btn-sm"
          disabled={!text.trim() || over || reply.isPending}
          data-testid="reply-submit"
        >
          {reply.isPending ? 'Sending…' : mode === 'public' ? 'Reply publicly' : 'Send privately'}
        </button>
      </div>
    </form>
  );
}

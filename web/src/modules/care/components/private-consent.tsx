import { type FormEvent, useState } from 'react';
import { ErrorBanner } from '../../../shared/ui/status.tsx';
import { type ConversationDetail, type PrivateConsent, REPLY_LIMITS } from '../api/care.types.ts';
import { DEFAULT_PRIVATE_QUESTION } from '../api/workflow.types.ts';
import { useInboxSettings } from '../hooks/use-care-extras.ts';
import { useRequestPrivate } from '../hooks/use-workflow.ts';

/** The customer opened the conversation by direct message: it is private already, no consent needed. */
const startedPrivately = (c: ConversationDetail) =>
  c.messages.find((m) => m.direction === 'in')?.visibility === 'direct';

/**
 * Why a private message cannot be sent yet, or null when it can. Mirrors the server's rule (consent granted, or
 * the customer wrote privately first); the server still decides, and its refusal shows under the reply box.
 */
export function privateReplyBlock(c: ConversationDetail): string | null {
  if (c.privateConsent === 'granted' || startedPrivately(c)) return null;
  const who = c.customer ? `@${c.customer.handle}` : 'The customer';
  if (c.privateConsent === 'requested')
    return `Waiting for ${who} to accept moving to private. Until then, answer in public.`;
  if (c.privateConsent === 'declined') return `${who} declined moving to private. Answer in public.`;
  return 'Private messages need the customer’s consent first: use “Move to private” to ask them, or answer in public.';
}

const STATE_LABELS: Record<Exclude<PrivateConsent, 'none'>, string> = {
  requested: 'Private: asked, waiting for the customer',
  granted: 'Private: accepted',
  declined: 'Private: declined',
};

/**
 * "Move to private": asks the customer in public, in their thread, to continue by direct message. The customer
 * answers on their Support page; the state shows here as asked, accepted or declined.
 */
export function PrivateConsentAction({
  handle,
  conversation,
}: {
  handle: string;
  conversation: ConversationDetail;
}) {
  const [open, setOpen] = useState(false);
  const [question, setQuestion] = useState(DEFAULT_PRIVATE_QUESTION);
  const request = useRequestPrivate(handle, conversation.id);
  // The question is a public reply: the brand's own limit holds it.
  const limit = useInboxSettings(handle).data?.publicReplyLimit ?? REPLY_LIMITS.public;
  if (startedPrivately(conversation)) return null;
  const consent = conversation.privateConsent;
  if (consent !== 'none') {
    return (
      <span
        className={`care-consent consent-${consent}`}
        data-testid="private-consent"
        data-state={consent}
        title="Whether the customer agreed to continue by direct message"
      >
        {STATE_LABELS[consent]}
      </span>
    );
  }
  if (!open) {
    return (
      <button
        type="button"
        className="btn btn-ghost btn-sm"
        onClick={() => setOpen(true)}
        data-testid="private-request-open"
      >
        Move to private…
      </button>
    );
  }
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const text = question.trim();
    if (!text) return;
    request.mutate(text, { onSuccess: () => setOpen(false) });
  };
  return (
    <form className="care-merge care-private-form" onSubmit={submit} aria-label="Move to private">
      <label className="care-private-question">
        <span className="small">Question posted in public in the customer’s thread</span>
        <textarea
          value={question}
          onChange={(e) => setQuestion(e.target.value)}
          rows={2}
          maxLength={limit}
          data-testid="private-request-text"
        />
      </label>
      <button
        type="submit"
        className="btn btn-primary btn-sm"
        disabled={request.isPending || !question.trim()}
        data-testid="private-request-submit"
      >
        {request.isPending ? 'Asking…' : 'Ask in public'}
      </button>
      <button type="button" className="btn btn-ghost btn-sm" onClick={() => setOpen(false)}>
        Cancel
      </button>
      <p className="muted small">
        Private messages become available once the customer accepts on their Support page.
      </p>
      {request.error && <ErrorBanner error={request.error} />}
    </form>
  );
}

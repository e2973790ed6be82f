import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { ErrorBanner } from '../../../shared/ui/status.tsx';
import type { ConversationDetail } from '../api/care.types.ts';
import type { MyCareConversation } from '../api/workflow.types.ts';
import { useAnswerIdea, useRequestIdea } from '../hooks/use-idea-request.ts';

const STATE_LABELS = {
  requested: 'Idea: asked, waiting for the customer',
  granted: 'Idea: accepted',
  declined: 'Idea: declined',
} as const;

/** The customer's first message, as the draft idea's description. */
const firstMessage = (c: ConversationDetail) => c.messages.find((m) => m.direction === 'in')?.text ?? '';

/**
 * "Suggest as idea": for a conversation triaged `idea`, the agent drafts the idea and asks the customer in public
 * whether it may go on the brand's ideas portal in their name. It is posted on their yes, linked both ways.
 */
export function IdeaRequestAction({
  handle,
  conversation,
}: {
  handle: string;
  conversation: ConversationDetail;
}) {
  const [open, setOpen] = useState(false);
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState(() => firstMessage(conversation));
  const request = useRequestIdea(handle, conversation.id);
  const asked = conversation.ideaRequest;
  if (asked && asked.consent !== 'declined') {
    return (
      <span
        className={`care-consent consent-${asked.consent}`}
        data-testid="idea-request"
        data-state={asked.consent}
      >
        {asked.ideaId ? (
          <Link to={`/ideas/${asked.ideaId}`}>Idea posted: {asked.title}</Link>
        ) : (
          STATE_LABELS[asked.consent]
        )}
      </span>
    );
  }
  if (conversation.intent !== 'idea' && !asked) return null;
  if (!open) {
    return (
      <button
        type="button"
        className="btn btn-ghost btn-sm"
        onClick={() => setOpen(true)}
        data-testid="idea-request-open"
      >
        {asked ? 'Idea declined: ask again…' : 'Suggest as idea…'}
      </button>
    );
  }
  const submit = (event: FormEvent) => {
    event.preventDefault();
    request.mutate(
      { title: title.trim(), description: description.trim() },
      { onSuccess: () => setOpen(false) },
    );
  };
  return (
    <form className="care-merge care-private-form" onSubmit={submit} aria-label="Suggest as idea">
      <label className="care-private-question">
        <span className="small">Idea title on the portal</span>
        <input
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          minLength={3}
          maxLength={140}
          required
          data-testid="idea-request-title"
        />
      </label>
      <label className="care-private-question">
        <span className="small">Description</span>
        <textarea
          value={description}
          onChange={(e) => setDescription(e.target.value)}
          rows={3}
          maxLength={5000}
          required
          data-testid="idea-request-description"
        />
      </label>
      <button
        type="submit"
        className="btn btn-primary btn-sm"
        disabled={request.isPending || title.trim().length < 3 || !description.trim()}
        data-testid="idea-request-submit"
      >
        {request.isPending ? 'Asking…' : 'Ask the customer'}
      </button>
      <button type="button" className="btn btn-ghost btn-sm" onClick={() => setOpen(false)}>
        Cancel
      </button>
      <p className="muted small">
        The idea goes on the portal, in the customer’s name, once they accept on their Support page.
      </p>
      {request.error && <ErrorBanner error={request.error} />}
    </form>
  );
}

/** The brand's question to post the person's idea on its portal, and their answer. */
export function IdeaConsentQuestion({ conversation }: { conversation: MyCareConversation }) {
  const answer = useAnswerIdea();
  const c = conversation;
  const asked = c.ideaRequest;
  const brand = c.brand?.name ?? 'The brand';
  if (!asked) return null;
  return (
    <div className="my-care-consent" data-testid="idea-consent" data-state={asked.consent}>
      {asked.consent === 'requested' ? (
        <>
          <p>
            <strong>{brand}</strong> would like to post your idea “{asked.title}” on its ideas portal, in your
            name, so others can vote for it.
          </p>
          <div className="my-care-buttons">
            <button
              type="button"
              className="btn btn-primary btn-sm"
              disabled={answer.isPending}
              onClick={() => answer.mutate({ id: c.id, accept: true })}
              data-testid="idea-consent-accept"
            >
              Post my idea
            </button>
            <button
              type="button"
              className="btn btn-secondary btn-sm"
              disabled={answer.isPending}
              onClick={() => answer.mutate({ id: c.id, accept: false })}
              data-testid="idea-consent-decline"
            >
              No, thanks
            </button>
          </div>
        </>
      ) : asked.consent === 'granted' ? (
        <p className="muted small">
          {asked.ideaId ? (
            <Link to={`/ideas/${asked.ideaId}`} data-testid="idea-consent-link">
              Your idea “{asked.title}” is on the portal
            </Link>
          ) : (
            `You agreed that ${brand} posts your idea.`
          )}
        </p>
      ) : (
        <p className="muted small">You declined that {brand} posts your idea.</p>
      )}
      <ErrorBanner error={answer.error} />
    </div>
  );
}

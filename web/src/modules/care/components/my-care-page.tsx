import { useState } from 'react';
import { Link } from 'react-router';
import { AccountRow } from '../../../shared/ui/account-row.tsx';
import { PageHeader } from '../../../shared/ui/page-header.tsx';
import { RelativeTime } from '../../../shared/ui/relative-time.tsx';
import { EmptyState, ErrorBanner, Loading } from '../../../shared/ui/status.tsx';
import { intentLabel } from '../api/care.types.ts';
import type { MyCareConversation } from '../api/workflow.types.ts';
import { useAnswerConsent, useMyCareConversations, useRateConversation } from '../hooks/use-my-care.ts';
import { IdeaConsentQuestion } from './idea-request.tsx';

const SCORES = [1, 2, 3, 4, 5] as const;
const SCORE_WORDS = ['', 'Very poor', 'Poor', 'OK', 'Good', 'Excellent'];

/** The brand's question to continue by direct message, and the person's answer. */
function ConsentQuestion({ conversation }: { conversation: MyCareConversation }) {
  const answer = useAnswerConsent();
  const c = conversation;
  const brand = c.brand?.name ?? 'The brand';
  if (c.privateConsent === 'none') return null;
  return (
    <div className="my-care-consent" data-testid="consent" data-state={c.privateConsent}>
      {c.privateConsent === 'requested' ? (
        <>
          <p>
            <strong>{brand}</strong> asks to continue this conversation by direct message, so you can share
            details like an order number privately.
          </p>
          <div className="my-care-buttons">
            <button
              type="button"
              className="btn btn-primary btn-sm"
              disabled={answer.isPending}
              onClick={() => answer.mutate({ id: c.id, accept: true })}
              data-testid="consent-accept"
            >
              Continue privately
            </button>
            <button
              type="button"
              className="btn btn-secondary btn-sm"
              disabled={answer.isPending}
              onClick={() => answer.mutate({ id: c.id, accept: false })}
              data-testid="consent-decline"
            >
              Keep it public
            </button>
          </div>
        </>
      ) : (
        <p className="muted small">
          {c.privateConsent === 'granted'
            ? `You agreed to continue by direct message with ${brand}.`
            : `You declined to continue by direct message; ${brand} answers in public.`}
        </p>
      )}
      <ErrorBanner error={answer.error} />
    </div>
  );
}

/** Five buttons while the person may rate (resolved, not rated yet); the rating they gave afterwards. */
function Rating({ conversation }: { conversation: MyCareConversation }) {
  const rate = useRateConversation();
  const [hover, setHover] = useState(0);
  const c = conversation;
  if (c.rating !== null) {
    return (
      <div className="my-care-rated">
        <p data-testid="rating-given" data-score={c.rating}>
          <span className="stars" aria-hidden>
            {'★'.repeat(c.rating)}
            <span className="stars-off">{'★'.repeat(5 - c.rating)}</span>
          </span>{' '}
          You rated this conversation {c.rating}/5. Thank you.
        </p>
        {/* A refusal that arrived as the page caught up (rated on another device) still says why. */}
        <ErrorBanner error={rate.error} />
      </div>
    );
  }
  if (!c.canRate) {
    return (
      <>
        {c.status !== 'resolved' && (
          <p className="muted small">You can rate the help you got once the brand resolves it.</p>
        )}
        <ErrorBanner error={rate.error} />
      </>
    );
  }
  return (
    <div className="my-care-rate">
      <fieldset className="stars-input" aria-label="Rate this conversation" onMouseLeave={() => setHover(0)}>
        <legend className="small">How did {c.brand?.name ?? 'the brand'} do? You can rate once.</legend>
        {SCORES.map((score) => (
          <button
            key={score}
            type="button"
            className={score <= hover ? 'star on' : 'star'}
            disabled={rate.isPending}
            onMouseEnter={() => setHover(score)}
            onFocus={() => setHover(score)}
            onClick={() => rate.mutate({ id: c.id, score })}
            aria-label={`${score} of 5: ${SCORE_WORDS[score]}`}
            title={SCORE_WORDS[score]}
            data-testid={`rate-${score}`}
          >
            ★
          </button>
        ))}
      </fieldset>
      <ErrorBanner error={rate.error} />
    </div>
  );
}

/** The whole thread: the person's messages and the brand's replies, oldest first. */
function Thread({ conversation }: { conversation: MyCareConversation }) {
  const c = conversation;
  if (c.messages.length === 0) return null;
  const brand = c.brand?.name ?? 'The brand';
  return (
    <ol className="my-care-thread" aria-label={`Conversation with ${brand}`}>
      {c.messages.map((m) => (
        <li
          key={m.id}
          className={m.from === 'brand' ? 'my-care-message from-brand' : 'my-care-message'}
          data-testid="my-care-message"
          data-from={m.from}
        >
          <span className="small muted">
            {m.from === 'brand' ? brand : 'You'}
            {m.visibility === 'direct' && ' · direct message'} · <RelativeTime iso={m.createdAt} />
          </span>
          <p className="my-care-message-text">
            {m.postId ? <Link to={`/posts/${m.postId}`}>{m.text}</Link> : m.text}
          </p>
        </li>
      ))}
    </ol>
  );
}

function MyConversation({ conversation }: { conversation: MyCareConversation }) {
  const c = conversation;
  // What it is about now: the conversation's current triage and the message that set it.
  const topic = c.topic ?? c.firstMessage;
  return (
    <li className="my-care-item" data-testid="my-care-conversation" data-conversation-id={c.id}>
      <div className="my-care-head">
        {c.brand ? <AccountRow account={c.brand} size={36} /> : <strong>A brand</strong>}
        <span className="my-care-meta">
          <span className={`care-status status-${c.status}`} data-testid="my-care-status">
            {c.status}
          </span>
          <span className="muted small">
            opened <RelativeTime iso={c.openedAt} />
          </span>
        </span>
      </div>
      {topic && (
        <p className="my-care-about" data-testid="my-care-about" data-intent={c.intent}>
          <span className={`care-chip intent-${c.intent} small`} data-testid="my-care-topic">
            {intentLabel(c.intent)}
          </span>{' '}
          {topic}
        </p>
      )}
      <Thread conversation={c} />
      <ConsentQuestion conversation={c} />
      <IdeaConsentQuestion conversation={c} />
      <Rating conversation={c} />
    </li>
  );
}

/**
 * The person's side of customer care: every case a brand's team holds with them (a thank-you or chatter is not a
 * case unless the brand answered it), with its whole thread, where they answer a request to continue privately and
 * rate the help once it is resolved.
 */
export function MyCarePage() {
  const conversations = useMyCareConversations();
  return (
    <div data-testid="my-care-page">
      <PageHeader title="Support" />
      <p className="muted my-care-intro">
        When you mention or message a brand, its customer care team answers here and in your thread.
      </p>
      {conversations.isPending ? (
        <Loading />
      ) : conversations.error ? (
        <ErrorBanner error={conversations.error} />
      ) : conversations.data.items.length === 0 ? (
        <EmptyState title="No conversations with brands yet">
          <p>Mention a brand in a post, or message it, and its team will get back to you.</p>
        </EmptyState>
      ) : (
        <ul className="my-care-list">
          {conversations.data.items.map((c) => (
            <MyConversation key={c.id} conversation={c} />
          ))}
        </ul>
      )}
    </div>
  );
}

import { Link } from 'react-router';
import { formatDate } from '../../../shared/format/date.ts';
import { formatMoney } from '../../../shared/format/money.ts';
import { ErrorBanner } from '../../../shared/ui/status.tsx';
import type { MyCareConversation } from '../api/workflow.types.ts';
import { useAnswerConversion } from '../hooks/use-my-care.ts';

/** What the brand proposes to post in the person's name, in their words. */
function Proposal({ conversation }: { conversation: MyCareConversation }) {
  const p = conversation.conversion!;
  const brand = conversation.brand ? `@${conversation.brand.handle}` : 'the brand';
  if (p.kind === 'idea')
    return (
      <p>
        <strong>{conversation.brand?.name ?? 'The brand'}</strong> would like to post your idea “{p.title}” on
        its Ideas page in your name, so others can vote for it.
      </p>
    );
  return (
    <>
      <p>
        <strong>{conversation.brand?.name ?? 'The brand'}</strong> offers to post a request for proposals for
        you, in your name, asking {brand} to pitch:
      </p>
      <dl className="my-care-proposal" data-testid="conversion-draft">
        <dt>What you need</dt>
        <dd>{p.title}</dd>
        {p.description && (
          <>
            <dt>Details</dt>
            <dd>{p.description}</dd>
          </>
        )}
        {p.budgetMinor !== null && p.currency && (
          <>
            <dt>Budget</dt>
            <dd>{formatMoney(p.budgetMinor, p.currency)}</dd>
          </>
        )}
        {p.deadline && (
          <>
            <dt>Pitches by</dt>
            <dd>{formatDate(p.deadline)}</dd>
          </>
        )}
      </dl>
    </>
  );
}

/**
 * The brand's proposal to turn the conversation into an idea or a request for proposals posted as the person, and
 * their answer: a yes posts it (a refusal, such as a deadline now past, shows its reason and leaves it open).
 */
export function ConversionQuestion({ conversation }: { conversation: MyCareConversation }) {
  const answer = useAnswerConversion();
  const p = conversation.conversion;
  if (!p) return null;
  const what = p.kind === 'idea' ? 'idea' : 'request';
  return (
    <div
      className="my-care-consent"
      data-testid="conversion-question"
      data-kind={p.kind}
      data-state={p.consent}
    >
      {p.consent === 'requested' ? (
        <>
          <Proposal conversation={conversation} />
          <div className="my-care-buttons">
            <button
              type="button"
              className="btn btn-primary btn-sm"
              disabled={answer.isPending}
              onClick={() => answer.mutate({ id: conversation.id, accept: true })}
              data-testid="conversion-accept"
            >
              {p.kind === 'idea' ? 'Post my idea' : 'Post my request'}
            </button>
            <button
              type="button"
              className="btn btn-secondary btn-sm"
              disabled={answer.isPending}
              onClick={() => answer.mutate({ id: conversation.id, accept: false })}
              data-testid="conversion-decline"
            >
              No, thanks
            </button>
          </div>
        </>
      ) : p.consent === 'granted' ? (
        <p className="muted small">
          You agreed: your {what} “{p.title}” is posted.{' '}
          {p.targetId && (
            <Link
              to={p.kind === 'rfp' ? `/rfps/${p.targetId}` : `/ideas/${p.targetId}`}
              data-testid="conversion-target"
            >
              See it
            </Link>
          )}
        </p>
      ) : (
        <p className="muted small">You declined; nothing was posted in your name.</p>
      )}
      <ErrorBanner error={answer.error} />
    </div>
  );
}

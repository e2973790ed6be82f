import { useParams } from 'react-router';
import { PageHeader } from '../../../shared/ui/page-header.tsx';
import { EmptyState, ErrorBanner, Loading } from '../../../shared/ui/status.tsx';
import { useMe } from '../../identity/index.ts';
import { useDrafts } from '../hooks/use-approvals.ts';
import { ApprovalSettingsPanel } from './approval-settings-panel.tsx';
import { DraftCard } from './draft-card.tsx';
import { POLICY_ROLES, POSTING_ROLES } from './governance-nav.tsx';

/** `/orgs/:handle/approvals`: the queue of posts as the brand waiting for approval or their time, and the settings. */
export function ApprovalsPage() {
  const { handle = '' } = useParams();
  const me = useMe().data;
  const membership = me?.memberships.find((m) => m.org.handle === handle);
  const drafts = useDrafts(handle);
  if (!me || !membership || !POSTING_ROLES.includes(membership.role))
    return (
      <>
        <PageHeader title="Approvals" back />
        <EmptyState title={`You do not post for @${handle}`} />
      </>
    );
  const canReview = POLICY_ROLES.includes(membership.role);
  return (
    <div className="policy-page" data-testid="approvals-page">
      <PageHeader title={`${membership.org.name} · Approvals`} />
      <section className="panel" aria-labelledby="approvals-queue">
        <h2 id="approvals-queue">Queue</h2>
        {drafts.isPending ? (
          <Loading />
        ) : drafts.error ? (
          <ErrorBanner error={drafts.error} />
        ) : drafts.data.items.length === 0 ? (
          <EmptyState title="Nothing waiting">
            <p>Posts as the brand that need approval or have a time to go out are listed here.</p>
          </EmptyState>
        ) : (
          <ul className="policy-audit">
            {drafts.data.items.map((d) => (
              <DraftCard
                key={d.id}
                handle={handle}
                draft={d}
                viewerId={me.account.id}
                canReview={canReview}
              />
            ))}
          </ul>
        )}
      </section>
      {canReview && <ApprovalSettingsPanel handle={handle} />}
    </div>
  );
}

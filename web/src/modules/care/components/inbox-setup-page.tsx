import { Link, useParams } from 'react-router';
import { PageHeader } from '../../../shared/ui/page-header.tsx';
import { EmptyState } from '../../../shared/ui/status.tsx';
import { useInboxAccess } from '../hooks/use-inbox-access.ts';
import { CannedRepliesPanel } from './canned-replies-panel.tsx';
import { QueueManager } from './queue-manager.tsx';

/** The inbox's canned replies and queues: agents read them, owners and admins change them. */
export function InboxSetupPage() {
  const { handle = '' } = useParams();
  const { membership, canWork, canManageRules } = useInboxAccess(handle);
  if (!membership || !canWork) {
    return (
      <>
        <PageHeader title="Canned replies & queues" back />
        <EmptyState title={`You do not work the inbox of @${handle}`} />
      </>
    );
  }
  const brand = membership.org.handle;
  return (
    <div className="sla-page" data-testid="inbox-setup-page">
      <PageHeader title={`${membership.org.name} · Canned replies & queues`}>
        <Link to={`/orgs/${brand}/inbox`} className="btn btn-secondary btn-sm">
          Back to inbox
        </Link>
      </PageHeader>
      <CannedRepliesPanel handle={brand} canEdit={canManageRules} />
      <QueueManager handle={brand} canEdit={canManageRules} />
    </div>
  );
}

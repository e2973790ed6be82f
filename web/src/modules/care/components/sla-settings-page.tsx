import { Link, useParams } from 'react-router';
import { PageHeader } from '../../../shared/ui/page-header.tsx';
import { EmptyState, ErrorBanner, Loading } from '../../../shared/ui/status.tsx';
import { useInboxAccess } from '../hooks/use-inbox-access.ts';
import { useBusinessHours, useSlaPolicies } from '../hooks/use-sla.ts';
import { BusinessHoursForm } from './business-hours-form.tsx';
import { SlaPolicyTable } from './sla-policy-table.tsx';

/** Business hours and the SLA policy table of a brand: agents read them, owners and admins edit them. */
export function SlaSettingsPage() {
  const { handle = '' } = useParams();
  const { membership, canWork, canManageRules } = useInboxAccess(handle);
  const hours = useBusinessHours(handle);
  const policies = useSlaPolicies(handle);
  if (!membership || !canWork) {
    return (
      <>
        <PageHeader title="SLA settings" back />
        <EmptyState title={`You do not work the inbox of @${handle}`} />
      </>
    );
  }
  const brand = membership.org.handle;
  return (
    <div className="sla-page" data-testid="sla-settings-page">
      <PageHeader title={`${membership.org.name} · SLA settings`}>
        <Link to={`/orgs/${brand}/inbox`} className="btn btn-secondary btn-sm">
          Back to inbox
        </Link>
      </PageHeader>
      {!canManageRules && <p className="muted sla-intro">Owners and admins of the brand can change these.</p>}
      {hours.isPending ? (
        <Loading />
      ) : hours.error ? (
        <ErrorBanner error={hours.error} />
      ) : (
        <BusinessHoursForm handle={brand} initial={hours.data} canEdit={canManageRules} />
      )}
      {policies.isPending ? (
        <Loading />
      ) : policies.error ? (
        <ErrorBanner error={policies.error} />
      ) : (
        <SlaPolicyTable handle={brand} data={policies.data} canEdit={canManageRules} />
      )}
    </div>
  );
}

import { Link, useParams } from 'react-router';
import { KindLabel, VerifiedMark } from '../../../shared/ui/account-badges.tsx';
import { Avatar } from '../../../shared/ui/avatar.tsx';
import { PageHeader } from '../../../shared/ui/page-header.tsx';
import { EmptyState, ErrorBanner, Loading } from '../../../shared/ui/status.tsx';
import { useProfile } from '../../social/index.ts';
import { MANAGING_ROLES } from '../api/identity.types.ts';
import { useViewer } from '../hooks/use-me.ts';
import { useUpdateOrg } from '../hooks/use-orgs.ts';
import { OrgMembers } from './org-members.tsx';
import { ProfileForm } from './profile-form.tsx';

function OrgProfileEditor({ handle }: { handle: string }) {
  const profile = useProfile(handle);
  const update = useUpdateOrg(handle);
  if (profile.isPending) return <Loading />;
  if (!profile.data) return <ErrorBanner error={profile.error} />;
  return <ProfileForm key={profile.data.id} initial={profile.data} mutation={update} uploadAs={handle} />;
}

/** An organization's team and profile, for its members; owners and admins can change them. */
export function OrgManagePage() {
  const { handle = '' } = useParams();
  const me = useViewer();
  const membership = me?.memberships.find((m) => m.org.handle.toLowerCase() === handle.toLowerCase());
  if (!membership) {
    return (
      <>
        <PageHeader title="Manage" back />
        <EmptyState title={`You are not a member of @${handle}`}>
          <Link to={`/@${handle}`}>View its profile</Link>
        </EmptyState>
      </>
    );
  }
  const { org, role } = membership;
  const canManage = MANAGING_ROLES.includes(role);
  return (
    <>
      <PageHeader title={`Manage ${org.name}`} back />
      <div className="org-summary">
        <Avatar account={org} size={56} />
        <div>
          <p className="org-summary-name">
            <Link to={`/@${org.handle}`}>{org.name}</Link>
            {org.verified && <VerifiedMark />}
            <KindLabel kind={org.kind} />
          </p>
          <p className="muted small">
            @{org.handle} · your role: <strong>{role}</strong>
          </p>
        </div>
      </div>
      <section className="panel" aria-labelledby="org-team">
        <h2 id="org-team">Team</h2>
        <OrgMembers org={org.handle} canManage={canManage} />
      </section>
      {canManage && (
        <section className="panel" aria-labelledby="org-profile">
          <h2 id="org-profile">Public profile</h2>
          <OrgProfileEditor handle={org.handle} />
        </section>
      )}
    </>
  );
}

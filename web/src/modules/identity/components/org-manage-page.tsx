import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { KindLabel, VerifiedMark } from '../../../shared/ui/account-badges.tsx';
import { Avatar } from '../../../shared/ui/avatar.tsx';
import { PageHeader } from '../../../shared/ui/page-header.tsx';
import { EmptyState, ErrorBanner, Loading } from '../../../shared/ui/status.tsx';
import { useProfile } from '../../social/index.ts';
import { identityApi } from '../api/identity.api.ts';
import { MANAGING_ROLES } from '../api/identity.types.ts';
import { meKey, useMe, useViewer } from '../hooks/use-me.ts';
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
      {role === 'owner' && <StaffTwoFactorSwitch handle={org.handle} />}
      {canManage && (
        <section className="panel" aria-labelledby="org-profile">
          <h2 id="org-profile">Public profile</h2>
          <OrgProfileEditor handle={org.handle} />
        </section>
      )}
    </>
  );
}

/** Owners ask the team for two-factor sign-in; staff without it are prompted to turn it on. */
function StaffTwoFactorSwitch({ handle }: { handle: string }) {
  const queryClient = useQueryClient();
  const me = useMe().data;
  const save = useMutation({
    mutationFn: (required: boolean) => identityApi.setTwoFactorRequirement(handle, required),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: meKey }),
  });
  const required = save.isPending ? save.variables : (me?.twoFactorRequiredBy.includes(handle) ?? false);
  return (
    <section className="panel" aria-labelledby="org-security">
      <h2 id="org-security">Security</h2>
      <label className="small">
        <input
          type="checkbox"
          data-testid="require-two-factor"
          checked={required}
          onChange={(e) => save.mutate(e.target.checked)}
        />{' '}
        Require two-factor sign-in for staff
      </label>
      <ErrorBanner error={save.error} />
    </section>
  );
}

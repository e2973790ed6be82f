import { type FormEvent, useState } from 'react';
import { ApiError, errorMessage } from '../../../shared/api/api-error.ts';
import { AccountRow } from '../../../shared/ui/account-row.tsx';
import { ErrorBanner, Loading } from '../../../shared/ui/status.tsx';
import { ORG_ROLES, type OrgRole } from '../api/identity.types.ts';
import { useViewer } from '../hooks/use-me.ts';
import {
  useCancelInvitation,
  useInvite,
  useMembers,
  useOrgInvitations,
  useRemoveMember,
} from '../hooks/use-orgs.ts';

function InviteForm({ org }: { org: string }) {
  const invite = useInvite(org);
  const [handle, setHandle] = useState('');
  const [role, setRole] = useState<OrgRole>('marketer');
  const err = invite.error instanceof ApiError ? invite.error : null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    invite.mutate({ handle: handle.trim().replace(/^@/, ''), role }, { onSuccess: () => setHandle('') });
  };
  return (
    <form className="invite-form" onSubmit={submit} noValidate>
      <div className="inline-form">
        <label htmlFor="invite-handle" className="visually-hidden">
          Handle to invite
        </label>
        <input
          id="invite-handle"
          data-testid="invite-handle"
          placeholder="@handle"
          value={handle}
          onChange={(e) => setHandle(e.target.value)}
          aria-invalid={Boolean(err?.fieldMessage('handle'))}
        />
        <label htmlFor="invite-role" className="visually-hidden">
          Role
        </label>
        <select
          id="invite-role"
          data-testid="invite-role"
          value={role}
          onChange={(e) => setRole(e.target.value as OrgRole)}
        >
          {ORG_ROLES.map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </select>
        <button
          type="submit"
          className="btn btn-primary"
          data-testid="invite-submit"
          disabled={!handle.trim() || invite.isPending}
        >
          Invite
        </button>
      </div>
      {err?.fieldMessage('handle') ? (
        <p className="field-error">Handle {err.fieldMessage('handle')}</p>
      ) : (
        <ErrorBanner error={invite.error} fields={['handle', 'role']} />
      )}
      {invite.isSuccess && <p className="success-text">Invitation sent to @{invite.data.user.handle}.</p>}
    </form>
  );
}

/** Members with their roles, pending invitations, and (for owners and admins) invite and remove. */
export function OrgMembers({ org, canManage }: { org: string; canManage: boolean }) {
  const members = useMembers(org);
  const pending = useOrgInvitations(org, canManage);
  const remove = useRemoveMember(org);
  const cancel = useCancelInvitation(org);
  const meId = useViewer()?.account.id;
  return (
    <>
      {canManage && <InviteForm org={org} />}
      {members.isPending && <Loading />}
      {members.error && <ErrorBanner error={members.error} />}
      <div className="account-list">
        {members.data?.items.map((m) => (
          <AccountRow
            key={m.account.id}
            account={m.account}
            trailing={
              <div className="button-row">
                <span className={`role-chip role-${m.role}`}>{m.role}</span>
                {(canManage || m.account.id === meId) && (
                  <button
                    type="button"
                    className="btn btn-danger-outline btn-sm"
                    onClick={() => remove.mutate(m.account.handle)}
                    disabled={remove.isPending}
                    aria-label={
                      m.account.id === meId ? 'Leave this organization' : `Remove @${m.account.handle}`
                    }
                  >
                    {m.account.id === meId ? 'Leave' : 'Remove'}
                  </button>
                )}
              </div>
            }
          />
        ))}
      </div>
      {remove.error && <p className="inline-error">{errorMessage(remove.error)}</p>}
      {canManage && (pending.data?.items.length ?? 0) > 0 && (
        <>
          <h3 className="section-title">Pending invitations</h3>
          <div className="account-list">
            {pending.data?.items.map((inv) => (
              <AccountRow
                key={inv.id}
                account={inv.user}
                trailing={
                  <div className="button-row">
                    <span className="role-chip">{inv.role}</span>
                    <button
                      type="button"
                      className="btn btn-ghost btn-sm"
                      onClick={() => cancel.mutate(inv.id)}
                      disabled={cancel.isPending}
                    >
                      Cancel
                    </button>
                  </div>
                }
              />
            ))}
          </div>
        </>
      )}
    </>
  );
}

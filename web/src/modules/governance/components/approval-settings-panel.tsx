import { useEffect, useState } from 'react';
import { ErrorBanner, Loading } from '../../../shared/ui/status.tsx';
import { useApprovalSettings, useSaveApprovalSettings } from '../hooks/use-approvals.ts';

const ROLES = ['marketer', 'agent', 'sales', 'admin'] as const;

/** Which roles wait for approval to post as the brand, and how many approvers each post needs. */
export function ApprovalSettingsPanel({ handle }: { handle: string }) {
  const settings = useApprovalSettings(handle);
  const save = useSaveApprovalSettings(handle);
  const [roles, setRoles] = useState<string[]>([]);
  const [approvers, setApprovers] = useState(1);
  useEffect(() => {
    if (settings.data) {
      setRoles(settings.data.roles);
      setApprovers(settings.data.approvers);
    }
  }, [settings.data]);
  if (settings.isPending) return <Loading />;
  if (settings.error) return <ErrorBanner error={settings.error} />;
  const toggle = (role: string, on: boolean) =>
    setRoles((rs) => (on ? [...rs, role] : rs.filter((r) => r !== role)));
  return (
    <form
      className="panel form"
      aria-labelledby="approval-settings"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate({ roles, approvers });
      }}
      data-testid="approval-settings"
    >
      <h2 id="approval-settings">Who needs approval</h2>
      <fieldset className="approval-roles">
        <legend>Posts as the brand by these roles wait for approval</legend>
        {ROLES.map((role) => (
          <label key={role}>
            <input
              type="checkbox"
              checked={roles.includes(role)}
              onChange={(e) => toggle(role, e.target.checked)}
              data-testid={`approval-role-${role}`}
            />{' '}
            {role}
          </label>
        ))}
      </fieldset>
      <label className="field">
        <span>Approvers each post needs</span>
        <select
          value={approvers}
          onChange={(e) => setApprovers(Number(e.target.value))}
          data-testid="approval-count"
        >
          {[1, 2, 3].map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
      </label>
      <ErrorBanner error={save.error} />
      <div className="form-actions">
        {save.isSuccess && <span role="status">Saved</span>}
        <button
          type="submit"
          className="btn btn-primary"
          disabled={save.isPending}
          data-testid="approval-save"
        >
          Save
        </button>
      </div>
    </form>
  );
}

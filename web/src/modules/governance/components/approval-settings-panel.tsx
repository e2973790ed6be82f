import { useEffect, useState } from 'react';
import { ErrorBanner, Loading } from '../../../shared/ui/status.tsx';
import { useApprovalSettings, useSaveApprovalSettings } from '../hooks/use-approvals.ts';

const ROLES = ['marketer', 'agent', 'sales', 'admin'] as const;

type Kind = 'roles' | 'dealRoles' | 'careReplyRoles';
const KINDS: { key: Kind; legend: string; testId: string }[] = [
  { key: 'roles', legend: 'Posts as the brand by these roles wait for approval', testId: 'approval-role' },
  { key: 'dealRoles', legend: 'Deals by these roles wait for approval', testId: 'approval-deal-role' },
  {
    key: 'careReplyRoles',
    legend: 'Public care replies by these roles wait for approval',
    testId: 'approval-reply-role',
  },
];

/** Which roles wait for approval to post as the brand, publish a deal or reply in public, and how many approvers. */
export function ApprovalSettingsPanel({ handle }: { handle: string }) {
  const settings = useApprovalSettings(handle);
  const save = useSaveApprovalSettings(handle);
  const [roles, setRoles] = useState<Record<Kind, string[]>>({
    roles: [],
    dealRoles: [],
    careReplyRoles: [],
  });
  const [approvers, setApprovers] = useState(1);
  useEffect(() => {
    if (settings.data) {
      const { roles, dealRoles, careReplyRoles } = settings.data;
      setRoles({ roles, dealRoles, careReplyRoles });
      setApprovers(settings.data.approvers);
    }
  }, [settings.data]);
  if (settings.isPending) return <Loading />;
  if (settings.error) return <ErrorBanner error={settings.error} />;
  const toggle = (kind: Kind, role: string, on: boolean) =>
    setRoles((all) => ({
      ...all,
      [kind]: on ? [...all[kind], role] : all[kind].filter((r) => r !== role),
    }));
  return (
    <form
      className="panel form"
      aria-labelledby="approval-settings"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate({ ...roles, approvers });
      }}
      data-testid="approval-settings"
    >
      <h2 id="approval-settings">Who needs approval</h2>
      {KINDS.map((kind) => (
        <fieldset className="approval-roles" key={kind.key}>
          <legend>{kind.legend}</legend>
          {ROLES.map((role) => (
            <label key={role}>
              <input
                type="checkbox"
                checked={roles[kind.key].includes(role)}
                onChange={(e) => toggle(kind.key, role, e.target.checked)}
                data-testid={`${kind.testId}-${role}`}
              />{' '}
              {role}
            </label>
          ))}
        </fieldset>
      ))}
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

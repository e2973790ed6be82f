import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { useParams } from 'react-router';
import { formatDate } from '../../../shared/format/date.ts';
import { AccountRow } from '../../../shared/ui/account-row.tsx';
import { PageHeader } from '../../../shared/ui/page-header.tsx';
import { EmptyState, ErrorBanner, Loading } from '../../../shared/ui/status.tsx';
import { type Ladder, tiersApi } from '../api/advocates.api.ts';
import { AdvocatesTabs } from './advocates-tabs.tsx';

type Row = { key: string; name: string; minPoints: string; perks: string };
const rowsOf = (l: Ladder): Row[] => l.tiers.map((t) => ({ ...t, minPoints: String(t.minPoints) }));

/** The brand's tier ladder (rolling 12-month points) and who moved tier and why. */
export function TiersPage() {
  const { handle = '' } = useParams();
  const queryClient = useQueryClient();
  const ladder = useQuery({ queryKey: ['tiers', handle], queryFn: () => tiersApi.ladder(handle) });
  const changes = useQuery({
    queryKey: ['tiers', handle, 'changes'],
    queryFn: () => tiersApi.changes(handle),
  });
  const [rows, setRows] = useState<Row[]>([]);
  useEffect(() => {
    if (ladder.data) setRows(rowsOf(ladder.data));
  }, [ladder.data]);
  const save = useMutation({
    mutationFn: () =>
      tiersApi.save(handle, {
        tiers: rows.map((r) => ({
          key: r.key,
          name: r.name,
          minPoints: Number(r.minPoints),
          perks: r.perks,
        })),
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['tiers', handle] }),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  const set = (i: number, patch: Partial<Row>) =>
    setRows(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  if (ladder.isPending) return <Loading />;
  if (ladder.error) return <ErrorBanner error={ladder.error} />;
  return (
    <div className="advocates-page" data-testid="tiers-page">
      <PageHeader title="Advocates" />
      <AdvocatesTabs handle={handle} />
      <h2 className="advocates-heading">Tiers</h2>
      <p className="muted small">
        A person’s tier follows their points over the last 12 months. Perks are not discounts: a deal can open
        early for a tier (its early-access field), a tier can be a deal’s audience, and tiers above the first
        show a badge.
        {ladder.data.isDefault && ' These are the default tiers.'}
      </p>
      <form className="tier-ladder" onSubmit={submit} data-testid="tier-ladder">
        {rows.map((r, i) => (
          <fieldset key={r.key} className="tier-row">
            <legend className="visually-hidden">Tier {i + 1}</legend>
            <label>
              Name
              <input value={r.name} onChange={(e) => set(i, { name: e.target.value })} />
            </label>
            <label>
              From (points)
              <input
                type="number"
                value={r.minPoints}
                onChange={(e) => set(i, { minPoints: e.target.value })}
              />
            </label>
            <label className="tier-perks">
              Perks
              <input value={r.perks} onChange={(e) => set(i, { perks: e.target.value })} />
            </label>
          </fieldset>
        ))}
        <button type="submit" className="btn" disabled={save.isPending}>
          Save tiers
        </button>
        {save.isSuccess && <span className="muted small">Saved</span>}
      </form>
      {save.error && <ErrorBanner error={save.error} />}
      <h2 className="advocates-heading">Who moved tier</h2>
      {changes.data && changes.data.items.length === 0 ? (
        <EmptyState title="No moves yet">Moves appear as people earn points.</EmptyState>
      ) : (
        <table className="referral-table" data-testid="tier-changes">
          <thead>
            <tr>
              <th scope="col">Who</th>
              <th scope="col">Move</th>
              <th scope="col">Why</th>
              <th scope="col">When</th>
            </tr>
          </thead>
          <tbody>
            {changes.data?.items.map((c) => (
              <tr key={c.id} data-testid="tier-change" data-direction={c.direction}>
                <td data-label="Who">
                  <AccountRow account={c.person} size={24} />
                </td>
                <td data-label="Move">
                  {c.from ? `${c.from} → ${c.to}` : `Joined as ${c.to}`}
                  <span className="advocate-detail">{c.points} points</span>
                </td>
                <td data-label="Why">{c.reason}</td>
                <td data-label="When">{formatDate(c.createdAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

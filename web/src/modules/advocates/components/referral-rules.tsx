import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { ErrorBanner } from '../../../shared/ui/status.tsx';
import { KIND_LABELS, type PointsRules, referralsApi } from '../api/advocates.api.ts';

type Kind = PointsRules['rules'][number]['kind'];

/** The brand's referral rules (hold period, when strangers flag a code) and its points per contribution. */
export function ReferralRules({ handle }: { handle: string }) {
  const queryClient = useQueryClient();
  const settings = useQuery({
    queryKey: ['referrals', handle, 'settings'],
    queryFn: () => referralsApi.settings(handle),
  });
  const rules = useQuery({
    queryKey: ['referrals', handle, 'rules'],
    queryFn: () => referralsApi.rules(handle),
  });
  const [hold, setHold] = useState('');
  const [strangers, setStrangers] = useState('');
  const [points, setPoints] = useState<Partial<Record<Kind, string>>>({});
  useEffect(() => {
    if (settings.data) {
      setHold(String(settings.data.holdDays));
      setStrangers(String(settings.data.strangerFlagThreshold));
    }
  }, [settings.data]);
  useEffect(() => {
    if (rules.data) setPoints(Object.fromEntries(rules.data.rules.map((r) => [r.kind, String(r.points)])));
  }, [rules.data]);
  const saveSettings = useMutation({
    mutationFn: () =>
      referralsApi.saveSettings(handle, { holdDays: Number(hold), strangerFlagThreshold: Number(strangers) }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['referrals', handle, 'settings'] }),
  });
  const saveRules = useMutation({
    mutationFn: () =>
      referralsApi.saveRules(
        handle,
        (rules.data?.rules ?? []).map((r) => ({ kind: r.kind, points: Number(points[r.kind] ?? r.points) })),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['referrals', handle, 'rules'] }),
  });
  const submitSettings = (e: FormEvent) => {
    e.preventDefault();
    saveSettings.mutate();
  };
  const submitRules = (e: FormEvent) => {
    e.preventDefault();
    saveRules.mutate();
  };
  return (
    <div className="referral-rules">
      <form className="advocates-segment-form" onSubmit={submitSettings} data-testid="referral-settings">
        <label>
          Hold period (days)
          <input type="number" min={0} max={365} value={hold} onChange={(e) => setHold(e.target.value)} />
        </label>
        <label>
          Flag a code after this many strangers
          <input type="number" min={2} value={strangers} onChange={(e) => setStrangers(e.target.value)} />
        </label>
        <button type="submit" className="btn" disabled={saveSettings.isPending || !hold}>
          Save referral rules
        </button>
        {saveSettings.isSuccess && <span className="muted small">Saved</span>}
      </form>
      {saveSettings.error && (
        <ErrorBanner error={saveSettings.error} fields={['holdDays', 'strangerFlagThreshold']} />
      )}
      <form className="advocates-segment-form" onSubmit={submitRules} data-testid="points-rules">
        {rules.data?.rules.map((r) => (
          <label key={r.kind}>
            {KIND_LABELS[r.kind]} (points{r.isDefault ? ', default' : ''})
            <input
              type="number"
              value={points[r.kind] ?? ''}
              onChange={(e) => setPoints({ ...points, [r.kind]: e.target.value })}
            />
          </label>
        ))}
        <button type="submit" className="btn" disabled={saveRules.isPending}>
          Save points
        </button>
        {saveRules.isSuccess && <span className="muted small">Saved</span>}
      </form>
      {saveRules.error && <ErrorBanner error={saveRules.error} />}
    </div>
  );
}

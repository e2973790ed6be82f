import { type FormEvent, useState } from 'react';
import { ErrorBanner } from '../../../shared/ui/status.tsx';
import type { CommerceSettings } from '../api/commerce.types.ts';
import { useSaveCommerceSettings } from '../hooks/use-deals.ts';

/** How long a touch (post, reshare, referral) earns the credit for an order, and which touch wins. */
export function AttributionSettings({ handle }: { handle: string }) {
  const save = useSaveCommerceSettings(handle);
  // The API has no read of these settings yet: the form starts from the defaults, then shows what was saved.
  const [days, setDays] = useState('30');
  const [model, setModel] = useState<CommerceSettings['attributionModel']>('last_touch');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate({ attributionWindowDays: Number(days), attributionModel: model });
  };
  return (
    <form className="inline-form attribution-form" onSubmit={submit}>
      <label htmlFor="attr-days" className="small">
        Window (days)
      </label>
      <input
        id="attr-days"
        type="number"
        min={1}
        max={365}
        value={days}
        onChange={(e) => setDays(e.target.value)}
        style={{ maxWidth: 90 }}
      />
      <select
        className="compact-select"
        aria-label="Attribution model"
        value={model}
        onChange={(e) => setModel(e.target.value as CommerceSettings['attributionModel'])}
      >
        <option value="last_touch">Last touch</option>
        <option value="first_touch">First touch</option>
      </select>
      <button type="submit" className="btn btn-secondary btn-sm" disabled={save.isPending}>
        Save
      </button>
      {save.data && (
        <span className="success-text" role="status">
          Saved: {save.data.attributionWindowDays} days, {save.data.attributionModel.replace('_', ' ')}
        </span>
      )}
      <ErrorBanner error={save.error} />
    </form>
  );
}

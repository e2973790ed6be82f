import { useEffect, useState } from 'react';
import { ErrorBanner, Loading } from '../../../shared/ui/status.tsx';
import { useCertificationSettings, useSaveCertificationSettings } from '../hooks/use-certification.ts';

/** Whether the brand requires its course to write as the brand, how long a certificate lasts, the pass mark. */
export function CertificationSettingsPanel({ handle }: { handle: string }) {
  const settings = useCertificationSettings(handle, true);
  const save = useSaveCertificationSettings(handle);
  const [form, setForm] = useState({ required: false, validityDays: 365, passPercent: 80 });
  useEffect(() => {
    if (settings.data) setForm(settings.data);
  }, [settings.data]);
  if (settings.isPending) return <Loading />;
  if (settings.error) return <ErrorBanner error={settings.error} />;
  return (
    <form
      className="panel form"
      aria-labelledby="certification-settings"
      data-testid="certification-settings"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate(form);
      }}
    >
      <h2 id="certification-settings">Certification</h2>
      <label>
        <input
          type="checkbox"
          checked={form.required}
          onChange={(e) => setForm({ ...form, required: e.target.checked })}
          data-testid="certification-required-toggle"
        />{' '}
        Only certified members may post as the brand, publish deals or reply in public
      </label>
      <label className="field">
        <span>Certificates last (days)</span>
        <input
          type="number"
          min={1}
          max={1095}
          value={form.validityDays}
          onChange={(e) => setForm({ ...form, validityDays: Number(e.target.value) })}
        />
      </label>
      <label className="field">
        <span>Pass mark (%)</span>
        <input
          type="number"
          min={1}
          max={100}
          value={form.passPercent}
          onChange={(e) => setForm({ ...form, passPercent: Number(e.target.value) })}
        />
      </label>
      <ErrorBanner error={save.error} fields={['validityDays', 'passPercent']} />
      <div className="form-actions">
        {save.isSuccess && <span role="status">Saved</span>}
        <button type="submit" className="btn btn-primary" disabled={save.isPending}>
          Save
        </button>
      </div>
    </form>
  );
}

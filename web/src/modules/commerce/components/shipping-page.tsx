import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { formatMoney } from '../../../shared/format/money.ts';
import { ErrorBanner, Loading } from '../../../shared/ui/status.tsx';
import { type ShippingRules, shopApi, type TaxInput, type ZoneInput } from '../api/shop-basics.api.ts';
import { Workspace } from './workspace-page.tsx';

const toMinor = (text: string) => Math.round(Number(text.replace(',', '.')) * 100);
const codes = (text: string) =>
  text
    .split(/[\s,]+/)
    .map((c) => c.trim().toUpperCase())
    .filter(Boolean);

function Settings({ handle }: { handle: string }) {
  const client = useQueryClient();
  const rules = useQuery({ queryKey: ['shipping', handle], queryFn: () => shopApi.shipping(handle) });
  const done = (data: ShippingRules) => client.setQueryData(['shipping', handle], data);
  const addZone = useMutation({ mutationFn: (z: ZoneInput) => shopApi.addZone(handle, z), onSuccess: done });
  const deleteZone = useMutation({
    mutationFn: (id: string) => shopApi.deleteZone(handle, id),
    onSuccess: done,
  });
  const saveTax = useMutation({ mutationFn: (t: TaxInput) => shopApi.saveTax(handle, t), onSuccess: done });
  const [zone, setZone] = useState({ name: '', countries: '', rate: '', freeOver: '' });
  const [tax, setTax] = useState<string | null>(null);
  if (rules.isPending) return <Loading />;
  if (rules.error) return <ErrorBanner error={rules.error} />;
  const r = rules.data;
  const currency = r.zones[0]?.currency ?? 'EUR';
  const taxText = tax ?? r.taxRates.map((t) => `${t.country} ${t.rateBp / 100}`).join('\n');
  const submitZone = (e: FormEvent) => {
    e.preventDefault();
    addZone.mutate({
      name: zone.name,
      countries: codes(zone.countries),
      rateMinor: toMinor(zone.rate || '0'),
      ...(zone.freeOver ? { freeOverMinor: toMinor(zone.freeOver) } : {}),
      currency,
    });
  };
  const submitTax = (e: FormEvent) => {
    e.preventDefault();
    const taxRates = taxText
      .split('\n')
      .map((line) => line.trim().split(/\s+/))
      .filter((p) => p[0])
      .map(([country, pct]) => ({ country: country.toUpperCase(), rateBp: Math.round(Number(pct) * 100) }));
    saveTax.mutate({ taxRates });
  };
  return (
    <>
      <section className="panel">
        <h2 className="panel-title">Shipping zones</h2>
        {r.zones.length === 0 && <p className="muted">No zones: orders ship anywhere at no charge.</p>}
        <ul className="plain-list">
          {r.zones.map((z) => (
            <li key={z.id} className="order-card" data-testid="zone-row">
              <div className="order-card-head">
                <strong>{z.name}</strong>
                <span>
                  {formatMoney(z.rateMinor, z.currency)}
                  {z.freeOverMinor !== null ? `, free over ${formatMoney(z.freeOverMinor, z.currency)}` : ''}
                </span>
              </div>
              <span className="muted small">{z.countries.join(', ')}</span>
              <button type="button" className="btn btn-small" onClick={() => deleteZone.mutate(z.id)}>
                Remove
              </button>
            </li>
          ))}
        </ul>
        <form className="form discount-grid" onSubmit={submitZone}>
          <label>
            Name
            <input
              value={zone.name}
              onChange={(e) => setZone({ ...zone, name: e.target.value })}
              placeholder="EU"
              required
            />
          </label>
          <label>
            Countries
            <input
              value={zone.countries}
              onChange={(e) => setZone({ ...zone, countries: e.target.value })}
              placeholder="DE FR NL"
            />
          </label>
          <label>
            Rate ({currency})
            <input
              value={zone.rate}
              onChange={(e) => setZone({ ...zone, rate: e.target.value })}
              inputMode="decimal"
            />
          </label>
          <label>
            Free over
            <input
              value={zone.freeOver}
              onChange={(e) => setZone({ ...zone, freeOver: e.target.value })}
              inputMode="decimal"
              placeholder="never"
            />
          </label>
          <button type="submit" className="btn btn-primary" disabled={addZone.isPending}>
            Add zone
          </button>
        </form>
        {(addZone.error || deleteZone.error) && <ErrorBanner error={addZone.error ?? deleteZone.error} />}
      </section>
      <section className="panel">
        <h2 className="panel-title">Tax and returns</h2>
        <label className="checkbox-row">
          <input
            type="checkbox"
            checked={r.pricesIncludeTax}
            onChange={(e) => saveTax.mutate({ pricesIncludeTax: e.target.checked })}
          />
          Prices include tax (VAT)
        </label>
        <label>
          Return window (days)
          <input
            type="number"
            min={0}
            max={365}
            defaultValue={r.returnWindowDays}
            onBlur={(e) => saveTax.mutate({ returnWindowDays: Number(e.target.value) })}
          />
        </label>
        <form className="form" onSubmit={submitTax}>
          <label>
            Tax rate per country (one per line: country percent)
            <textarea
              rows={5}
              value={taxText}
              onChange={(e) => setTax(e.target.value)}
              placeholder={'DE 19\nFR 20'}
            />
          </label>
          <button type="submit" className="btn btn-primary" disabled={saveTax.isPending}>
            Save tax rates
          </button>
        </form>
        {saveTax.error && <ErrorBanner error={saveTax.error} />}
      </section>
    </>
  );
}

/** `/orgs/:handle/shipping`: zones with their rates, tax per country, prices with or without tax, the return window. */
export function ShippingPage() {
  return (
    <Workspace area="catalog" title="Shipping and tax">
      {({ handle }) => <Settings handle={handle} />}
    </Workspace>
  );
}

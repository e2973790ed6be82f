import { type FormEvent, useState } from 'react';
import { ApiError } from '../../../shared/api/api-error.ts';
import { Field } from '../../../shared/ui/form-field.tsx';
import { formatFull } from '../../../shared/ui/relative-time.tsx';
import { safeHttpUrl } from '../../../shared/ui/safe-url.ts';
import { ErrorBanner } from '../../../shared/ui/status.tsx';
import type { Carrier, Order } from '../api/commerce.types.ts';
import { useOrderAction } from '../hooks/use-orders.ts';

const CARRIERS: { value: Carrier; label: string; example: string }[] = [
  { value: 'dhl', label: 'DHL', example: '1234567890' },
  { value: 'ups', label: 'UPS', example: '1Z999AA10123456784' },
  { value: 'fedex', label: 'FedEx', example: '123456789012' },
  { value: 'usps', label: 'USPS', example: '9400100000000000000000' },
  { value: 'royal_mail', label: 'Royal Mail', example: 'AB123456789GB' },
  { value: 'dpd', label: 'DPD', example: '01234567890123' },
  { value: 'other', label: 'Other carrier', example: 'the courier’s reference' },
];

/** Units of each line not yet in a parcel. */
export function unshipped(order: Order): Map<number, number> {
  const left = new Map(order.items.map((i) => [i.line, i.quantity]));
  for (const s of order.shipments)
    for (const i of s.items) left.set(i.line, (left.get(i.line) ?? 0) - i.quantity);
  return left;
}

/** The parcels of an order with their carrier's tracking link: what the buyer looks for first. */
export function OrderShipments({ order }: { order: Order }) {
  if (order.shipments.length === 0) return null;
  const titles = new Map(order.items.map((i) => [i.line, i.title]));
  return (
    <section className="panel" aria-labelledby="order-shipments">
      <h2 id="order-shipments">Shipments</h2>
      <ul className="shipment-list">
        {order.shipments.map((s) => {
          const url = safeHttpUrl(s.trackingUrl);
          return (
            <li key={s.id} data-testid="shipment">
              <strong>{s.carrierName}</strong>{' '}
              {url ? (
                <a href={url} target="_blank" rel="noopener noreferrer" data-testid="tracking-link">
                  {s.trackingNumber}
                </a>
              ) : (
                <span data-testid="tracking-number">{s.trackingNumber}</span>
              )}
              <div className="muted small">
                {formatFull(s.createdAt)} ·{' '}
                {s.items.map((i) => `${i.quantity} × ${titles.get(i.line) ?? 'item'}`).join(', ')}
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** Brand staff send a parcel: carrier, tracking number (checked per carrier) and which items are in it. */
export function ShipmentForm({ order, onDone }: { order: Order; onDone: () => void }) {
  const action = useOrderAction(order.id);
  const left = unshipped(order);
  const [carrier, setCarrier] = useState<Carrier>('dhl');
  const [tracking, setTracking] = useState('');
  const [url, setUrl] = useState('');
  const [quantities, setQuantities] = useState(() => new Map(left));
  const error = action.error instanceof ApiError ? action.error : null;
  const example = CARRIERS.find((c) => c.value === carrier)?.example;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const items = [...quantities].filter(([, q]) => q > 0).map(([line, quantity]) => ({ line, quantity }));
    action.mutate(
      {
        kind: 'ship',
        shipment: {
          carrier,
          trackingNumber: tracking,
          ...(carrier === 'other' && url.trim() ? { trackingUrl: url.trim() } : {}),
          items,
        },
      },
      { onSuccess: onDone },
    );
  };
  return (
    <form className="shipment-form" onSubmit={submit} data-testid="shipment-form" noValidate>
      <div className="form-grid">
        <Field label="Carrier" error={error?.fieldMessage('carrier')}>
          {(p) => (
            <select
              {...p}
              value={carrier}
              onChange={(e) => setCarrier(e.target.value as Carrier)}
              data-testid="shipment-carrier"
            >
              {CARRIERS.map((c) => (
                <option key={c.value} value={c.value}>
                  {c.label}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Tracking number" error={error?.fieldMessage('trackingNumber')} hint={`e.g. ${example}`}>
          {(p) => (
            <input
              {...p}
              value={tracking}
              maxLength={60}
              autoComplete="off"
              onChange={(e) => setTracking(e.target.value)}
              data-testid="shipment-tracking"
            />
          )}
        </Field>
        {carrier === 'other' && (
          <Field label="Tracking link (optional)" error={error?.fieldMessage('trackingUrl')}>
            {(p) => (
              <input
                {...p}
                type="url"
                value={url}
                placeholder="https://"
                onChange={(e) => setUrl(e.target.value)}
              />
            )}
          </Field>
        )}
      </div>
      <fieldset className="shipment-lines">
        <legend>In this parcel</legend>
        {order.items
          .filter((i) => (left.get(i.line) ?? 0) > 0)
          .map((i) => (
            <label key={i.line} className="shipment-line">
              <input
                type="number"
                min={0}
                max={left.get(i.line)}
                value={quantities.get(i.line) ?? 0}
                onChange={(e) =>
                  setQuantities((m) =>
                    new Map(m).set(
                      i.line,
                      Math.max(0, Math.min(left.get(i.line)!, Number(e.target.value) || 0)),
                    ),
                  )
                }
                className="quantity-input"
                data-testid={`shipment-qty-${i.line}`}
              />
              <span>
                of {left.get(i.line)} × {i.title}
              </span>
            </label>
          ))}
      </fieldset>
      <ErrorBanner error={action.error} fields={['carrier', 'trackingNumber', 'trackingUrl']} />
      <div className="form-actions">
        <button
          type="submit"
          className="btn btn-primary btn-sm"
          disabled={action.isPending}
          data-testid="shipment-save"
        >
          Ship and notify the buyer
        </button>
        <button type="button" className="btn btn-ghost btn-sm" onClick={onDone}>
          Close
        </button>
      </div>
    </form>
  );
}

import { type FormEvent, useState } from 'react';
import { ApiError } from '../../../shared/api/api-error.ts';
import { formatDateTime, toLocalInput } from '../../../shared/format/date.ts';
import { formatMoney, parseDecimal, toDecimal } from '../../../shared/format/money.ts';
import { Field } from '../../../shared/ui/form-field.tsx';
import { ErrorBanner } from '../../../shared/ui/status.tsx';
import type { DealCard, DealEdit, DealHistoryEntry } from '../api/commerce.types.ts';
import { useDealChanges, useDealHistory } from '../hooks/use-deals.ts';

const FIELDS = ['title', 'percentOff', 'valueMinor', 'endsAt', 'quantityCap'];
const LABELS: Record<string, string> = {
  title: 'title',
  percentOff: 'percent off',
  valueMinor: 'price',
  endsAt: 'end',
  quantityCap: 'stock cap',
};

function describe(entry: DealHistoryEntry, currency: string): string {
  if (entry.action === 'ended') return 'Ended early';
  const show = (field: string, v: unknown) =>
    v === null
      ? 'none'
      : field === 'endsAt'
        ? formatDateTime(String(v))
        : field === 'valueMinor'
          ? formatMoney(Number(v), currency)
          : String(v);
  return Object.entries(entry.changes)
    .map(([f, c]) => `${LABELS[f] ?? f}: ${show(f, c.from)} → ${show(f, c.to)}`)
    .join('; ');
}

function DealHistory({ card }: { card: DealCard }) {
  const history = useDealHistory(card.id);
  const items = history.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <ol className="deal-history small" data-testid="deal-history">
      {items.map((h) => (
        <li key={h.at}>
          {formatDateTime(h.at)} · @{h.actor?.handle ?? 'someone'} · {describe(h, card.currency)}
        </li>
      ))}
    </ol>
  );
}

/** Edit a live or scheduled deal, or end it now; the price locks once a unit is sold, and the form says so. */
export function DealEditor({ card, handle, onDone }: { card: DealCard; handle: string; onDone: () => void }) {
  const { edit, end } = useDealChanges(handle, card.id);
  const priced = card.type !== 'free_addon';
  const [form, setForm] = useState({
    title: card.title ?? '',
    price:
      card.type === 'percent_off'
        ? String(card.percentOff ?? '')
        : card.valueMinor !== null
          ? toDecimal(card.valueMinor, card.currency)
          : '',
    endsAt: toLocalInput(new Date(card.endsAt)),
    quantityCap: card.quantityCap === null ? '' : String(card.quantityCap),
  });
  const locked = card.sold > 0;
  const error = edit.error instanceof ApiError ? edit.error : null;
  const set = (patch: Partial<typeof form>) => setForm((f) => ({ ...f, ...patch }));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body: DealEdit = {
      title: form.title.trim() || null,
      endsAt: new Date(form.endsAt).toISOString(),
      quantityCap: form.quantityCap.trim() ? Number(form.quantityCap) : null,
    };
    if (priced && !locked) {
      if (card.type === 'percent_off') body.percentOff = Number(form.price);
      else body.valueMinor = parseDecimal(form.price, card.currency) ?? -1;
    }
    edit.mutate(body, { onSuccess: onDone });
  };
  const endNow = () => {
    if (window.confirm('End this deal now? Buy stops at once and unpaid orders give their units back.'))
      end.mutate(undefined, { onSuccess: onDone });
  };

  return (
    <form className="deal-editor" onSubmit={submit} data-testid="deal-editor" noValidate>
      <div className="form-grid">
        <Field label="Title" error={error?.fieldMessage('title')} hint="Empty: the products' names">
          {(p) => (
            <input
              {...p}
              value={form.title}
              maxLength={120}
              onChange={(e) => set({ title: e.target.value })}
              data-testid="deal-edit-title"
            />
          )}
        </Field>
        {priced && (
          <Field
            label={card.type === 'percent_off' ? 'Percent off' : `Price (${card.currency})`}
            error={error?.fieldMessage(card.type === 'percent_off' ? 'percentOff' : 'valueMinor')}
            hint={
              locked
                ? `Locked: ${card.sold} sold at this price. End the deal and publish a new one to change it.`
                : 'Checked against your reseller floors'
            }
          >
            {(p) => (
              <input
                {...p}
                inputMode="decimal"
                value={form.price}
                disabled={locked}
                onChange={(e) => set({ price: e.target.value })}
                data-testid="deal-edit-price"
              />
            )}
          </Field>
        )}
        <Field label="Ends" error={error?.fieldMessage('endsAt')}>
          {(p) => (
            <input
              {...p}
              type="datetime-local"
              value={form.endsAt}
              onChange={(e) => set({ endsAt: e.target.value })}
              data-testid="deal-edit-ends"
            />
          )}
        </Field>
        <Field
          label="Stock cap"
          error={error?.fieldMessage('quantityCap')}
          hint={`Empty: no cap. Not below the ${card.sold} sold.`}
        >
          {(p) => (
            <input
              {...p}
              inputMode="numeric"
              value={form.quantityCap}
              onChange={(e) => set({ quantityCap: e.target.value })}
              data-testid="deal-edit-cap"
            />
          )}
        </Field>
      </div>
      <ErrorBanner error={edit.error ?? end.error} fields={FIELDS} />
      <div className="form-actions">
        <button type="submit" className="btn btn-primary btn-sm" disabled={edit.isPending}>
          Save changes
        </button>
        <button type="button" className="btn btn-ghost btn-sm" onClick={onDone}>
          Close
        </button>
        <button
          type="button"
          className="btn btn-danger btn-sm"
          onClick={endNow}
          disabled={end.isPending}
          data-testid="deal-end"
        >
          End deal now
        </button>
      </div>
      <DealHistory card={card} />
    </form>
  );
}

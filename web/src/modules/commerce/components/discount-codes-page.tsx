import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { formatMoney } from '../../../shared/format/money.ts';
import { EmptyState, ErrorBanner, Loading } from '../../../shared/ui/status.tsx';
import { type DiscountCode, type DiscountCodeInput, shopApi } from '../api/shop-basics.api.ts';
import { Workspace } from './workspace-page.tsx';

const toMinor = (text: string) => Math.round(Number(text.replace(',', '.')) * 100);

function NewCode({ handle, currency }: { handle: string; currency: string }) {
  const client = useQueryClient();
  const [code, setCode] = useState('');
  const [kind, setKind] = useState<'percent' | 'amount'>('percent');
  const [value, setValue] = useState('10');
  const [minOrder, setMinOrder] = useState('');
  const [limit, setLimit] = useState('');
  const [perCustomer, setPerCustomer] = useState('1');
  const [endsAt, setEndsAt] = useState('');
  const create = useMutation({
    mutationFn: (input: DiscountCodeInput) => shopApi.createCode(handle, input),
    onSuccess: () => {
      setCode('');
      void client.invalidateQueries({ queryKey: ['discount-codes', handle] });
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate({
      code,
      kind,
      currency,
      ...(kind === 'percent' ? { percentOff: Number(value) } : { amountMinor: toMinor(value) }),
      ...(minOrder ? { minOrderMinor: toMinor(minOrder) } : {}),
      ...(limit ? { usageLimit: Number(limit) } : {}),
      ...(perCustomer ? { perCustomerLimit: Number(perCustomer) } : {}),
      ...(endsAt ? { endsAt: new Date(endsAt).toISOString() } : {}),
    });
  };
  return (
    <form className="panel form discount-form" onSubmit={submit} data-testid="discount-form">
      <h2 className="panel-title">New code</h2>
      <div className="discount-grid">
        <label>
          Code
          <input
            value={code}
            onChange={(e) => setCode(e.target.value)}
            placeholder="SPRING10"
            data-testid="discount-code-input"
            required
          />
        </label>
        <label>
          Type
          <select
            value={kind}
            onChange={(e) => setKind(e.target.value as 'percent' | 'amount')}
            data-testid="discount-kind"
          >
            <option value="percent">Percent off</option>
            <option value="amount">Amount off ({currency})</option>
          </select>
        </label>
        <label>
          {kind === 'percent' ? 'Percent' : 'Amount'}
          <input
            value={value}
            onChange={(e) => setValue(e.target.value)}
            inputMode="decimal"
            data-testid="discount-value"
          />
        </label>
        <label>
          Minimum order
          <input
            value={minOrder}
            onChange={(e) => setMinOrder(e.target.value)}
            inputMode="decimal"
            placeholder="none"
          />
        </label>
        <label>
          Total uses
          <input
            value={limit}
            onChange={(e) => setLimit(e.target.value)}
            inputMode="numeric"
            placeholder="unlimited"
            data-testid="discount-limit"
          />
        </label>
        <label>
          Per customer
          <input
            value={perCustomer}
            onChange={(e) => setPerCustomer(e.target.value)}
            inputMode="numeric"
            placeholder="unlimited"
          />
        </label>
        <label>
          Ends
          <input type="datetime-local" value={endsAt} onChange={(e) => setEndsAt(e.target.value)} />
        </label>
      </div>
      {create.error && <ErrorBanner error={create.error} />}
      <button
        type="submit"
        className="btn btn-primary"
        disabled={create.isPending || code.trim().length < 3}
        data-testid="discount-create"
      >
        Create code
      </button>
    </form>
  );
}

function CodeRow({ handle, code }: { handle: string; code: DiscountCode }) {
  const client = useQueryClient();
  const disable = useMutation({
    mutationFn: () => shopApi.disableCode(handle, code.id),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['discount-codes', handle] }),
  });
  return (
    <li className="order-card" data-testid="discount-row">
      <div className="order-card-head">
        <strong>{code.code}</strong>
        <span className={`chip chip-${code.state}`}>{code.state.replace('_', ' ')}</span>
      </div>
      <span className="muted small">
        {code.summary}
        {code.minOrderMinor ? ` · orders over ${formatMoney(code.minOrderMinor, code.currency)}` : ''} · used{' '}
        {code.used}
        {code.usageLimit ? ` of ${code.usageLimit}` : ''}
        {code.perCustomerLimit ? ` · ${code.perCustomerLimit} per customer` : ''}
        {code.endsAt
          ? ` · ends ${new Date(code.endsAt).toLocaleDateString('en', { dateStyle: 'medium' })}`
          : ''}
      </span>
      {code.state !== 'disabled' && (
        <button
          type="button"
          className="btn btn-small"
          onClick={() => disable.mutate()}
          disabled={disable.isPending}
        >
          Disable
        </button>
      )}
    </li>
  );
}

function Codes({ handle }: { handle: string }) {
  const codes = useQuery({ queryKey: ['discount-codes', handle], queryFn: () => shopApi.codes(handle) });
  const products = useQuery({ queryKey: ['shop-currency', handle], queryFn: () => shopApi.shipping(handle) });
  const currency = products.data?.zones[0]?.currency ?? 'EUR';
  return (
    <>
      <NewCode handle={handle} currency={currency} />
      {codes.isPending ? (
        <Loading />
      ) : codes.error ? (
        <ErrorBanner error={codes.error} />
      ) : codes.data.items.length === 0 ? (
        <EmptyState title="No discount codes yet" />
      ) : (
        <ul className="plain-list">
          {codes.data.items.map((c) => (
            <CodeRow key={c.id} handle={handle} code={c} />
          ))}
        </ul>
      )}
    </>
  );
}

/** `/orgs/:handle/discounts`: the brand's discount codes: create, see their use, disable. */
export function DiscountCodesPage() {
  return (
    <Workspace area="catalog" title="Discount codes">
      {({ handle }) => <Codes handle={handle} />}
    </Workspace>
  );
}

import { formatMoney } from '../../../shared/format/money.ts';
import type { DealRole, DealType, Product } from '../api/commerce.types.ts';

/** Products of the deal, each as main product or add-on (add-ons belong to bundles and free add-ons). */
export function DealProductsPicker({
  products,
  selected,
  onChange,
  type,
  prices,
}: {
  products: Product[];
  selected: Map<string, DealRole>;
  onChange: (selected: Map<string, DealRole>) => void;
  type: DealType;
  prices: Map<string, number>;
}) {
  const roles = type === 'bundle' || type === 'free_addon';
  const toggle = (id: string, on: boolean) => {
    const next = new Map(selected);
    if (on) next.set(id, 'main');
    else next.delete(id);
    onChange(next);
  };
  return (
    <fieldset className="deal-products" data-testid="deal-products">
      <legend>Products</legend>
      {products.length === 0 && <p className="muted">Add products to the catalog first.</p>}
      {products.map((p) => {
        const role = selected.get(p.id);
        const price = prices.get(p.id);
        return (
          <div key={p.id} className="deal-product-pick">
            <input
              type="checkbox"
              id={`deal-product-${p.id}`}
              checked={role !== undefined}
              onChange={(e) => toggle(p.id, e.target.checked)}
              data-testid="deal-product"
              data-title={p.title}
            />
            <label htmlFor={`deal-product-${p.id}`} className="truncate">
              {p.title}
              {p.exclusive && <span className="exclusive-chip"> Exclusive</span>}
              <span className="muted small">
                {' '}
                · {formatMoney(p.priceMinor, p.currency)}
                {p.resellerFloorMinor != null && `, floor ${formatMoney(p.resellerFloorMinor, p.currency)}`}
              </span>
            </label>
            {role !== undefined && roles ? (
              <select
                className="compact-select"
                value={role}
                aria-label={`Role of ${p.title}`}
                onChange={(e) => onChange(new Map(selected).set(p.id, e.target.value as DealRole))}
              >
                <option value="main">Main</option>
                <option value="addon">Add-on</option>
              </select>
            ) : (
              <span />
            )}
            <strong className="small">
              {role !== undefined && price !== undefined ? formatMoney(price, p.currency) : ''}
            </strong>
          </div>
        );
      })}
    </fieldset>
  );
}

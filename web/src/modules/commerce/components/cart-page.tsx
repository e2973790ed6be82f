import { useState } from 'react';
import { Link } from 'react-router';
import { formatMoney } from '../../../shared/format/money.ts';
import { PageHeader } from '../../../shared/ui/page-header.tsx';
import { EmptyState, ErrorBanner, Loading } from '../../../shared/ui/status.tsx';
import type { CartLine } from '../api/commerce.types.ts';
import { useCart, useSetCartItem } from '../hooks/use-shopper.ts';
import { CheckoutForm } from './checkout-form.tsx';
import { CheckoutSheet } from './checkout-sheet.tsx';

type Group = { orgId: string; brand: string; currency: string; lines: CartLine[] };

/** One order buys from one brand in one currency, so the cart is checked out per group. */
function groupLines(lines: CartLine[]): Group[] {
  const groups = new Map<string, Group>();
  for (const line of lines) {
    const key = `${line.product.orgId}:${line.product.currency}`;
    const group = groups.get(key) ?? {
      orgId: line.product.orgId,
      brand: line.product.org?.name ?? 'this shop',
      currency: line.product.currency,
      lines: [],
    };
    group.lines.push(line);
    groups.set(key, group);
  }
  return [...groups.values()];
}

const variantName = (line: CartLine) =>
  line.product.variants.find((v) => v.id === line.variantId)?.name ?? '';

function CartLineRow({ line }: { line: CartLine }) {
  const setItem = useSetCartItem();
  const name = variantName(line);
  return (
    <li className="cart-line" data-testid="cart-line">
      <Link to={`/products/${line.product.id}`} className="truncate">
        {line.product.title}
        {name && <span className="muted"> · {name}</span>}
      </Link>
      <input
        type="number"
        className="quantity-input"
        min={0}
        max={100}
        value={line.quantity}
        aria-label={`Quantity of ${line.product.title}`}
        onChange={(e) =>
          setItem.mutate({
            variantId: line.variantId,
            quantity: Math.max(0, Math.min(100, Number(e.target.value))),
          })
        }
      />
      <span>{formatMoney(line.product.priceMinor * line.quantity, line.product.currency)}</span>
      <button
        type="button"
        className="btn btn-ghost btn-xs"
        onClick={() => setItem.mutate({ variantId: line.variantId, quantity: 0 })}
      >
        Remove
      </button>
    </li>
  );
}

function CartGroup({ group }: { group: Group }) {
  const [open, setOpen] = useState(false);
  const subtotal = group.lines.reduce((sum, l) => sum + l.product.priceMinor * l.quantity, 0);
  return (
    <section className="cart-group" data-testid="cart-group">
      <div className="cart-group-head">
        <h2 className="section-title">{group.brand === 'this shop' ? 'Items' : group.brand}</h2>
        <strong>{formatMoney(subtotal, group.currency)}</strong>
      </div>
      <ul className="cart-lines">
        {group.lines.map((line) => (
          <CartLineRow key={line.variantId} line={line} />
        ))}
      </ul>
      <div className="form-actions">
        <button
          type="button"
          className="btn btn-primary"
          data-testid="cart-checkout"
          onClick={() => setOpen(true)}
        >
          Check out with {group.brand}
        </button>
      </div>
      {open && (
        <CheckoutSheet title={`Check out with ${group.brand}`} onClose={() => setOpen(false)}>
          <CheckoutForm
            lines={group.lines.map((l) => ({
              variantId: l.variantId,
              quantity: l.quantity,
              unitPriceMinor: l.product.priceMinor,
              label: variantName(l) ? `${l.product.title} (${variantName(l)})` : l.product.title,
            }))}
            currency={group.currency}
            onClose={() => setOpen(false)}
          />
        </CheckoutSheet>
      )}
    </section>
  );
}

/** The cart, grouped by brand, each group checked out on its own. */
export function CartPage() {
  const cart = useCart();
  const groups = groupLines(cart.data?.items ?? []);
  return (
    <>
      <PageHeader title="Cart" />
      {cart.isPending ? (
        <Loading />
      ) : cart.error ? (
        <ErrorBanner error={cart.error} />
      ) : groups.length === 0 ? (
        <EmptyState title="Your cart is empty">
          Find something in a brand’s <strong>Shop</strong> tab or a deal in your timeline.
        </EmptyState>
      ) : (
        groups.map((g) => <CartGroup key={`${g.orgId}:${g.currency}`} group={g} />)
      )}
    </>
  );
}

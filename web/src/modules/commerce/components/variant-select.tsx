import type { Product } from '../api/commerce.types.ts';

/** Picks one variant of a product; sold-out variants show but cannot be chosen. */
export function VariantSelect({
  product,
  value,
  onChange,
  testId = 'variant-select',
}: {
  product: Product;
  value: string;
  onChange: (variantId: string) => void;
  testId?: string;
}) {
  if (product.variants.length === 1) {
    const only = product.variants[0];
    return only.name ? <span className="muted small">{only.name}</span> : null;
  }
  return (
    <select
      className="compact-select"
      value={value}
      onChange={(e) => onChange(e.target.value)}
      aria-label={`${product.title} option`}
      data-testid={testId}
    >
      {product.variants.map((v) => (
        <option key={v.id} value={v.id} disabled={v.stock <= 0}>
          {v.name || v.sku}
          {v.stock <= 0 ? ' (sold out)' : v.stock < 5 ? ` (${v.stock} left)` : ''}
        </option>
      ))}
    </select>
  );
}

/** The first variant still in stock, else the first. */
export function defaultVariant(product: Product): string {
  return (product.variants.find((v) => v.stock > 0) ?? product.variants[0])?.id ?? '';
}

export function QuantityInput({
  value,
  max,
  onChange,
}: {
  value: number;
  max: number;
  onChange: (quantity: number) => void;
}) {
  return (
    <input
      type="number"
      className="quantity-input"
      min={1}
      max={Math.max(1, max)}
      value={value}
      aria-label="Quantity"
      data-testid="checkout-quantity"
      onChange={(e) =>
        onChange(Math.min(Math.max(1, Math.floor(Number(e.target.value) || 1)), Math.max(1, max)))
      }
    />
  );
}

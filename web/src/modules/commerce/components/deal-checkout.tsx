import { useState } from 'react';
import type { DealCard } from '../api/commerce.types.ts';
import { isWholeDeal } from '../api/deal-pricing.ts';
import { CheckoutForm, type CheckoutLine } from './checkout-form.tsx';
import { PurchaseSharingAsk } from './purchase-sharing.tsx';
import { defaultVariant, QuantityInput, VariantSelect } from './variant-select.tsx';

/** The most one order may take: what the per-customer limit, the cap and the stock still allow (at most 10). */
function maxQuantity(card: DealCard, stock: number): number {
  const limit = card.perCustomerLimit === null ? 10 : card.perCustomerLimit - card.viewer.bought;
  return Math.max(0, Math.min(10, limit, card.remaining ?? 10, stock));
}

/** Buy from a deal card: which product and option, how many, then the checkout form. */
export function DealCheckout({
  card,
  source,
  onClose,
}: {
  card: DealCard;
  source: { postId?: string; ref?: string };
  onClose: () => void;
}) {
  const whole = isWholeDeal(card.type);
  const mains = card.items.filter((i) => i.role === 'main');
  const [chosen, setChosen] = useState(mains[0]?.product.id ?? card.items[0]?.product.id);
  const [variants, setVariants] = useState<Record<string, string>>(() =>
    Object.fromEntries(card.items.map((i) => [i.product.id, defaultVariant(i.product)])),
  );
  const [quantity, setQuantity] = useState(1);
  const included = whole ? card.items : card.items.filter((i) => i.product.id === chosen);
  const stock = Math.min(
    ...included.map((i) => i.product.variants.find((v) => v.id === variants[i.product.id])?.stock ?? 0),
  );
  const max = maxQuantity(card, stock);
  const lines: CheckoutLine[] = included.map((i) => {
    const variant = i.product.variants.find((v) => v.id === variants[i.product.id]);
    return {
      variantId: variants[i.product.id],
      quantity,
      unitPriceMinor: i.dealPriceMinor,
      label: variant?.name ? `${i.product.title} (${variant.name})` : i.product.title,
    };
  });

  const choices = (
    <div className="checkout-choices">
      {!whole && mains.length > 1 && (
        <fieldset className="checkout-pick">
          <legend>Product</legend>
          {mains.map((i) => (
            <label key={i.product.id} className="checkout-pick-option">
              <input
                type="radio"
                name={`deal-${card.id}-product`}
                checked={chosen === i.product.id}
                onChange={() => setChosen(i.product.id)}
              />
              {i.product.title}
            </label>
          ))}
        </fieldset>
      )}
      {included.map((i) => (
        <div key={i.product.id} className="checkout-choice">
          <span className="checkout-choice-title">{i.product.title}</span>
          <VariantSelect
            product={i.product}
            value={variants[i.product.id]}
            onChange={(id) => setVariants((v) => ({ ...v, [i.product.id]: id }))}
          />
        </div>
      ))}
      <div className="checkout-choice">
        <span className="checkout-choice-title">{whole ? 'Sets' : 'Quantity'}</span>
        <QuantityInput value={Math.min(quantity, Math.max(1, max))} max={max} onChange={setQuantity} />
      </div>
      <PurchaseSharingAsk />
      {max === 0 && (
        <p className="inline-error" role="alert">
          {card.perCustomerLimit !== null && card.viewer.bought >= card.perCustomerLimit
            ? 'You already bought as many as this deal allows per customer.'
            : 'This option is out of stock.'}
        </p>
      )}
    </div>
  );

  return (
    <CheckoutForm
      lines={lines.map((l) => ({ ...l, quantity: Math.min(quantity, Math.max(1, max)) }))}
      currency={card.currency}
      dealId={card.id}
      source={source}
      choices={choices}
      disabled={max === 0}
      onClose={onClose}
    />
  );
}

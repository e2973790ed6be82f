import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useState } from 'react';
import { ApiError } from '../../../shared/api/api-error.ts';
import { formatMoney } from '../../../shared/format/money.ts';
import { Field } from '../../../shared/ui/form-field.tsx';
import { ErrorBanner, Loading } from '../../../shared/ui/status.tsx';
import { addressErrors } from '../api/address-rules.ts';
import type { AddressInput, CheckoutInput } from '../api/commerce.types.ts';
import { shopApi } from '../api/shop-basics.api.ts';
import { usePlaceOrder } from '../hooks/use-checkout.ts';
import { useAddAddress, useAddresses } from '../hooks/use-shopper.ts';
import { cleanAddress, EMPTY_ADDRESS, formatAddress } from './address-fields.tsx';
import { type AddressChoice, AddressPicker } from './address-picker.tsx';
import { CheckoutError, CheckoutResult } from './checkout-result.tsx';
import { TestCardHint } from './test-card-hint.tsx';

export type CheckoutLine = { variantId: string; quantity: number; unitPriceMinor: number; label: string };

type CheckoutFormProps = {
  lines: CheckoutLine[];
  currency: string;
  dealId?: string;
  source?: CheckoutInput['source'];
  /** What to buy (product, option, quantity), shown above the address. */
  choices?: ReactNode;
  disabled?: boolean;
  onClose?: () => void;
};

/** Address, card and Pay: posts the order with the total the buyer saw, then shows what happened. */
export function CheckoutForm({
  lines,
  currency,
  dealId,
  source,
  choices,
  disabled,
  onClose,
}: CheckoutFormProps) {
  const addresses = useAddresses();
  const addAddress = useAddAddress();
  const place = usePlaceOrder();
  const [picked, setPicked] = useState<AddressChoice | null>(null);
  const [card, setCard] = useState('');
  const [addressProblems, setAddressProblems] = useState<Partial<Record<keyof AddressInput, string>>>({});
  const saved = addresses.data?.items ?? [];
  const address: AddressChoice =
    picked ??
    (saved[0] ? { mode: 'saved', id: saved[0].id } : { mode: 'new', address: EMPTY_ADDRESS, save: true });
  // Where the order will go, read back in full (country by name) right above Pay.
  const shipTo =
    address.mode === 'saved'
      ? saved.find((a) => a.id === address.id)
      : Object.keys(addressErrors(address.address)).length === 0
        ? address.address
        : undefined;
  const [codeText, setCodeText] = useState('');
  const [code, setCode] = useState<string | undefined>(undefined);
  const items = lines.map((l) => ({ variantId: l.variantId, quantity: l.quantity }));
  // The server prices the order as checkout will: discount code, shipping to the country, tax.
  const quote = useQuery({
    queryKey: ['quote', dealId, items, code, shipTo?.country],
    queryFn: () =>
      shopApi.quote({
        ...(dealId ? { dealId } : {}),
        items,
        ...(code ? { discountCode: code } : {}),
        ...(shipTo ? { country: shipTo.country } : {}),
      }),
    placeholderData: keepPreviousData,
    retry: false,
  });
  const q = quote.isError ? undefined : quote.data;
  const total = q?.totalMinor ?? lines.reduce((sum, l) => sum + l.unitPriceMinor * l.quantity, 0);

  if (addresses.isPending) return <Loading />;
  if (place.data) return <CheckoutResult placed={place.data} onClose={onClose} />;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (address.mode === 'new') {
      const problems = addressErrors(address.address);
      setAddressProblems(problems);
      if (Object.keys(problems).length > 0) return;
    }
    let shipping: Pick<CheckoutInput, 'shippingAddressId' | 'shippingAddress'>;
    if (address.mode === 'saved') shipping = { shippingAddressId: address.id };
    else if (address.save) {
      const created = await addAddress.mutateAsync(cleanAddress(address.address)).catch(() => null);
      if (!created) return;
      setPicked({ mode: 'saved', id: created.id });
      shipping = { shippingAddressId: created.id };
    } else shipping = { shippingAddress: cleanAddress(address.address) };
    place.mutate({
      ...(dealId ? { dealId } : {}),
      items: lines.map((l) => ({ variantId: l.variantId, quantity: l.quantity })),
      ...shipping,
      expectedTotalMinor: total,
      currency,
      ...(code ? { discountCode: code } : {}),
      ...(source ? { source } : {}),
      card: { number: card.replace(/\s+/g, '') },
    });
  };

  const cardError =
    place.error instanceof ApiError && place.error.code === 'validation_failed'
      ? place.error.fieldMessage('card.number')
      : undefined;
  return (
    <form className="form checkout-form" onSubmit={(e) => void submit(e)} noValidate>
      {choices}
      <ul className="checkout-lines">
        {lines.map((l) => (
          <li key={l.variantId}>
            <span>
              {l.quantity} × {l.label}
            </span>
            <span>{formatMoney(l.unitPriceMinor * l.quantity, currency)}</span>
          </li>
        ))}
        {q && q.discountMinor > 0 && (
          <li data-testid="checkout-discount">
            <span>Discount ({q.discountCode})</span>
            <span>−{formatMoney(q.discountMinor, currency)}</span>
          </li>
        )}
        {q && shipTo && (
          <li data-testid="checkout-shipping">
            <span>Shipping</span>
            <span>{q.shippingMinor === 0 ? 'Free' : formatMoney(q.shippingMinor, currency)}</span>
          </li>
        )}
        {q && q.taxMinor > 0 && (
          <li data-testid="checkout-tax">
            <span>
              {q.taxIncluded ? 'Includes tax' : 'Tax'} ({q.taxRateBp / 100}%)
            </span>
            <span>{formatMoney(q.taxMinor, currency)}</span>
          </li>
        )}
        <li className="checkout-total">
          <span>Total</span>
          <strong data-testid="checkout-total">{formatMoney(total, currency)}</strong>
        </li>
      </ul>
      <div className="checkout-code">
        <input
          value={codeText}
          onChange={(e) => setCodeText(e.target.value)}
          placeholder="Discount code"
          aria-label="Discount code"
          maxLength={32}
          data-testid="checkout-code"
        />
        <button
          type="button"
          className="btn"
          onClick={() => setCode(codeText.trim() || undefined)}
          disabled={!codeText.trim() && !code}
          data-testid="checkout-code-apply"
        >
          Apply
        </button>
      </div>
      {quote.error && <ErrorBanner error={quote.error} />}
      <AddressPicker
        addresses={saved}
        value={address}
        onChange={(choice) => {
          setPicked(choice);
          setAddressProblems({});
        }}
        error={addAddress.error ?? place.error}
        local={addressProblems}
      />
      <Field label="Card number" error={cardError} hint={<TestCardHint onPick={setCard} />}>
        {(props) => (
          <input
            {...props}
            value={card}
            onChange={(e) => setCard(e.target.value)}
            inputMode="numeric"
            autoComplete="cc-number"
            placeholder="4242 4242 4242 4242"
            maxLength={23}
            data-testid="checkout-card"
          />
        )}
      </Field>
      {shipTo && (
        <p className="checkout-ship-to" data-testid="checkout-ship-to">
          Ships to <strong>{formatAddress(shipTo)}</strong>
        </p>
      )}
      {place.error && <CheckoutError error={place.error} />}
      <button
        type="submit"
        className="btn btn-primary btn-block"
        data-testid="checkout-submit"
        disabled={
          disabled ||
          place.isPending ||
          addAddress.isPending ||
          quote.isError ||
          card.replace(/\s+/g, '').length < 12
        }
      >
        {place.isPending ? 'Paying…' : `Pay ${formatMoney(total, currency)}`}
      </button>
    </form>
  );
}

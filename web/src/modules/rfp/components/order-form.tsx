import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { Link } from 'react-router';
import { ErrorBanner } from '../../../shared/ui/status.tsx';
import { type AwardInput, rfpKeys } from '../api/rfp.api.ts';

/**
 * Where to ship and the card, for an order at quoted prices (an awarded pitch or an accepted quote). One
 * Idempotency-Key per intent: a retry after a network failure cannot order twice.
 */
export function OrderForm({
  intro,
  submitLabel,
  place,
  onCancel,
  testId,
}: {
  intro: React.ReactNode;
  submitLabel: string;
  place: (body: AwardInput, key: string) => Promise<{ orderId: string }>;
  onCancel?: () => void;
  testId: string;
}) {
  const queryClient = useQueryClient();
  const key = useRef(crypto.randomUUID());
  const [address, setAddress] = useState({ name: '', line1: '', city: '', postalCode: '', country: 'GB' });
  const [card, setCard] = useState('');
  const order = useMutation({
    mutationFn: () => place({ shippingAddress: address, card: { number: card } }, key.current),
    onSettled: () => queryClient.invalidateQueries({ queryKey: rfpKeys.all }),
  });
  if (order.data)
    return (
      <p className="rfp-awarded" data-testid={`${testId}-done`}>
        Ordered. <Link to={`/orders/${order.data.orderId}`}>See your order</Link>
      </p>
    );
  const field = (name: keyof typeof address, label: string) => (
    <label>
      {label}
      <input
        name={name}
        value={address[name]}
        onChange={(e) => setAddress({ ...address, [name]: e.target.value })}
        required
      />
    </label>
  );
  return (
    <form
      className="rfp-form award-form"
      data-testid={`${testId}-form`}
      onSubmit={(e) => {
        e.preventDefault();
        order.mutate();
      }}
    >
      <p>{intro}</p>
      {field('name', 'Name')}
      {field('line1', 'Address')}
      <div className="rfp-form-row">
        {field('city', 'City')}
        {field('postalCode', 'Postal code')}
        {field('country', 'Country')}
      </div>
      <label>
        Card number
        <input
          name="card"
          value={card}
          onChange={(e) => setCard(e.target.value)}
          inputMode="numeric"
          required
        />
      </label>
      <ErrorBanner error={order.error} />
      <div className="rfp-actions">
        <button
          type="submit"
          className="btn btn-primary"
          disabled={order.isPending}
          data-testid={`${testId}-confirm`}
        >
          {submitLabel}
        </button>
        {onCancel && (
          <button type="button" className="btn btn-secondary" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}

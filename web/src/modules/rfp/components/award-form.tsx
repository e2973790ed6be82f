import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { Link } from 'react-router';
import { formatMoney } from '../../../shared/format/money.ts';
import { ErrorBanner } from '../../../shared/ui/status.tsx';
import { type Pitch, rfpApi, rfpKeys } from '../api/rfp.api.ts';

/** Award a pitch: where to ship and the card; the quote becomes the order at the quoted price. */
export function AwardForm({ pitch, onCancel }: { pitch: Pitch; onCancel: () => void }) {
  const queryClient = useQueryClient();
  // One key per award intent: a retry after a network failure cannot order twice.
  const key = useRef(crypto.randomUUID());
  const [address, setAddress] = useState({ name: '', line1: '', city: '', postalCode: '', country: 'GB' });
  const [card, setCard] = useState('');
  const award = useMutation({
    mutationFn: () =>
      rfpApi.award(pitch.id, { shippingAddress: address, card: { number: card } }, key.current),
    onSettled: () => queryClient.invalidateQueries({ queryKey: rfpKeys.all }),
  });
  if (award.data)
    return (
      <p className="rfp-awarded" data-testid="award-done">
        Awarded. <Link to={`/orders/${award.data.orderId}`}>See your order</Link>
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
      data-testid="award-form"
      onSubmit={(e) => {
        e.preventDefault();
        award.mutate();
      }}
    >
      <p>
        Order {pitch.items.length} item{pitch.items.length === 1 ? '' : 's'} from @{pitch.brand?.handle} for{' '}
        <strong>{formatMoney(pitch.totalMinor, pitch.currency)}</strong>.
      </p>
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
      <ErrorBanner error={award.error} />
      <div className="rfp-actions">
        <button
          type="submit"
          className="btn btn-primary"
          disabled={award.isPending}
          data-testid="award-confirm"
        >
          Award and order
        </button>
        <button type="button" className="btn btn-secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

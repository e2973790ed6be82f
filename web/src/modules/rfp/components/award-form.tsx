import { formatMoney } from '../../../shared/format/money.ts';
import { type Pitch, rfpApi } from '../api/rfp.api.ts';
import { OrderForm } from './order-form.tsx';

/** Award a pitch: where to ship and the card; the quote becomes the order at the quoted price. */
export function AwardForm({ pitch, onCancel }: { pitch: Pitch; onCancel: () => void }) {
  return (
    <OrderForm
      testId="award"
      submitLabel="Award and order"
      onCancel={onCancel}
      place={(body, key) => rfpApi.award(pitch.id, body, key)}
      intro={
        <>
          Order {pitch.items.length} item{pitch.items.length === 1 ? '' : 's'} from @{pitch.brand?.handle} for{' '}
          <strong>{formatMoney(pitch.totalMinor, pitch.currency)}</strong>.
        </>
      }
    />
  );
}

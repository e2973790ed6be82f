import type { Address, AddressInput } from '../api/commerce.types.ts';
import { AddressFields, EMPTY_ADDRESS, formatAddress } from './address-fields.tsx';

export type AddressChoice =
  | { mode: 'saved'; id: string }
  | { mode: 'new'; address: AddressInput; save: boolean };

/** A saved address (the first by default), or a new one typed here and optionally saved for next time. */
export function AddressPicker({
  addresses,
  value,
  onChange,
  error,
  local,
}: {
  addresses: Address[];
  value: AddressChoice;
  onChange: (choice: AddressChoice) => void;
  error?: unknown;
  /** The form's own findings, shown before anything is sent. */
  local?: Partial<Record<keyof AddressInput, string>>;
}) {
  return (
    <fieldset className="address-picker">
      <legend>Ship to</legend>
      {addresses.length > 0 && (
        <select
          className="compact-select address-select"
          data-testid="checkout-address"
          aria-label="Shipping address"
          value={value.mode === 'saved' ? value.id : 'new'}
          onChange={(e) =>
            onChange(
              e.target.value === 'new'
                ? {
                    mode: 'new',
                    address: EMPTY_ADDRESS,
                    save: true,
                  }
                : { mode: 'saved', id: e.target.value },
            )
          }
        >
          {addresses.map((a) => (
            <option key={a.id} value={a.id}>
              {formatAddress(a)}
            </option>
          ))}
          <option value="new">A new address…</option>
        </select>
      )}
      {value.mode === 'new' && (
        <>
          <AddressFields
            value={value.address}
            onChange={(address) => onChange({ ...value, address })}
            error={error}
            local={local}
            fieldPrefix="shippingAddress."
          />
          <label className="checkbox-row">
            <input
              type="checkbox"
              checked={value.save}
              data-testid="checkout-save-address"
              onChange={(e) => onChange({ ...value, save: e.target.checked })}
            />
            Save to my address book
          </label>
        </>
      )}
    </fieldset>
  );
}

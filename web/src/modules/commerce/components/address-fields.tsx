import { ApiError } from '../../../shared/api/api-error.ts';
import { Field } from '../../../shared/ui/form-field.tsx';
import { COUNTRIES, countryName } from '../api/address-rules.ts';
import type { AddressInput } from '../api/commerce.types.ts';

export const EMPTY_ADDRESS: AddressInput = {
  name: '',
  line1: '',
  line2: '',
  city: '',
  postalCode: '',
  country: '',
};

type TextKey = Exclude<keyof AddressInput, 'country'>;

const FIELDS: { key: TextKey; label: string; autoComplete: string; optional?: boolean }[] = [
  { key: 'name', label: 'Full name', autoComplete: 'name' },
  { key: 'line1', label: 'Street and number', autoComplete: 'address-line1' },
  { key: 'line2', label: 'Apartment, floor (optional)', autoComplete: 'address-line2', optional: true },
  { key: 'postalCode', label: 'Postal code', autoComplete: 'postal-code' },
  { key: 'city', label: 'City', autoComplete: 'address-level2' },
];

/** The fields of a shipping address; errors are the form's own (`local`) or the server's, by field name. */
export function AddressFields({
  value,
  onChange,
  error,
  local = {},
  fieldPrefix = '',
}: {
  value: AddressInput;
  onChange: (address: AddressInput) => void;
  error?: unknown;
  local?: Partial<Record<keyof AddressInput, string>>;
  /** Where the server reports these fields, e.g. `shippingAddress.` at checkout. */
  fieldPrefix?: string;
}) {
  const fieldError = (key: keyof AddressInput) =>
    local[key] ?? (error instanceof ApiError ? error.fieldMessage(`${fieldPrefix}${key}`) : undefined);
  return (
    <div className="address-fields">
      {FIELDS.map(({ key, label, autoComplete, optional }) => (
        <Field key={key} label={label} error={fieldError(key)}>
          {(props) => (
            <input
              {...props}
              value={value[key] ?? ''}
              autoComplete={autoComplete}
              required={!optional}
              maxLength={key === 'postalCode' ? 20 : 200}
              data-testid={`address-${key}`}
              onChange={(e) => onChange({ ...value, [key]: e.target.value })}
            />
          )}
        </Field>
      ))}
      <Field label="Country" error={fieldError('country')}>
        {(props) => (
          <select
            {...props}
            value={value.country}
            autoComplete="country"
            required
            data-testid="address-country"
            onChange={(e) => onChange({ ...value, country: e.target.value })}
          >
            <option value="">Choose a country…</option>
            {COUNTRIES.map((c) => (
              <option key={c.code} value={c.code}>
                {c.name}
              </option>
            ))}
          </select>
        )}
      </Field>
    </div>
  );
}

/** The address without an empty second line, as the API takes it. */
export function cleanAddress(address: AddressInput): AddressInput {
  const { line2, ...rest } = address;
  return line2?.trim() ? { ...rest, line2: line2.trim() } : rest;
}

/** One line, with the country by name: "Ada Fan, 1 Main St, LS1 1AA Leeds, United Kingdom". */
export function formatAddress(a: Omit<AddressInput, 'line2'> & { line2?: string }): string {
  return [a.name, a.line1, a.line2, `${a.postalCode} ${a.city}`, a.country ? countryName(a.country) : '']
    .filter(Boolean)
    .join(', ');
}

import { ApiError } from '../../../shared/api/api-error.ts';
import { Field } from '../../../shared/ui/form-field.tsx';
import type { AddressInput } from '../api/commerce.types.ts';

export const EMPTY_ADDRESS: AddressInput = {
  name: '',
  line1: '',
  line2: '',
  city: '',
  postalCode: '',
  country: '',
};

const FIELDS: { key: keyof AddressInput; label: string; autoComplete: string; optional?: boolean }[] = [
  { key: 'name', label: 'Full name', autoComplete: 'name' },
  { key: 'line1', label: 'Street and number', autoComplete: 'address-line1' },
  { key: 'line2', label: 'Apartment, floor (optional)', autoComplete: 'address-line2', optional: true },
  { key: 'postalCode', label: 'Postal code', autoComplete: 'postal-code' },
  { key: 'city', label: 'City', autoComplete: 'address-level2' },
  { key: 'country', label: 'Country code', autoComplete: 'country' },
];

/** The fields of a shipping address; errors come from the server by field name. */
export function AddressFields({
  value,
  onChange,
  error,
  fieldPrefix = '',
}: {
  value: AddressInput;
  onChange: (address: AddressInput) => void;
  error?: unknown;
  /** Where the server reports these fields, e.g. `shippingAddress.` at checkout. */
  fieldPrefix?: string;
}) {
  const fieldError = (key: string) =>
    error instanceof ApiError ? error.fieldMessage(`${fieldPrefix}${key}`) : undefined;
  return (
    <div className="address-fields">
      {FIELDS.map(({ key, label, autoComplete, optional }) => (
        <Field
          key={key}
          label={label}
          error={fieldError(key)}
          hint={key === 'country' ? 'Two letters, e.g. DE, FR, GB' : undefined}
        >
          {(props) => (
            <input
              {...props}
              value={value[key] ?? ''}
              autoComplete={autoComplete}
              required={!optional}
              maxLength={key === 'country' ? 2 : key === 'postalCode' ? 20 : 200}
              data-testid={`address-${key}`}
              onChange={(e) =>
                onChange({
                  ...value,
                  [key]: key === 'country' ? e.target.value.toUpperCase() : e.target.value,
                })
              }
            />
          )}
        </Field>
      ))}
    </div>
  );
}

/** The address without an empty second line, as the API takes it. */
export function cleanAddress(address: AddressInput): AddressInput {
  const { line2, ...rest } = address;
  return line2?.trim() ? { ...rest, line2: line2.trim() } : rest;
}

export function formatAddress(a: Omit<AddressInput, 'line2'> & { line2?: string }): string {
  return [a.name, a.line1, a.line2, `${a.postalCode} ${a.city}`, a.country].filter(Boolean).join(', ');
}

import countries from 'i18n-iso-countries';
import { postcodeValidator, postcodeValidatorExistsForCountry } from 'postcode-validator';
import type { AddressInput } from './commerce.types.ts';

// The same ISO 3166-1 list the server checks codes against; names come from the browser in English.
const names = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'code' });

/** Every ISO 3166-1 country as code and English name, sorted by name for the picker. */
export const COUNTRIES: { code: string; name: string }[] = Object.keys(countries.getAlpha2Codes())
  .map((code) => ({ code, name: names.of(code) ?? code }))
  .sort((a, b) => a.name.localeCompare(b.name, 'en'));

/** "DE" → "Germany"; an unknown code is shown as it is. */
export function countryName(code: string): string {
  return COUNTRIES.find((c) => c.code === code)?.name ?? code;
}

/** The form's own checks before the server's: every required field, and a postal code that fits its country. */
export function addressErrors(address: AddressInput): Partial<Record<keyof AddressInput, string>> {
  const errors: Partial<Record<keyof AddressInput, string>> = {};
  if (!address.name.trim()) errors.name = 'is required';
  if (!address.line1.trim()) errors.line1 = 'is required';
  if (!address.city.trim()) errors.city = 'is required';
  if (!address.country) errors.country = 'is required: choose one';
  if (!address.postalCode.trim()) errors.postalCode = 'is required';
  else if (
    address.country &&
    postcodeValidatorExistsForCountry(address.country) &&
    !postcodeValidator(address.postalCode.trim().toUpperCase(), address.country)
  )
    errors.postalCode = `is not a postal code of ${countryName(address.country)}`;
  return errors;
}

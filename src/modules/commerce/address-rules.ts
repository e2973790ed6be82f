import countries from 'i18n-iso-countries';
import { postcodeValidator, postcodeValidatorExistsForCountry } from 'postcode-validator';
import type { FieldError } from '../../platform/errors.ts';
import { commerceError } from './commerce.errors.ts';

/** ISO 3166-1 alpha-2 codes, from the same package the web app's country picker lists. */
const COUNTRY_CODES: ReadonlySet<string> = new Set(Object.keys(countries.getAlpha2Codes()));

export const isCountryCode = (code: string) => COUNTRY_CODES.has(code);

/** What is wrong with an address's country and postal code; `prefix` is where the caller sent it. */
export function addressProblems(address: { country: string; postalCode: string }, prefix = ''): FieldError[] {
  if (!isCountryCode(address.country))
    return [{ field: `${prefix}country`, message: 'is not an ISO 3166-1 country code' }];
  // Postal codes are checked only where their format is known; elsewhere any non-empty text is taken.
  if (
    postcodeValidatorExistsForCountry(address.country) &&
    !postcodeValidator(address.postalCode.trim().toUpperCase(), address.country)
  )
    return [{ field: `${prefix}postalCode`, message: `is not a postal code of ${address.country}` }];
  return [];
}

/** Refuses an address whose country is not an ISO 3166 code or whose postal code does not fit the country. */
export function checkAddress(address: { country: string; postalCode: string }, prefix = ''): void {
  const problems = addressProblems(address, prefix);
  if (problems.length > 0)
    throw commerceError(
      'invalid_address',
      `The address ${problems[0].field} ${problems[0].message}`,
      problems,
    );
}

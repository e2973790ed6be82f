/** Digits after the decimal point for a currency (2 for EUR, 0 for JPY). */
export function minorDigits(currency: string): number {
  try {
    return (
      new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ??
      2
    );
  } catch {
    return 2;
  }
}

/** Integer minor units as a price for people, e.g. 12999 EUR → "€129.99". */
export function formatMoney(minor: number, currency: string): string {
  const digits = minorDigits(currency);
  try {
    return new Intl.NumberFormat(undefined, { style: 'currency', currency }).format(minor / 10 ** digits);
  } catch {
    return `${(minor / 10 ** digits).toFixed(digits)} ${currency}`;
  }
}

/** Minor units as the plain decimal a form shows: 12999 → "129.99". */
export function toDecimal(minor: number, currency: string): string {
  const digits = minorDigits(currency);
  return digits === 0 ? String(minor) : (minor / 10 ** digits).toFixed(digits);
}

/**
 * "129.99" → 12999 in the currency's minor units, without floating point; a comma works as the decimal mark.
 * Null when it is not a non-negative amount with at most the currency's decimals.
 */
export function parseDecimal(text: string, currency: string): number | null {
  const digits = minorDigits(currency);
  const match = text
    .trim()
    .replace(',', '.')
    .match(/^(\d{1,9})(?:\.(\d*))?$/);
  if (!match || (match[2] ?? '').length > digits) return null;
  return Number(match[1]) * 10 ** digits + Number((match[2] ?? '').padEnd(digits, '0') || 0);
}

export const CURRENCIES = ['EUR', 'USD', 'GBP', 'CHF', 'SEK', 'DKK', 'NOK', 'PLN', 'JPY', 'CAD', 'AUD'];

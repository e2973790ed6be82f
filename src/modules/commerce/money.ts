import { commerceError } from './commerce.errors.ts';

/** Digits after the decimal point for a currency (2 for EUR, 0 for JPY), from the platform's ICU data. */
export function minorDigits(currency: string): number {
  return (
    new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2
  );
}

export function isCurrency(code: string): boolean {
  if (!/^[A-Z]{3}$/.test(code)) return false;
  try {
    new Intl.NumberFormat('en', { style: 'currency', currency: code });
    return Intl.supportedValuesOf('currency').includes(code);
  } catch {
    return false;
  }
}

/** "129.99" EUR → 12999. Refuses more decimals than the currency has, signs, and anything that is not a number. */
export function parseMoney(text: string, currency: string): number | null {
  const digits = minorDigits(currency);
  const match = text.trim().match(/^(\d{1,9})(?:\.(\d+))?$/);
  if (!match || (match[2] ?? '').length > digits) return null;
  return Number(match[1]) * 10 ** digits + Number((match[2] ?? '').padEnd(digits, '0') || 0);
}

export function formatDecimal(minor: number, currency: string): string {
  const digits = minorDigits(currency);
  return digits === 0 ? String(minor) : (minor / 10 ** digits).toFixed(digits);
}

export const currencyMismatch = (expected: string, got: string) =>
  commerceError('currency_mismatch', `Prices are in ${expected}, not ${got}`, [
    { field: 'currency', message: `must be ${expected}` },
  ]);

/** A price a customer named: integer minor units and an ISO 4217 currency. */
export type AskedPrice = { amountMinor: number; currency: string; text: string };

const SYMBOLS: Record<string, string> = { '£': 'GBP', $: 'USD', '€': 'EUR', '¥': 'JPY' };
const WORDS: Record<string, string> = {
  pound: 'GBP',
  pounds: 'GBP',
  quid: 'GBP',
  dollar: 'USD',
  dollars: 'USD',
  bucks: 'USD',
  euro: 'EUR',
  euros: 'EUR',
};
const CODES = new Set(['GBP', 'USD', 'EUR', 'CHF', 'SEK', 'NOK', 'DKK', 'PLN', 'CAD', 'AUD', 'JPY']);
const ZERO_DECIMAL = new Set(['JPY']);

const NUMBER = String.raw`(\d{1,3}(?:[,\s]\d{3})+|\d+)(?:\.(\d{1,2}))?(k)?`;
const BEFORE = new RegExp(String.raw`(?:([£$€¥])|\b([A-Za-z]{3})\s?)${NUMBER}(?![\d.,]*\d)`, 'gu');
const AFTER = new RegExp(String.raw`${NUMBER}\s?(?:([£$€¥])|([A-Za-z]{3,7})\b)`, 'gu');

function toMinor(
  whole: string,
  fraction: string | undefined,
  thousands: string | undefined,
  currency: string,
) {
  const units = Number(whole.replace(/[,\s]/g, '')) * (thousands ? 1000 : 1);
  const cents = fraction ? Number(fraction.padEnd(2, '0')) : 0;
  if (ZERO_DECIMAL.has(currency)) return units;
  return units * 100 + cents;
}

function currencyOf(symbol: string | undefined, word: string | undefined): string | null {
  if (symbol) return SYMBOLS[symbol] ?? null;
  if (!word) return null;
  const upper = word.toUpperCase();
  if (CODES.has(upper)) return upper;
  return WORDS[word.toLowerCase()] ?? null;
}

/**
 * The price a "product at a price" request names: "£400", "$1,299.99", "400 EUR", "400 euros", "€2k". The last
 * price named wins ("was £450, I'd pay £400"). Null when the text names no price in a known currency.
 */
export function parseAskedPrice(text: string): AskedPrice | null {
  const found: { index: number; price: AskedPrice }[] = [];
  for (const m of text.matchAll(BEFORE)) {
    const currency = currencyOf(m[1], m[2]);
    if (!currency) continue;
    found.push({
      index: m.index ?? 0,
      price: { amountMinor: toMinor(m[3], m[4], m[5], currency), currency, text: m[0].trim() },
    });
  }
  for (const m of text.matchAll(AFTER)) {
    const currency = currencyOf(m[4], m[5]);
    if (!currency) continue;
    found.push({
      index: m.index ?? 0,
      price: { amountMinor: toMinor(m[1], m[2], m[3], currency), currency, text: m[0].trim() },
    });
  }
  found.sort((a, b) => a.index - b.index);
  return found.at(-1)?.price ?? null;
}

const STOP = new Set(
  `a an the i i'd id im i'm me my we you your for at of in on to and or but if is it its this that these those
  will would could can please want wanna like buy get take today now tomorrow deal price offer pay paying give
  sell me us who with just any some one two how much do does did be are was were have has had hi hey hello
  there thanks thank'`.split(/\s+/),
);

/** The words of the request that may name the product: lower case, without the price, filler words or handles. */
export function productWords(text: string, price: AskedPrice | null): string[] {
  const withoutPrice = price ? text.replace(price.text, ' ') : text;
  return withoutPrice
    .toLowerCase()
    .replace(/[@#]\w+/g, ' ')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0 && !STOP.has(w));
}

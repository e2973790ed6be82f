import { type CountryCode, parsePhoneNumberFromString } from 'libphonenumber-js/min';
import { type DetectorFactory, type Hit, matchAll } from './detector.types.ts';

const REMOVE = {
  label: 'Remove it (ask them to send it by direct message)',
  replacement: '[sent privately]',
};

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;

export const emailDetector: DetectorFactory = () => (text) =>
  text.includes('@') ? matchAll(EMAIL, text).map((span) => ({ span, fix: REMOVE })) : [];

// A run that could be a phone number: an optional +/00 international prefix, then digits with the separators
// people write (spaces, dots, dashes, parentheses), seven to fifteen digits in all.
const PHONE_CANDIDATE = /(?<![\w+])(?:\+|00)?\(?\d[\d\s().-]{5,20}\d(?![\w])/g;

export const phoneDetector: DetectorFactory = (rule) => {
  const defaultCountry = (rule.defaultCountry ?? 'US').toUpperCase() as CountryCode;
  return (text) => {
    const hits: Hit[] = [];
    for (const span of matchAll(PHONE_CANDIDATE, text)) {
      const raw = text.slice(span.start, span.end).trimEnd();
      const digits = raw.replace(/\D/g, '').length;
      if (digits < 7 || digits > 15 || /\d[.]\d{1,2}$|^\d{1,2}[./]\d{1,2}[./]\d{2,4}$/.test(raw)) continue;
      const international = raw.startsWith('00') ? `+${raw.slice(2)}` : raw;
      const phone = parsePhoneNumberFromString(international, defaultCountry);
      if (phone?.isPossible())
        hits.push({ span: { start: span.start, end: span.start + raw.length }, fix: REMOVE });
    }
    return hits;
  };
};

// 13 to 19 digits, optionally grouped by single spaces or dashes.
const CARD = /(?<!\d)\d(?:[ -]?\d){12,18}(?!\d)/g;

/** The Luhn checksum every payment card number passes. */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

export const cardDetector: DetectorFactory = () => (text) =>
  matchAll(CARD, text)
    .filter((span) => luhnValid(text.slice(span.start, span.end).replace(/\D/g, '')))
    .map((span) => {
      const digits = text.slice(span.start, span.end).replace(/\D/g, '');
      return {
        span,
        fix: { label: 'Mask all but the last four digits', replacement: `•••• ${digits.slice(-4)}` },
      };
    });

// Souk's order reference: "#" and the last eight hex digits of the order id (at least one a digit, so that
// "#DEADBEEF"-like hashtags are not taken for one).
const ORDER_REF = /(?<![\p{L}\p{N}_])#(?=[0-9A-Fa-f]*\d)[0-9A-Fa-f]{8}(?![\p{L}\p{N}_])/gu;

export const orderRefDetector: DetectorFactory = () => (text) =>
  text.includes('#')
    ? matchAll(ORDER_REF, text).map((span) => ({
        span,
        fix: { label: 'Refer to "your order" instead', replacement: 'your order' },
      }))
    : [];

const SUFFIXES = [
  'street',
  'st',
  'avenue',
  'ave',
  'road',
  'rd',
  'lane',
  'ln',
  'boulevard',
  'blvd',
  'drive',
  'dr',
  'court',
  'ct',
  'way',
  'place',
  'pl',
  'terrace',
  'close',
  'crescent',
  'square',
  'sq',
  'highway',
  'hwy',
  'parkway',
  'pkwy',
  'circle',
  'cir',
  'strasse',
  'straße',
  'rue',
  'calle',
];
// A house number, one to four capitalised words, a street suffix; or the continental order ("Hauptstraße 12").
const anyCase = (word: string) => `[${word[0]}${word[0]?.toUpperCase()}]${word.slice(1)}`;
const STREET = new RegExp(
  `(?<![\\p{L}\\p{N}])\\d{1,5}[A-Za-z]?,?\\s+(?:\\p{Lu}[\\p{L}'.-]*\\s+){1,4}(?:${SUFFIXES.map(anyCase).join('|')})\\.?(?![\\p{L}])` +
    `|(?<![\\p{L}])\\p{Lu}[\\p{L}-]*(?:straße|strasse|weg|gasse|platz)\\s+\\d{1,4}[a-z]?(?![\\p{L}\\p{N}])` +
    `|(?<![\\p{L}])(?:[Rr]ue|[Cc]alle)\\s+(?:[\\p{L}'-]+\\s+){0,3}\\p{Lu}[\\p{L}'-]*(?:,?\\s+\\d{1,4})?`,
  'gu',
);

export const streetAddressDetector: DetectorFactory = () => (text) =>
  matchAll(STREET, text).map((span) => ({ span, fix: REMOVE }));

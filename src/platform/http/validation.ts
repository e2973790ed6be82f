import { Ajv, type Options } from 'ajv';
import addFormats from 'ajv-formats';
import type { FastifyInstance, FastifySchemaCompiler } from 'fastify';
import type { FieldError } from '../errors.ts';
import { httpError } from './http.errors.ts';

/**
 * `uuid` is the plain 8-4-4-4-12 form only: ajv-formats also accepts a `urn:uuid:` prefix, which PostgreSQL's
 * uuid type refuses.
 */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(?:\.\d{1,9})?(?:[Zz]|[+-](\d{2}):(\d{2}))$/;
// The range both PostgreSQL's timestamptz and a JS Date take, in UTC: years 0001 to 9999.
const EARLIEST = new Date('0001-01-01T00:00:00Z').getTime();
const LATEST = new Date('9999-12-31T23:59:59.999Z').getTime();

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const isLeap = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
const daysIn = (year: number, month: number) => (month === 2 && isLeap(year) ? 29 : DAYS[month - 1]);

function validDay(y: string, m: string, d: string): boolean {
  const year = Number(y);
  const month = Number(m);
  const day = Number(d);
  return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= daysIn(year, month);
}

/** A calendar date of years 0001 to 9999. */
export function isDate(value: string): boolean {
  const m = DATE.exec(value);
  return !!m && validDay(m[1], m[2], m[3]);
}

/**
 * An RFC 3339 date-time that PostgreSQL's timestamptz and JS Date both take: no leap second 60, an offset of
 * at most 14 hours, an instant within years 0001 to 9999 UTC.
 */
export function isDateTime(value: string): boolean {
  const m = DATE_TIME.exec(value);
  if (!m || !validDay(m[1], m[2], m[3])) return false;
  if (Number(m[4]) > 23 || Number(m[5]) > 59 || Number(m[6]) > 59) return false;
  if (m[7] !== undefined && (Number(m[7]) > 14 || Number(m[8]) > 59)) return false;
  const time = Date.parse(value);
  return Number.isFinite(time) && time >= EARLIEST && time <= LATEST;
}

function withFormats(ajv: Ajv): Ajv {
  addFormats.default(ajv);
  ajv.addFormat('uuid', UUID);
  ajv.addFormat('date', isDate);
  ajv.addFormat('date-time', isDateTime);
  return ajv;
}

// Bodies are validated strictly (a string is not a number, unknown fields are refused); query strings and
// path params arrive as text, so those are coerced to the declared types.
const common: Options = { allErrors: true, removeAdditional: false, useDefaults: true, strict: false };
const strict = withFormats(new Ajv({ ...common, coerceTypes: false }));
const coercing = withFormats(new Ajv({ ...common, coerceTypes: 'array' }));

export const validatorCompiler: FastifySchemaCompiler<unknown> = ({ schema, httpPart }) =>
  (httpPart === 'body' ? strict : coercing).compile(schema as object);

// With the `u` flag a surrogate range matches only lone surrogates: a pair is one code point outside it.
const UNSTORABLE = /\0|[\uD800-\uDFFF]/u;
const MAX_DEPTH = 32;

const join = (path: string, key: string) =>
  /^\d+$/.test(key) ? `${path}[${key}]` : path ? `${path}.${key}` : key;

/** The first string (or object key) in `value` that PostgreSQL text or JSON cannot hold, with its field path. */
export function findUnstorableText(value: unknown, path = '', depth = 0): FieldError | undefined {
  if (typeof value === 'string') {
    if (!UNSTORABLE.test(value)) return undefined;
    const message = value.includes('\0')
      ? 'must not contain a NUL character'
      : 'must be well-formed Unicode (it contains a lone surrogate)';
    return { field: path, message };
  }
  if (typeof value !== 'object' || value === null || depth > MAX_DEPTH) return undefined;
  for (const [key, item] of Object.entries(value)) {
    const field = join(path, key);
    if (UNSTORABLE.test(key)) return { field, message: 'is not a usable field name' };
    const found = findUnstorableText(item, field, depth + 1);
    if (found) return found;
  }
  return undefined;
}

const PARTS = [
  ['params', 'params'],
  ['querystring', 'query'],
  ['body', 'body'],
] as const;

/**
 * Refuses NUL characters and lone surrogates anywhere in path params, query and body, for every route, before
 * validation: PostgreSQL text cannot hold a NUL and JSON output cannot encode a lone surrogate.
 */
export function registerTextGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    for (const [part, key] of PARTS) {
      const found = findUnstorableText(request[key]);
      if (found) {
        const field = found.field || part;
        throw httpError('invalid_text', `Invalid ${part}: ${field} ${found.message}`, [
          { field, message: found.message },
        ]);
      }
    }
  });
}

import type { AppError } from '../errors.ts';
import { httpError } from './http.errors.ts';

/** What `pg` (pg-protocol's DatabaseError) and PGlite's DatabaseError both carry: the SQLSTATE and the server's words. */
type DatabaseError = Error & { code: string; severity?: string; detail?: string; constraint?: string };

function isDatabaseError(error: unknown): error is DatabaseError {
  if (!(error instanceof Error)) return false;
  const { code, severity } = error as Partial<DatabaseError>;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) && typeof severity === 'string';
}

const camel = (column: string) => column.trim().replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

/** `Key (org_id, slug)=(…) already exists.` → `slug` (the last column is the one the client chose). */
function keyField(detail: string | undefined): string | undefined {
  const columns = detail?.match(/^Key \(([^)]*)\)=/)?.[1]?.split(',');
  return columns?.length ? camel(columns[columns.length - 1]) : undefined;
}

/**
 * The column a unique violation is about (`sku` for `UNIQUE (org_id, sku)`), for a module that turns a race
 * lost to a concurrent insert into its own answer; undefined for any other error.
 */
export function uniqueViolationField(error: unknown): string | undefined {
  if (!isDatabaseError(error) || error.code !== '23505') return undefined;
  return keyField(error.detail) ?? '';
}

/**
 * SQLSTATEs that mean the client sent something the database refused, not that the server failed: a backstop
 * so that no module turns them into a 500 (a module should still check first and answer with its own code).
 * Class 22 is data exceptions (invalid text representation 22P02, numeric out of range 22003, string too long
 * 22001, datetime overflow 22008, bad byte sequence 22021, untranslatable character 22P05, …); 54000 is a
 * value too large for an index row.
 */
export function clientFaultOf(error: unknown): AppError | undefined {
  if (!isDatabaseError(error)) return undefined;
  const { code } = error;
  if (code === '23505' || code === '23P01') {
    const field = keyField(error.detail);
    return httpError(
      'already_exists',
      field
        ? `Something with this ${field} already exists`
        : 'This conflicts with something that already exists',
      field ? [{ field, message: 'is already taken' }] : [],
    );
  }
  if (code === '23503' || code === '23514')
    return httpError('constraint_violated', 'The request would break a rule of the stored data');
  if ((code.startsWith('22') && code !== '22012') || code === '54000')
    return httpError('invalid_value', 'A value is out of range or of the wrong form');
  return undefined;
}

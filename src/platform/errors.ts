/** A field-level problem reported back to the client in `errors[]`; `line` for problems in an uploaded file. */
export type FieldError = { field: string; message: string; line?: number };

export type ErrorKind =
  | 'bad_request'
  | 'unauthorized'
  | 'payment_required'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'gone'
  | 'payload_too_large'
  | 'uri_too_long'
  | 'unsupported_media_type'
  | 'unprocessable'
  | 'too_many_requests'
  | 'internal'
  | 'unavailable';

const statusOf: Record<ErrorKind, number> = {
  bad_request: 400,
  unauthorized: 401,
  payment_required: 402,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  gone: 410,
  payload_too_large: 413,
  uri_too_long: 414,
  unsupported_media_type: 415,
  unprocessable: 422,
  too_many_requests: 429,
  internal: 500,
  unavailable: 503,
};

/**
 * The one error type modules throw for expected failures. `code` is a stable string clients switch on;
 * the error handler turns it into application/problem+json.
 */
export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly kind: ErrorKind,
    readonly code: string,
    message: string,
    readonly errors: FieldError[] = [],
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.status = statusOf[kind];
  }

  /** Extra members for the problem body (e.g. what the channel guard found and what to do instead). */
  details: Record<string, unknown> = {};

  withDetails(details: Record<string, unknown>): this {
    this.details = details;
    return this;
  }
}

/** What one error code means: its HTTP kind and a sentence for the OpenAPI catalogue. */
export type ErrorSpec = { kind: ErrorKind; description: string };

const catalogue = new Map<string, { module: string; status: number; description: string }>();

/**
 * A module's error catalogue, declared once in its `*.errors.ts`:
 *
 *   export const careError = defineErrors('care', {
 *     conversation_not_found: { kind: 'not_found', description: 'No conversation with that id in this brand' },
 *   });
 *   throw careError('conversation_not_found', `Conversation ${id} not found`);
 *
 * The code is a string union the compiler checks; every declared code is listed in the OpenAPI `Problem` schema.
 * A code may be declared by several modules only with the same kind (e.g. `not_found`).
 */
export function defineErrors<const C extends Record<string, ErrorSpec>>(module: string, codes: C) {
  for (const [code, spec] of Object.entries(codes)) {
    const status = statusOf[spec.kind];
    const known = catalogue.get(code);
    if (known && known.status !== status)
      throw new Error(`Error code ${code} is declared by ${known.module} and ${module} with different kinds`);
    if (!known) catalogue.set(code, { module, status, description: spec.description });
  }
  return (
    code: keyof C & string,
    message: string,
    errors: FieldError[] = [],
    headers: Record<string, string> = {},
  ) => new AppError(codes[code]!.kind, code, message, errors, headers);
}

/** Every declared error code with its status and meaning, sorted: the catalogue the OpenAPI lists. */
export function errorCatalogue(): { code: string; module: string; status: number; description: string }[] {
  return [...catalogue.entries()]
    .map(([code, c]) => ({ code, ...c }))
    .sort((a, b) => a.code.localeCompare(b.code));
}

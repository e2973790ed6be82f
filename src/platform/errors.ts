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
  | 'unprocessable'
  | 'too_many_requests';

const statusOf: Record<ErrorKind, number> = {
  bad_request: 400,
  unauthorized: 401,
  payment_required: 402,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  gone: 410,
  unprocessable: 422,
  too_many_requests: 429,
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

export const notFound = (what: string, code = 'not_found') =>
  new AppError('not_found', code, `${what} not found`);
export const forbidden = (message: string, code = 'forbidden') => new AppError('forbidden', code, message);
export const badRequest = (code: string, message: string, errors: FieldError[] = []) =>
  new AppError('bad_request', code, message, errors);
export const conflict = (code: string, message: string) => new AppError('conflict', code, message);

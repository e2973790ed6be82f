import { defineErrors } from '../errors.ts';

/**
 * The platform's own error codes: what the HTTP layer answers before or around a module (validation, parsing,
 * authentication, CSRF, rate limits, pagination cursors, unknown routes, unexpected failures).
 */
export const httpError = defineErrors('platform', {
  validation_failed: {
    kind: 'bad_request',
    description: 'The request does not match the schema; errors[] names each field and what is wrong',
  },
  malformed_json: { kind: 'bad_request', description: 'The body is not valid JSON (or is empty)' },
  body_too_large: { kind: 'payload_too_large', description: 'The body is larger than the endpoint accepts' },
  unsupported_media_type: {
    kind: 'unsupported_media_type',
    description: 'The Content-Type is not one the endpoint accepts',
  },
  bad_request: { kind: 'bad_request', description: 'The request could not be understood' },
  rate_limited: {
    kind: 'too_many_requests',
    description: 'Too many requests from this caller; Retry-After says when to retry',
  },
  route_not_found: { kind: 'not_found', description: 'No API route with that method and path' },
  internal_error: {
    kind: 'internal',
    description: 'Something failed on the server; the requestId helps find it in the logs',
  },
  invalid_cursor: {
    kind: 'bad_request',
    description: 'The pagination cursor is not one this endpoint issued',
  },
  unauthenticated: { kind: 'unauthorized', description: 'Sign in (session cookie or API token) to do this' },
  invalid_token: { kind: 'unauthorized', description: 'The bearer API token is invalid or revoked' },
  csrf_failed: {
    kind: 'forbidden',
    description:
      'A cookie-authenticated write without the session’s X-CSRF-Token header (or with a wrong one)',
  },
  invalid_text: {
    kind: 'bad_request',
    description: 'A text value contains a NUL character or a lone UTF-16 surrogate, which cannot be stored',
  },
  bad_url: {
    kind: 'bad_request',
    description: 'The URL path is not validly percent-encoded',
  },
  uri_too_long: {
    kind: 'uri_too_long',
    description: 'A path segment of the URL is longer than any id or handle (500 characters)',
  },
  empty_update: {
    kind: 'bad_request',
    description: 'An update request names no field to change',
  },
  already_exists: {
    kind: 'conflict',
    description: 'Something with the same unique value already exists',
  },
  invalid_value: {
    kind: 'bad_request',
    description: 'A value is out of range or of the wrong form for where it is stored',
  },
  constraint_violated: {
    kind: 'unprocessable',
    description: 'The request would break a rule of the stored data (a reference or a check)',
  },
});

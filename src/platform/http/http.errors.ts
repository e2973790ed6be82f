import { defineErrors } from '../errors.ts';

/** Platform codes for input the shared HTTP layer refuses before (or instead of) a module. */
export const httpError = defineErrors('http', {
  invalid_text: {
    kind: 'bad_request',
    description: 'A text value contains a NUL character or a lone UTF-16 surrogate, which cannot be stored',
  },
  bad_url: {
    kind: 'bad_request',
    description: 'The URL path is not validly percent-encoded',
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

import { defineErrors } from '../../platform/errors.ts';

/** Identity's error catalogue. */
export const identityError = defineErrors('identity', {
  login_throttled: {
    kind: 'too_many_requests',
    description: 'Too many sign-in attempts for this account from this browser or address; see Retry-After',
  },
  invalid_credentials: { kind: 'unauthorized', description: 'The login or the password is wrong' },
});

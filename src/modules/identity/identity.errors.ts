import { defineErrors } from '../../platform/errors.ts';

/** Identity's error codes: sign-up, sign-in, tokens, organizations and their members. */
export const identityError = defineErrors('identity', {
  not_found: {
    kind: 'not_found',
    description: 'No such user, API token, organization, invitation or member',
  },
  email_taken: { kind: 'conflict', description: 'An account with this email already exists' },
  handle_taken: { kind: 'conflict', description: 'The handle is already taken by a person or organization' },
  login_throttled: {
    kind: 'too_many_requests',
    description:
      'Too many failed sign-in attempts for this account or address; Retry-After says when to retry',
  },
  invalid_credentials: { kind: 'unauthorized', description: 'Email, handle or password is incorrect' },
  not_a_member: { kind: 'forbidden', description: 'Only members of the organization may do this' },
  role_not_allowed: {
    kind: 'forbidden',
    description: "The caller's role in the organization does not allow this",
  },
  admin_only: { kind: 'forbidden', description: 'Only a platform admin may do this' },
  not_invitee: {
    kind: 'forbidden',
    description: 'Only the invited person may accept or decline an invitation',
  },
  forbidden: { kind: 'forbidden', description: 'The caller may not do this' },
  unknown_user: { kind: 'unprocessable', description: 'No person with that handle' },
  already_member: { kind: 'conflict', description: 'The person is already a member of the organization' },
  already_invited: { kind: 'conflict', description: 'The person already has a pending invitation' },
  invitation_closed: { kind: 'conflict', description: 'The invitation was already answered or cancelled' },
  last_owner: { kind: 'conflict', description: 'An organization needs at least one owner' },
  sole_owner: {
    kind: 'conflict',
    description:
      'You are the only owner of an organization: make someone else an owner before closing your account',
  },
  wrong_password: {
    kind: 'forbidden',
    description: 'The current password given to confirm a change is not correct',
  },
  same_email: {
    kind: 'unprocessable',
    description: 'The new email address is the one already on the account',
  },
  already_verified: { kind: 'conflict', description: 'The email address is already verified' },
  too_many_mails: {
    kind: 'too_many_requests',
    description: 'Several mails of this kind were sent within the hour; wait before asking again',
  },
  token_invalid: {
    kind: 'bad_request',
    description:
      'The link (verification or reset token) is unknown, or was sent to an address no longer on the account',
  },
  token_used: { kind: 'gone', description: 'The link was already used (each works once)' },
  totp_invalid: {
    kind: 'unprocessable',
    description: 'The two-factor code is wrong, or was already used (each code works once)',
  },
  recovery_code_used: { kind: 'gone', description: 'The recovery code was already used (each works once)' },
  totp_already_enabled: { kind: 'conflict', description: 'Two-factor sign-in is already on' },
  totp_not_enabled: { kind: 'conflict', description: 'Two-factor sign-in is not on' },
  totp_not_started: {
    kind: 'conflict',
    description: 'Two-factor set-up was not started (no secret to confirm)',
  },
  challenge_invalid: {
    kind: 'unauthorized',
    description:
      'The two-factor sign-in step is unknown or expired (5 minutes); sign in with the password again',
  },
  totp_throttled: {
    kind: 'too_many_requests',
    description: 'Too many wrong two-factor codes for this sign-in; sign in with the password again',
  },
  token_expired: {
    kind: 'gone',
    description: 'The link has expired (reset: 1 hour; verification: 24 hours)',
  },
});

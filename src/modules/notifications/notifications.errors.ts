import { defineErrors } from '../../platform/errors.ts';

/** Notifications' error codes. */
export const notificationsError = defineErrors('notifications', {
  not_a_member: {
    kind: 'forbidden',
    description: 'Notifications can be read only for yourself or an organization you belong to',
  },
  preference_locked: {
    kind: 'unprocessable',
    description: 'Mail about your account’s security (password reset, email change) cannot be turned off',
  },
  unsubscribe_invalid: {
    kind: 'bad_request',
    description: 'The unsubscribe link is not valid (altered or incomplete); use the one from the mail',
  },
});

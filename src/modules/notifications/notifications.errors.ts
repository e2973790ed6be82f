import { defineErrors } from '../../platform/errors.ts';

/** Notifications' error codes. */
export const notificationsError = defineErrors('notifications', {
  not_a_member: {
    kind: 'forbidden',
    description: 'Notifications can be read only for yourself or an organization you belong to',
  },
});

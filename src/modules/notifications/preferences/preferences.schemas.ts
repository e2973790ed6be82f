import Type from 'typebox';
import { NOTIFICATION_KINDS, SECURITY_KIND } from './preferences.kinds.ts';

const Kind = Type.Enum([...NOTIFICATION_KINDS, SECURITY_KIND], {
  description: `A kind of notification; "${SECURITY_KIND}" is the mail about your account, always sent`,
});

export const KindParam = Type.Object({ kind: Kind });

export const Channels = Type.Object(
  {
    inApp: Type.Boolean({ description: 'Show it in your notifications' }),
    email: Type.Boolean({ description: 'Mail it to your confirmed address' }),
  },
  { additionalProperties: false },
);

export const Preference = Type.Object({
  kind: Kind,
  label: Type.String(),
  group: Type.String(),
  inApp: Type.Boolean(),
  email: Type.Boolean(),
  locked: Type.Boolean({ description: 'Cannot be changed (account-security mail)' }),
});

export const Preferences = Type.Object({
  emailConfirmed: Type.Boolean({ description: 'Mail is sent only once your address is confirmed' }),
  items: Type.Array(Preference),
});

export const UnsubscribeBody = Type.Object(
  { token: Type.String({ minLength: 1, maxLength: 300, pattern: '^[A-Za-z0-9_.-]+$' }) },
  { additionalProperties: false },
);

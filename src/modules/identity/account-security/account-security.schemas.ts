import Type from 'typebox';

const Password = Type.String({ minLength: 8, maxLength: 200 });
const Email = Type.String({ format: 'email', maxLength: 254 });
/** A token from a mailed link. */
const Token = Type.String({ minLength: 10, maxLength: 200, pattern: '^[A-Za-z0-9_-]+$' });

export const ChangePasswordBody = Type.Object(
  { currentPassword: Type.String({ minLength: 1, maxLength: 200 }), newPassword: Password },
  { additionalProperties: false },
);
export const ChangeEmailBody = Type.Object(
  { email: Email, password: Type.String({ minLength: 1, maxLength: 200 }) },
  { additionalProperties: false },
);
export const TokenBody = Type.Object({ token: Token }, { additionalProperties: false });
export const ResetRequestBody = Type.Object({ email: Email }, { additionalProperties: false });
export const ResetBody = Type.Object({ token: Token, password: Password }, { additionalProperties: false });

export const SessionsEnded = Type.Object({ sessionsEnded: Type.Integer({ minimum: 0 }) });
export const Accepted = Type.Object({ message: Type.String() });
export const EmailVerified = Type.Object({ email: Type.String(), changed: Type.Boolean() });

export const SessionItem = Type.Object({
  id: Type.String({ format: 'uuid' }),
  userAgent: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String({ format: 'date-time' }),
  expiresAt: Type.String({ format: 'date-time' }),
  /** The session this request came from. */
  current: Type.Boolean(),
});

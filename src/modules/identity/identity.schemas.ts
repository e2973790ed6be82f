import Type, { type Static } from 'typebox';
import { UpdateBody } from '../../platform/http/schemas.ts';

export const Handle = Type.String({
  pattern: '^[A-Za-z0-9_]{2,30}$',
  description: '2–30 letters, digits or underscores; unique across people and organizations',
});
export const HandleParam = Type.Object(
  { handle: Type.String({ maxLength: 31 }) },
  { additionalProperties: false },
);
export const IdParam = Type.Object({ id: Type.String({ format: 'uuid' }) }, { additionalProperties: false });

const Url = Type.String({ format: 'uri', pattern: '^https?://', maxLength: 500 });
/** A picture: an http(s) link, or an image uploaded here (media's content-addressed file path). */
const AvatarUrl = Type.Union([
  Url,
  Type.String({ pattern: '^/api/v1/media/files/[0-9a-f]{64}\\.webp$', maxLength: 100 }),
  Type.Null(),
]);
export const Link = Type.Object(
  { title: Type.String({ minLength: 1, maxLength: 60 }), url: Url },
  { additionalProperties: false },
);
export const Role = Type.Union([
  Type.Literal('owner'),
  Type.Literal('admin'),
  Type.Literal('marketer'),
  Type.Literal('agent'),
  Type.Literal('sales'),
  Type.Literal('employee'),
  Type.Literal('partner'),
]);

export const AccountSummary = Type.Object({
  id: Type.String(),
  kind: Type.Union([Type.Literal('person'), Type.Literal('brand'), Type.Literal('reseller')]),
  handle: Type.String(),
  name: Type.String(),
  avatarUrl: Type.Union([Type.String(), Type.Null()]),
  verified: Type.Boolean(),
});
export type AccountSummary = Static<typeof AccountSummary>;

export const Account = Type.Object({
  id: Type.String(),
  kind: Type.Union([Type.Literal('person'), Type.Literal('brand'), Type.Literal('reseller')]),
  handle: Type.String(),
  name: Type.String(),
  avatarUrl: Type.Union([Type.String(), Type.Null()]),
  verified: Type.Boolean(),
  bio: Type.String(),
  links: Type.Array(Link),
  createdAt: Type.String({ format: 'date-time' }),
});

export const SignupBody = Type.Object(
  {
    email: Type.String({ format: 'email', maxLength: 254 }),
    password: Type.String({ minLength: 8, maxLength: 200 }),
    handle: Handle,
    name: Type.String({ minLength: 1, maxLength: 80 }),
  },
  { additionalProperties: false },
);

export const LoginBody = Type.Object(
  {
    login: Type.String({ minLength: 1, maxLength: 254, description: 'Email or handle' }),
    password: Type.String({ minLength: 1, maxLength: 200 }),
  },
  { additionalProperties: false },
);

export const Me = Type.Object({
  account: Account,
  email: Type.String(),
  /** Whether the person confirmed their address; unverified accounts work but get no notification mail. */
  emailVerified: Type.Boolean(),
  twoFactorEnabled: Type.Boolean(),
  /** Handles of the person's organizations that ask their staff for two-factor sign-in. */
  twoFactorRequiredBy: Type.Array(Type.String()),
  isAdmin: Type.Boolean(),
  memberships: Type.Array(Type.Object({ org: AccountSummary, role: Role })),
  csrfToken: Type.Union([Type.String(), Type.Null()]),
});

export const ProfilePatch = UpdateBody({
  name: Type.Optional(Type.String({ minLength: 1, maxLength: 80 })),
  bio: Type.Optional(Type.String({ maxLength: 300 })),
  avatarUrl: Type.Optional(AvatarUrl),
  links: Type.Optional(Type.Array(Link, { maxItems: 5 })),
});

export const ApiToken = Type.Object({
  id: Type.String(),
  name: Type.String(),
  prefix: Type.String({ description: 'The first characters, to tell tokens apart' }),
  createdAt: Type.String({ format: 'date-time' }),
  lastUsedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
});

export const OrgBody = Type.Object(
  {
    handle: Handle,
    name: Type.String({ minLength: 1, maxLength: 80 }),
    kind: Type.Union([Type.Literal('brand'), Type.Literal('reseller')]),
    bio: Type.Optional(Type.String({ maxLength: 300 })),
    avatarUrl: Type.Optional(AvatarUrl),
  },
  { additionalProperties: false },
);

export const Member = Type.Object({
  account: AccountSummary,
  role: Role,
  joinedAt: Type.String({ format: 'date-time' }),
});

export const Invitation = Type.Object({
  id: Type.String(),
  org: AccountSummary,
  user: AccountSummary,
  role: Role,
  status: Type.Union([
    Type.Literal('pending'),
    Type.Literal('accepted'),
    Type.Literal('declined'),
    Type.Literal('cancelled'),
  ]),
  createdAt: Type.String({ format: 'date-time' }),
});

export const TwoFactorChallenge = Type.Object({
  twoFactorRequired: Type.Literal(true),
  /** Send it back with the code to /auth/login/two-factor within 5 minutes. */
  challenge: Type.String(),
  expiresAt: Type.String({ format: 'date-time' }),
});
export const TwoFactorLoginBody = Type.Object(
  {
    challenge: Type.String({ minLength: 10, maxLength: 200, pattern: '^[A-Za-z0-9_-]+$' }),
    /** A 6-digit code from the authenticator app, or a recovery code. */
    code: Type.String({ minLength: 6, maxLength: 40 }),
  },
  { additionalProperties: false },
);

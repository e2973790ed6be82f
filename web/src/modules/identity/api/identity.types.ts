import type { AccountSummary, ApiBody, ApiResponse } from '../../../shared/api/types.ts';

export type { AccountSummary };

export type Me = ApiResponse<'/me'>;

export type Account = Me['account'];

export type AccountKind = AccountSummary['kind'];

export type ProfileLink = Account['links'][number];

export type Membership = Me['memberships'][number];

export type OrgRole = Membership['role'];

export const ORG_ROLES: OrgRole[] = ['owner', 'admin', 'marketer', 'agent', 'sales', 'employee', 'partner'];

/** Roles that may publish as the organization. */
export const POSTING_ROLES: OrgRole[] = ['owner', 'admin', 'marketer', 'agent', 'sales'];

/** Roles that may invite and remove members. */
export const MANAGING_ROLES: OrgRole[] = ['owner', 'admin'];

export type SignupInput = ApiBody<'/auth/signup'>;
export type LoginInput = ApiBody<'/auth/login'>;

export type ProfilePatch = ApiBody<'/me/profile', 'patch'>;

export type ApiToken = ApiResponse<'/me/tokens'>['items'][number];
export type CreatedApiToken = ApiResponse<'/me/tokens', 'post'>;

export type OrgInput = ApiBody<'/orgs'>;

export type Member = ApiResponse<'/orgs/{handle}/members'>['items'][number];

export type Invitation = ApiResponse<'/orgs/{handle}/invitations'>['items'][number];

/** The answer to a correct password when two-factor sign-in is on. */
export type TwoFactorChallenge = { twoFactorRequired: true; challenge: string; expiresAt: string };
export type SessionItem = ApiResponse<'/me/sessions'>['items'][number];

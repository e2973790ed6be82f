export type AccountKind = 'person' | 'brand' | 'reseller';

export type AccountSummary = {
  id: string;
  kind: AccountKind;
  handle: string;
  name: string;
  avatarUrl: string | null;
  verified: boolean;
};

export type ProfileLink = { title: string; url: string };

export type Account = AccountSummary & { bio: string; links: ProfileLink[]; createdAt: string };

export type OrgRole = 'owner' | 'admin' | 'marketer' | 'agent' | 'sales' | 'employee' | 'partner';

export const ORG_ROLES: OrgRole[] = ['owner', 'admin', 'marketer', 'agent', 'sales', 'employee', 'partner'];

/** Roles that may publish as the organization. */
export const POSTING_ROLES: OrgRole[] = ['owner', 'admin', 'marketer', 'agent', 'sales'];

/** Roles that may invite and remove members. */
export const MANAGING_ROLES: OrgRole[] = ['owner', 'admin'];

export type Membership = { org: AccountSummary; role: OrgRole };

export type Me = {
  account: Account;
  email: string;
  isAdmin: boolean;
  memberships: Membership[];
  csrfToken: string | null;
};

export type SignupInput = { email: string; password: string; handle: string; name: string };
export type LoginInput = { login: string; password: string };

export type ProfilePatch = {
  name?: string;
  bio?: string;
  avatarUrl?: string | null;
  links?: ProfileLink[];
};

export type ApiToken = {
  id: string;
  name: string;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
};
export type CreatedApiToken = ApiToken & { token: string };

export type OrgInput = { handle: string; name: string; kind: 'brand' | 'reseller'; bio?: string };

export type Member = { account: AccountSummary; role: OrgRole; joinedAt: string };

export type Invitation = {
  id: string;
  org: AccountSummary;
  user: AccountSummary;
  role: OrgRole;
  status: string;
  createdAt: string;
};

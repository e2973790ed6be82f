import { api } from '../../../shared/api/client.ts';
import type { Items } from '../../../shared/api/types.ts';
import type {
  Account,
  ApiToken,
  CreatedApiToken,
  Invitation,
  LoginInput,
  Me,
  Member,
  OrgInput,
  OrgRole,
  ProfilePatch,
  SessionItem,
  SignupInput,
  TwoFactorChallenge,
} from './identity.types.ts';

const enc = encodeURIComponent;

export const identityApi = {
  me: () => api<Me>('/me'),
  signup: (input: SignupInput) => api<Me>('/auth/signup', { method: 'POST', body: input }),
  /** A session (Me), or with two-factor on a challenge for `loginSecondStep`. */
  login: (input: LoginInput) => api<Me | TwoFactorChallenge>('/auth/login', { method: 'POST', body: input }),
  loginSecondStep: (challenge: string, code: string) =>
    api<Me>('/auth/login/two-factor', { method: 'POST', body: { challenge, code } }),
  requestPasswordReset: (email: string) =>
    api<{ message: string }>('/auth/password-reset', { method: 'POST', body: { email } }),
  resetPassword: (token: string, password: string) =>
    api<void>('/auth/password-reset/confirm', { method: 'POST', body: { token, password } }),
  verifyEmail: (token: string) =>
    api<{ email: string; changed: boolean }>('/auth/verify-email', { method: 'POST', body: { token } }),
  resendVerification: () => api<{ message: string }>('/me/email/verification', { method: 'POST' }),
  changePassword: (currentPassword: string, newPassword: string) =>
    api<{ sessionsEnded: number }>('/me/password', {
      method: 'POST',
      body: { currentPassword, newPassword },
    }),
  sessions: () => api<Items<SessionItem>>('/me/sessions'),
  signOutOthers: () => api<{ sessionsEnded: number }>('/me/sessions/sign-out-others', { method: 'POST' }),
  twoFactorSetup: () =>
    api<{ secret: string; otpauthUrl: string; qrCode: string }>('/me/two-factor/setup', { method: 'POST' }),
  twoFactorEnable: (code: string) =>
    api<{ recoveryCodes: string[] }>('/me/two-factor/enable', { method: 'POST', body: { code } }),
  twoFactorDisable: (password: string, code: string) =>
    api<void>('/me/two-factor/disable', { method: 'POST', body: { password, code } }),
  changeEmail: (email: string, password: string) =>
    api<{ message: string }>('/me/email', { method: 'POST', body: { email, password } }),
  deleteAccount: (password: string, posts: 'keep' | 'remove') =>
    api<void>('/me/delete-account', { method: 'POST', body: { password, posts } }),
  setTwoFactorRequirement: (handle: string, required: boolean) =>
    api<{ required: boolean }>(`/orgs/${enc(handle)}/two-factor-requirement`, {
      method: 'PUT',
      body: { required },
    }),
  logout: () => api<void>('/auth/logout', { method: 'POST' }),
  updateProfile: (patch: ProfilePatch) => api<Me>('/me/profile', { method: 'PATCH', body: patch }),

  tokens: () => api<Items<ApiToken>>('/me/tokens'),
  createToken: (name: string) => api<CreatedApiToken>('/me/tokens', { method: 'POST', body: { name } }),
  revokeToken: (id: string) => api<void>(`/me/tokens/${enc(id)}`, { method: 'DELETE' }),

  createOrg: (input: OrgInput) => api<Account>('/orgs', { method: 'POST', body: input }),
  updateOrg: (handle: string, patch: ProfilePatch) =>
    api<Account>(`/orgs/${enc(handle)}`, { method: 'PATCH', body: patch }),
  members: (handle: string) => api<Items<Member>>(`/orgs/${enc(handle)}/members`),
  removeMember: (handle: string, userHandle: string) =>
    api<void>(`/orgs/${enc(handle)}/members/${enc(userHandle)}`, { method: 'DELETE' }),
  orgInvitations: (handle: string) => api<Items<Invitation>>(`/orgs/${enc(handle)}/invitations`),
  invite: (handle: string, body: { handle: string; role: OrgRole }) =>
    api<Invitation>(`/orgs/${enc(handle)}/invitations`, { method: 'POST', body }),

  myInvitations: () => api<Items<Invitation>>('/me/invitations'),
  answerInvitation: (id: string, answer: 'accept' | 'decline' | 'cancel') =>
    api<void>(`/invitations/${enc(id)}/${answer}`, { method: 'POST' }),
};

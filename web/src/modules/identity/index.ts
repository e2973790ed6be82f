// The identity module's door: the only file the app and other modules import. It brings the module's styles.
import './identity.css';

/** The identity API, for modules that look accounts up (the care inbox's assignee search). */
export { identityApi } from './api/identity.api.ts';
export type { Account, AccountSummary, Me, Membership, OrgRole } from './api/identity.types.ts';
/** Roles that may invite and remove members. */
export { MANAGING_ROLES } from './api/identity.types.ts';
/** Pages that mailed links open, and the forgotten-password form. */
export { ForgotPasswordPage, ResetPasswordPage, VerifyEmailPage } from './components/account-link-pages.tsx';
export { InvitationsPage } from './components/invitations-page.tsx';
export { LoginPage } from './components/login-page.tsx';
export { OrgManagePage } from './components/org-manage-page.tsx';
export { OrgNewPage } from './components/org-new-page.tsx';
/** The route element that sends signed-out visitors to the login page. */
export { RequireAuth } from './components/require-auth.tsx';
export { SettingsPage } from './components/settings-page.tsx';
export { SignupPage } from './components/signup-page.tsx';
export { useLogout } from './hooks/use-auth.ts';
export { useMyInvitations } from './hooks/use-invitations.ts';
/** The signed-in user (`useMe`, `useViewer`) and the accounts they may post as. */
export { fetchMe, meKey, ownedAccountIds, postingIdentities, useMe, useViewer } from './hooks/use-me.ts';

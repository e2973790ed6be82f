// The care module's door: the only file the app and other modules import. It brings the module's styles.
import './care-inbox.css';
import './care-ranking.css';
import './care-settings.css';
import './care-support.css';

/** The brand inbox pages (rules, SLAs, report, setup) and the person's own Support page. */
export { careBrandRoutes, careSignedInRoutes } from './care.routes.tsx';
/** Navigation entries: a brand's inbox for its agents, the person's Support page; the care pages of a workspace. */
export { CareNav, careWorkspaceTools, MyCareNav, useMyCareEntry } from './components/care-nav.tsx';
/** The answer to a brand's request to confirm an identity, shown inside a notification. */
export { IdentityLinkRequest } from './components/identity-link-request.tsx';
/** Query keys and the refresh the live stream triggers when a conversation changes. */
export { careKeys, refreshInboxes } from './hooks/care-keys.ts';
/** The public service-quality ranking and a brand's place in it, with how it was computed. */
export { carePublicRoutes } from './ranking.routes.tsx';

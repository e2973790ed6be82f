// The rfp module's door: the only file the app and other modules import. It brings the module's styles.
import './rfp.css';

/** The workspace's navigation entries: Sales queue, price requests, sales team. */
export { rfpWorkspaceTools } from './components/rfp-nav.tsx';
/** Under a post of kind rfp, its request card. */
export { RfpPostCard } from './components/rfp-post-card.tsx';
/** A request's page, asking for proposals, and the brand's Sales queue. */
export { rfpBrandRoutes, rfpPublicRoutes, rfpSignedInRoutes } from './rfp.routes.tsx';

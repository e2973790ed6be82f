// The ideas module's door: the only file the app and other modules import. It brings the module's styles.
import './ideas.css';

/** The workspace's navigation entry for the ideas tool. */
export { ideasWorkspaceTools } from './components/ideas-nav.tsx';
/** A brand's public ideas portal and idea pages; the brand's review tool in its workspace. */
export { ideasBrandRoutes, ideasPublicRoutes } from './ideas.routes.tsx';

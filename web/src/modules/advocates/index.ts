// The advocates module's door: the only file the app and other modules import. It brings the module's styles.
import './advocates.css';

/** The brand's Advocates page (ranked advocates, segments, referral review) in its workspace. */
export { advocatesBrandRoutes } from './advocates.routes.tsx';
/** The workspace's navigation entry for the Advocates tool. */
export { advocatesWorkspaceTools } from './components/advocates-nav.tsx';

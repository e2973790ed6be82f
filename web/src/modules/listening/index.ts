// The listening module's door: the only file the app and other modules import. It brings the module's styles.
import './listening.css';
import './listening-rules.css';

/** The Listening entry of a brand's workspace. */
export { listeningWorkspaceTools } from './components/listening-nav.tsx';
/** Refetches the open listening pages (the live stream calls it when a spike is found). */
export { refreshListening } from './hooks/use-listening.ts';
/** A brand's listening pages: topics, imports and each topic's page (brand workspace pages). */
export { listeningBrandRoutes } from './listening.routes.tsx';

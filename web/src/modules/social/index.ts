// The social module's door: the only file the app and other modules import. It brings the module's styles.
import './social.css';

export type { Post } from './api/social.types.ts';
export { HomePage } from './components/home-page.tsx';
export { ProfilePage } from './components/profile-page.tsx';
/** The search page, and its search box for the right rail. */
export { SearchForm, SearchPage } from './components/search-page.tsx';
export { TagPage } from './components/tag-page.tsx';
export { ThreadPage } from './components/thread-page.tsx';
/** Accounts to follow with a Follow button each, for the side rail. */
export { WhoToFollow } from './components/who-to-follow.tsx';
/** A profile by handle (the org management page shows the org's). */
export { useProfile } from './hooks/use-profile.ts';

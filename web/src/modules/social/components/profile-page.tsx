import { NavLink, useParams } from 'react-router';
import { NotFoundPage } from '../../../shared/layout/not-found-page.tsx';
import { AccountRow } from '../../../shared/ui/account-row.tsx';
import { PageHeader } from '../../../shared/ui/page-header.tsx';
import { EmptyState, ErrorBanner, Loading, LoadMore, PageError } from '../../../shared/ui/status.tsx';
import { BrandShop } from '../../commerce/index.ts';
import type { AccountListKind, ProfilePostsKind } from '../api/social.api.ts';
import { useProfilePosts } from '../hooks/use-feeds.ts';
import { useAccountList, useProfile } from '../hooks/use-profile.ts';
import { PostFeed } from './post-feed.tsx';
import { ProfileHeader } from './profile-header.tsx';

type Tab = ProfilePostsKind | AccountListKind | 'shop';
const TABS: { tab: Tab; label: string }[] = [
  { tab: 'posts', label: 'Posts' },
  { tab: 'mentions', label: 'Mentions' },
  { tab: 'followers', label: 'Followers' },
  { tab: 'following', label: 'Following' },
  { tab: 'shop', label: 'Shop' },
];

function ProfileTabs({ handle, isBrand }: { handle: string; isBrand: boolean }) {
  return (
    <nav className="tabs" aria-label="Profile sections">
      {TABS.filter(({ tab }) => tab !== 'shop' || isBrand).map(({ tab, label }) => (
        <NavLink
          key={tab}
          to={tab === 'posts' ? `/@${handle}` : `/@${handle}/${tab}`}
          end
          className={({ isActive }) => (isActive ? 'tab active' : 'tab')}
          data-testid={`tab-${tab}`}
        >
          {label}
        </NavLink>
      ))}
    </nav>
  );
}

function PostsTab({ handle, kind }: { handle: string; kind: ProfilePostsKind }) {
  const posts = useProfilePosts(handle, kind);
  const empty = kind === 'posts' ? `@${handle} hasn’t posted yet` : `No one has mentioned @${handle} yet`;
  return <PostFeed query={posts} empty={<EmptyState title={empty} />} />;
}

function AccountsTab({ handle, kind }: { handle: string; kind: AccountListKind }) {
  const list = useAccountList(handle, kind);
  if (list.isPending) return <Loading />;
  if (list.error && !list.data) return <ErrorBanner error={list.error} />;
  const accounts = list.data?.pages.flatMap((p) => p.items) ?? [];
  if (accounts.length === 0) {
    const title =
      kind === 'followers' ? `No one follows @${handle} yet` : `@${handle} doesn’t follow anyone yet`;
    return <EmptyState title={title} />;
  }
  return (
    <div className="account-list">
      {accounts.map((a) => (
        <AccountRow key={a.id} account={a} />
      ))}
      <LoadMore query={list} />
    </div>
  );
}

function ProfileView({ handle, tab }: { handle: string; tab: Tab }) {
  const profile = useProfile(handle);
  if (!profile.data) {
    return (
      <>
        <PageHeader title={`@${handle}`} back />
        {profile.isPending ? (
          <Loading />
        ) : (
          <PageError error={profile.error} notFoundTitle={`@${handle} isn’t on Souk`} />
        )}
      </>
    );
  }
  const p = profile.data;
  return (
    <>
      <PageHeader title={p.name} back />
      <ProfileHeader profile={p} />
      <ProfileTabs handle={p.handle} isBrand={p.kind === 'brand'} />
      {tab === 'shop' ? (
        <BrandShop handle={p.handle} />
      ) : tab === 'posts' || tab === 'mentions' ? (
        <PostsTab key={tab} handle={p.handle} kind={tab} />
      ) : (
        <AccountsTab key={tab} handle={p.handle} kind={tab} />
      )}
    </>
  );
}

/** `/@handle` and its tabs; any other single-segment path is not a page. */
export function ProfilePage() {
  const { atHandle = '', tab = 'posts' } = useParams();
  const known = TABS.some((t) => t.tab === tab);
  if (!atHandle.startsWith('@') || atHandle.length < 2 || !known) return <NotFoundPage />;
  const handle = atHandle.slice(1);
  return <ProfileView key={handle.toLowerCase()} handle={handle} tab={tab as Tab} />;
}

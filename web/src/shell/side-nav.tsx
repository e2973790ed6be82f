import type { ReactNode } from 'react';
import { Link, NavLink, useNavigate } from 'react-router';
import { MyRewardsNav } from '../modules/advocates/index.ts';
import { CareNav, MyCareNav } from '../modules/care/index.ts';
import { BrandNav, ShopperNav } from '../modules/commerce/index.ts';
import type { Me } from '../modules/identity/index.ts';
import { useLogout, useMyInvitations } from '../modules/identity/index.ts';
import { useUnreadCount } from '../modules/notifications/index.ts';
import { Avatar } from '../shared/ui/avatar.tsx';
import { CountBadge } from '../shared/ui/count-badge.tsx';
import {
  BellIcon,
  HomeIcon,
  InboxIcon,
  LogoutIcon,
  SearchIcon,
  SettingsIcon,
  UserIcon,
} from '../shared/ui/icons.tsx';

function NavItem({
  to,
  icon,
  label,
  badge,
  testId,
}: {
  to: string;
  icon: ReactNode;
  label: string;
  badge?: ReactNode;
  testId?: string;
}) {
  return (
    <NavLink
      to={to}
      end={to === '/'}
      className={({ isActive }) => (isActive ? 'nav-item active' : 'nav-item')}
      data-testid={testId}
    >
      <span className="nav-icon">
        {icon}
        {badge}
      </span>
      <span className="nav-label">{label}</span>
    </NavLink>
  );
}

function SignedInNav({ me }: { me: Me }) {
  const navigate = useNavigate();
  const logout = useLogout();
  const unread = useUnreadCount(true).data?.total ?? 0;
  const invitations = useMyInvitations().data?.items.length ?? 0;
  return (
    <>
      <NavItem to="/" icon={<HomeIcon />} label="Home" testId="nav-home" />
      <NavItem to="/search" icon={<SearchIcon />} label="Search" testId="nav-search" />
      <NavItem
        to="/notifications"
        icon={<BellIcon />}
        label="Notifications"
        testId="nav-notifications"
        badge={<CountBadge count={unread} testId="notif-badge" label="unread notifications" />}
      />
      {invitations > 0 && (
        <NavItem
          to="/invitations"
          icon={<InboxIcon />}
          label="Invitations"
          testId="nav-invitations"
          badge={<CountBadge count={invitations} testId="invitations-badge" label="pending invitations" />}
        />
      )}
      <ShopperNav />
      <MyCareNav />
      <MyRewardsNav />
      <NavItem to={`/@${me.account.handle}`} icon={<UserIcon />} label="Profile" testId="nav-profile" />
      <NavItem to="/settings" icon={<SettingsIcon />} label="Settings" testId="nav-settings" />
      <CareNav me={me} />
      <BrandNav me={me} />
      <button
        type="button"
        className="nav-item nav-logout"
        data-testid="nav-logout"
        onClick={() => logout.mutate(undefined, { onSettled: () => navigate('/login') })}
      >
        <span className="nav-icon">
          <LogoutIcon />
        </span>
        <span className="nav-label">Log out</span>
      </button>
      <Link to={`/@${me.account.handle}`} className="nav-me" aria-label="Your profile">
        <Avatar account={me.account} size={36} />
        <span className="nav-me-names">
          <span className="truncate">{me.account.name}</span>
          <span className="handle truncate">@{me.account.handle}</span>
        </span>
      </Link>
    </>
  );
}

/** The left column on wide screens, a top bar of icons on phones. */
export function SideNav({ me }: { me: Me | null }) {
  return (
    <nav className="side-nav" aria-label="Main">
      <Link to="/" className="brand">
        <img src="/favicon.svg" alt="" width={32} height={32} />
        <span className="nav-label">Souk</span>
      </Link>
      {me ? (
        <SignedInNav me={me} />
      ) : (
        <>
          <NavItem to="/search" icon={<SearchIcon />} label="Search" />
          <div className="nav-guest">
            <Link to="/login" className="btn btn-secondary btn-block">
              Sign in
            </Link>
            <Link to="/signup" className="btn btn-primary btn-block">
              Sign up
            </Link>
          </div>
        </>
      )}
    </nav>
  );
}

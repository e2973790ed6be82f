import { rewardsEntry } from '../modules/advocates/index.ts';
import { useMyCareEntry } from '../modules/care/index.ts';
import { useShopperEntries } from '../modules/commerce/index.ts';
import { type Me, useMyInvitations } from '../modules/identity/index.ts';
import { useUnreadCount } from '../modules/notifications/index.ts';
import { Avatar } from '../shared/ui/avatar.tsx';
import { CountBadge } from '../shared/ui/count-badge.tsx';
import { BellIcon, HomeIcon, InboxIcon, SearchIcon, SettingsIcon, UserIcon } from '../shared/ui/icons.tsx';
import type { NavEntry } from '../shared/ui/workspace-tool.ts';
import { LogoutAction, PhoneBar } from './phone-bar.tsx';
import { workspaceTools } from './workspace-layout.tsx';

/** One entry per brand the person works for, opening its workspace at the first tool their role opens. */
function workspaceEntries(me: Me): NavEntry[] {
  return me.memberships.flatMap((membership) => {
    const first = [...workspaceTools(membership)].sort((a, b) => a.rank - b.rank)[0];
    if (!first || membership.org.kind !== 'brand') return [];
    return [
      {
        key: `workspace-${membership.org.handle}`,
        to: first.to,
        label: `${membership.org.name} workspace`,
        icon: <Avatar account={membership.org} size={22} />,
      },
    ];
  });
}

/** The social pages on a phone: Home, Search, Notifications, Cart, and "More" with the rest and Log out. */
export function SocialPhoneBar({ me }: { me: Me }) {
  const unread = useUnreadCount(true).data?.total ?? 0;
  const invitations = useMyInvitations().data?.items.length ?? 0;
  const [cart, orders] = useShopperEntries();
  const support = useMyCareEntry();
  const items: NavEntry[] = [
    { key: 'home', to: '/', label: 'Home', icon: <HomeIcon />, end: true },
    { key: 'search', to: '/search', label: 'Search', icon: <SearchIcon /> },
    {
      key: 'notifications',
      to: '/notifications',
      label: 'Alerts',
      icon: <BellIcon />,
      badge: <CountBadge count={unread} testId="tabbar-notif-badge" label="unread notifications" />,
    },
    cart,
  ];
  const more: NavEntry[] = [
    { key: 'profile', to: `/@${me.account.handle}`, label: 'Profile', icon: <UserIcon /> },
    orders,
    support,
    rewardsEntry,
    ...(invitations > 0
      ? [
          {
            key: 'invitations',
            to: '/invitations',
            label: 'Invitations',
            icon: <InboxIcon />,
            badge: (
              <CountBadge count={invitations} testId="tabbar-invitations-badge" label="pending invitations" />
            ),
          },
        ]
      : []),
    ...workspaceEntries(me),
    { key: 'settings', to: '/settings', label: 'Settings', icon: <SettingsIcon /> },
  ];
  return <PhoneBar label="Main" items={items} more={more} actions={<LogoutAction />} />;
}

import { NavLink } from 'react-router';
import { CountBadge } from '../../../shared/ui/count-badge.tsx';
import {
  BarsIcon,
  ChatIcon,
  ClockIcon,
  LifebuoyIcon,
  ListIcon,
  RouteIcon,
} from '../../../shared/ui/icons.tsx';
import type { NavEntry, WorkspaceTool } from '../../../shared/ui/workspace-tool.ts';
import type { Me, Membership } from '../../identity/index.ts';
import { INBOX_ROLES, RULE_ROLES, SALES_INBOX_ROLES } from '../api/care.types.ts';
import { useMyCareAwaiting } from '../hooks/use-my-care.ts';

/** "Inbox" for each brand where the user answers customers (owner, admin or agent). */
export function CareNav({ me }: { me: Me }) {
  const brands = me.memberships.filter(
    (m) => m.org.kind === 'brand' && (INBOX_ROLES.includes(m.role) || SALES_INBOX_ROLES.includes(m.role)),
  );
  return (
    <>
      {brands.map(({ org }) => (
        <NavLink
          key={org.id}
          to={`/orgs/${org.handle}/inbox`}
          className={({ isActive }) => (isActive ? 'nav-item active' : 'nav-item')}
          data-testid="nav-inbox"
          title={`${org.name} inbox`}
        >
          <span className="nav-icon">
            <ChatIcon />
          </span>
          <span className="nav-label truncate">{brands.length > 1 ? `Inbox · ${org.name}` : 'Inbox'}</span>
        </NavLink>
      ))}
    </>
  );
}

/**
 * "Support" for every signed-in person: their conversations with brands. The badge counts what waits for their
 * answer (a request to continue privately, a rating), since a brand's question arrives as an ordinary reply.
 */
export function MyCareNav() {
  const awaiting = useMyCareAwaiting();
  return (
    <NavLink
      to="/me/care"
      className={({ isActive }) => (isActive ? 'nav-item active' : 'nav-item')}
      data-testid="nav-my-care"
    >
      <span className="nav-icon">
        <LifebuoyIcon />
        <CountBadge count={awaiting} testId="my-care-badge" label="conversations waiting for your answer" />
      </span>
      <span className="nav-label">Support</span>
    </NavLink>
  );
}

/** Support, with what waits for the person's answer, as an entry of the phone's navigation. */
export function useMyCareEntry(): NavEntry {
  const awaiting = useMyCareAwaiting();
  return {
    key: 'support',
    to: '/me/care',
    label: 'Support',
    icon: <LifebuoyIcon />,
    badge: (
      <CountBadge
        count={awaiting}
        testId="tabbar-my-care-badge"
        label="conversations waiting for your answer"
      />
    ),
  };
}

/** The care pages of a brand's workspace that the member's role opens: the inbox first, then its settings. */
export function careWorkspaceTools({ org, role }: Membership): WorkspaceTool[] {
  if (org.kind !== 'brand') return [];
  const base = `/orgs/${org.handle}/inbox`;
  const group = 'Customer care';
  const inbox: WorkspaceTool = {
    key: 'inbox',
    to: base,
    label: 'Inbox',
    icon: <ChatIcon />,
    testId: 'workspace-inbox',
    group,
    rank: 0,
    end: true,
  };
  // Sales works the conversations routed to it, not the inbox's settings.
  if (SALES_INBOX_ROLES.includes(role)) return [inbox];
  if (!INBOX_ROLES.includes(role)) return [];
  const tools: WorkspaceTool[] = [
    inbox,
    {
      key: 'report',
      to: `${base}/report`,
      label: 'Report',
      icon: <BarsIcon />,
      testId: 'inbox-report-link',
      group,
      rank: 20,
    },
    {
      key: 'setup',
      to: `${base}/setup`,
      label: 'Replies & queues',
      icon: <ListIcon />,
      testId: 'inbox-setup-link',
      group,
      rank: 21,
    },
    {
      key: 'sla',
      to: `${base}/sla`,
      label: 'SLA settings',
      icon: <ClockIcon />,
      testId: 'inbox-sla-link',
      group,
      rank: 22,
    },
  ];
  if (RULE_ROLES.includes(role)) {
    tools.push({
      key: 'rules',
      to: `${base}/rules`,
      label: 'Routing rules',
      icon: <RouteIcon />,
      testId: 'inbox-rules-link',
      group,
      rank: 23,
    });
  }
  return tools;
}

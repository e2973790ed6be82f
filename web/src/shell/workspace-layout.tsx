import { Link, NavLink, Outlet, useParams } from 'react-router';
import { advocatesWorkspaceTools } from '../modules/advocates/index.ts';
import { careWorkspaceTools } from '../modules/care/index.ts';
import { commerceWorkspaceTools } from '../modules/commerce/index.ts';
import { governanceWorkspaceTools } from '../modules/governance/index.ts';
import { ideasWorkspaceTools } from '../modules/ideas/index.ts';
import { MANAGING_ROLES, type Membership, useMe } from '../modules/identity/index.ts';
import { listeningWorkspaceTools } from '../modules/listening/index.ts';
import { useLiveStream } from '../modules/notifications/index.ts';
import { rfpWorkspaceTools } from '../modules/rfp/index.ts';
import { Avatar } from '../shared/ui/avatar.tsx';
import { BuildingIcon, HomeIcon } from '../shared/ui/icons.tsx';
import { Loading } from '../shared/ui/status.tsx';
import type { WorkspaceTool } from '../shared/ui/workspace-tool.ts';
import { LogoutAction, PhoneBar } from './phone-bar.tsx';

/** The pages of a brand the member's role opens, from each module that has some, and the team page. */
export function workspaceTools(membership: Membership): WorkspaceTool[] {
  const tools = [
    ...careWorkspaceTools(membership),
    ...commerceWorkspaceTools(membership),
    ...governanceWorkspaceTools(membership),
    ...ideasWorkspaceTools(membership),
    ...listeningWorkspaceTools(membership),
    ...advocatesWorkspaceTools(membership),
    ...rfpWorkspaceTools(membership),
  ];
  if (MANAGING_ROLES.includes(membership.role)) {
    tools.push({
      key: 'team',
      to: `/orgs/${membership.org.handle}/manage`,
      label: 'Team & profile',
      icon: <BuildingIcon />,
      testId: 'workspace-team',
      group: 'Brand',
      rank: 40,
    });
  }
  return tools;
}

/** The side navigation on wide screens: the brand, its tools by group, and the way back to the social app. */
function WorkspaceNav({ membership, tools }: { membership?: Membership; tools: WorkspaceTool[] }) {
  const groups = [...new Set(tools.map((tool) => tool.group))];
  return (
    <nav className="workspace-nav" aria-label="Brand workspace" data-testid="workspace-nav">
      {membership && (
        <Link to={`/@${membership.org.handle}`} className="workspace-brand" title={membership.org.name}>
          <Avatar account={membership.org} size={32} />
          <span className="workspace-nav-label truncate">{membership.org.name}</span>
        </Link>
      )}
      {groups.map((group) => (
        <div key={group} className="workspace-nav-group">
          <p className="workspace-nav-heading">{group}</p>
          {tools
            .filter((tool) => tool.group === group)
            .map((tool) => (
              <NavLink
                key={tool.key}
                to={tool.to}
                end={tool.end}
                className={({ isActive }) => (isActive ? 'workspace-nav-item active' : 'workspace-nav-item')}
                data-testid={tool.testId}
                title={tool.label}
              >
                {tool.icon}
                <span className="workspace-nav-label">{tool.label}</span>
              </NavLink>
            ))}
        </div>
      ))}
      <Link
        to="/"
        className="workspace-nav-item workspace-nav-home"
        data-testid="workspace-home"
        title="Back to Souk"
      >
        <HomeIcon />
        <span className="workspace-nav-label">Back to Souk</span>
      </Link>
    </nav>
  );
}

/** On phones: the four most used tools, and "More" with the rest, the way back and Log out. */
function WorkspacePhoneBar({ tools }: { tools: WorkspaceTool[] }) {
  const ranked = [...tools].sort((a, b) => a.rank - b.rank);
  return (
    <PhoneBar
      label="Brand workspace"
      items={ranked.slice(0, 4)}
      more={[...ranked.slice(4), { key: 'home', to: '/', label: 'Back to Souk', icon: <HomeIcon /> }]}
      actions={<LogoutAction />}
    />
  );
}

/**
 * A brand's back office (inbox, shop, reports, settings): the brand's tools in a slim side navigation and the
 * page on the rest of the width, without the social right rail; on phones one column over a bottom bar.
 */
export function WorkspaceLayout() {
  const me = useMe();
  const viewer = me.data ?? null;
  useLiveStream(viewer !== null);
  const { handle = '' } = useParams();
  const membership = viewer?.memberships.find((m) => m.org.handle.toLowerCase() === handle.toLowerCase());
  const tools = membership ? workspaceTools(membership) : [];
  return (
    <div className="workspace-shell">
      <WorkspaceNav membership={membership} tools={tools} />
      <main className="workspace-main" id="main">
        {me.isPending ? <Loading /> : <Outlet />}
      </main>
      {viewer && <WorkspacePhoneBar tools={tools} />}
    </div>
  );
}

import { type Db, type Executor, ownTables } from '../../platform/db/database.ts';
import type { EventBus } from '../../platform/events/outbox.ts';
import type { OrgRole, Principal } from '../../platform/http/auth.ts';
import { newId } from '../../platform/ids.ts';
import { can, type IdentityModule, presentSummary, roleIn } from '../identity/index.ts';
import { ideasError } from './ideas.errors.ts';
import { presentIdeas } from './ideas.present.ts';
import * as repo from './ideas.repo.ts';
import type { IdeaChallengesTable, IdeasTables } from './ideas.tables.ts';
import type { NewIdea, PortalService } from './portal.service.ts';

type ChallengeRow = Awaited<ReturnType<typeof repo.findChallenge>> & Pick<IdeaChallengesTable, 'id'>;

/**
 * Who is in a brand's saved segment or at or above one of its tiers. Both belong to the advocates module, which builds
 * on this one, so it plugs its resolver in when the app is composed; without one, neither invites anybody nor can
 * be chosen.
 */
export type SegmentResolver = {
  segmentExists(orgId: string, segmentId: string): Promise<boolean>;
  inSegment(orgId: string, segmentId: string, accountId: string): Promise<boolean>;
  tierExists(orgId: string, tierKey: string): Promise<boolean>;
  inTier(orgId: string, tierKey: string, accountId: string): Promise<boolean>;
};
export type SegmentSlot = { resolver?: SegmentResolver };

/** Members of the brand who run its portal see every challenge and hidden item. */
export const runsPortal = (principal: Principal | null, orgId: string) => can(principal, orgId, 'postAsOrg');

/** Whether the person may see a challenge: the brand's staff, members with an invited role, named people, the segment. */
export function createChallengeAccess(db: Executor<IdeasTables>, segments: SegmentSlot) {
  async function canSee(principal: Principal | null, c: ChallengeRow) {
    if (!principal) return false;
    if (runsPortal(principal, c.org_id)) return true;
    const role = roleIn(principal, c.org_id);
    if (role && c.roles.includes(role)) return true;
    if (await repo.isInvitee(db, c.id, principal.userId)) return true;
    if (c.segment_id && (await segments.resolver?.inSegment(c.org_id, c.segment_id, principal.userId)))
      return true;
    if (c.tier_key && (await segments.resolver?.inTier(c.org_id, c.tier_key, principal.userId))) return true;
    return false;
  }
  return {
    canSee,
    /** The challenge, or 404 for anyone not invited (its existence is never revealed). */
    async challengeFor(principal: Principal | null, id: string) {
      const c = await repo.findChallenge(db, id);
      if (!c || !(await canSee(principal, c))) throw ideasError('challenge_not_found', 'Challenge not found');
      return c;
    },
    /** Throws 404 when the caller may not see the idea: a challenge's they are not invited to, or hidden. */
    async requireVisible(principal: Principal | null, idea: repo.IdeaRow) {
      if (idea.hidden_at && !runsPortal(principal, idea.org_id) && principal?.userId !== idea.author_id)
        throw ideasError('idea_not_found', 'Idea not found');
      if (!idea.challenge_id) return null;
      const c = await repo.findChallenge(db, idea.challenge_id);
      if (!c || !(await canSee(principal, c))) throw ideasError('idea_not_found', 'Idea not found');
      return c;
    },
  };
}
export type ChallengeAccess = ReturnType<typeof createChallengeAccess>;

export const isClosed = (c: { closes_at: Date }) => c.closes_at.getTime() <= Date.now();

export type NewChallenge = {
  title: string;
  description: string;
  closesAt: string;
  segmentId?: string;
  /** A tier of the brand's advocates, by key: it and those above it are invited. */
  tier?: string;
  roles?: OrgRole[];
  invitees?: string[];
};

/** Private challenges: invite-only campaigns of a brand, with their own ideas and a deadline. */
export function createChallengesService(deps: {
  db: Db;
  identity: Pick<IdentityModule, 'orgs' | 'accounts'>;
  events: EventBus;
  segments: SegmentSlot;
  access: ChallengeAccess;
  portal: PortalService;
}) {
  const { db, identity, segments, access, portal } = deps;
  const own = ownTables<IdeasTables>(db);

  async function present(principal: Principal | null, rows: ChallengeRow[]) {
    const counts = new Map(
      (
        await repo.ideaCounts(
          own,
          rows.map((r) => r.id),
        )
      ).map((c) => [c.challenge_id, c.n] as const),
    );
    const orgs = new Map(
      (await identity.accounts.byIds([...new Set(rows.map((r) => r.org_id))])).map((a) => [a.id, a] as const),
    );
    return Promise.all(
      rows.map(async (r) => {
        let audience = null;
        if (runsPortal(principal, r.org_id)) {
          const ids = (await repo.inviteeIds(own, r.id)).map((i) => i.person_id);
          audience = {
            segmentId: r.segment_id,
            tier: r.tier_key,
            roles: r.roles,
            invitees: (await identity.accounts.byIds(ids)).map(presentSummary),
          };
        }
        return {
          id: r.id,
          org: presentSummary(orgs.get(r.org_id)!),
          title: r.title,
          description: r.description,
          closesAt: r.closes_at.toISOString(),
          open: !isClosed(r),
          ideas: counts.get(r.id) ?? 0,
          audience,
          createdAt: r.created_at.toISOString(),
        };
      }),
    );
  }

  return {
    async create(principal: Principal, orgHandle: string, input: NewChallenge) {
      const org = await identity.orgs.orgByHandle(orgHandle);
      if (!roleIn(principal, org.id)) throw ideasError('brand_only', 'Only the brand can start a challenge');
      if (!can(principal, org.id, 'publishDeals'))
        throw ideasError('brand_only', 'Your role in this brand does not allow this');
      const closesAt = new Date(input.closesAt);
      if (!(closesAt.getTime() > Date.now()))
        throw ideasError('deadline_in_past', 'The deadline must be in the future', [
          { field: 'closesAt', message: 'in the past' },
        ]);
      const roles = input.roles ?? [];
      const handles = [...new Set(input.invitees ?? [])];
      if (!input.segmentId && !input.tier && roles.length === 0 && handles.length === 0)
        throw ideasError('no_audience', 'Invite a segment, a tier, one or more roles, or named people');
      if (input.tier && !(await segments.resolver?.tierExists(org.id, input.tier)))
        throw ideasError('challenge_tier_not_found', `The brand has no advocate tier "${input.tier}"`, [
          { field: 'tier', message: 'no such tier' },
        ]);
      if (input.segmentId && !(await segments.resolver?.segmentExists(org.id, input.segmentId)))
        throw ideasError('challenge_segment_not_found', 'The brand has no saved segment with that id', [
          { field: 'segmentId', message: 'no such segment' },
        ]);
      const people = await identity.accounts.byHandles(handles);
      const persons = people.filter((p) => p.kind === 'person');
      if (persons.length !== handles.length) {
        const found = new Set(persons.map((p) => p.handle.toLowerCase()));
        const missing = handles.filter((h) => !found.has(h.toLowerCase()));
        throw ideasError('invitee_not_found', 'Every invited handle must be a person', [
          { field: 'invitees', message: `not a person: ${missing.join(', ')}` },
        ]);
      }
      const id = newId();
      await db.transaction().execute(async (trx) => {
        const t = ownTables<IdeasTables>(trx);
        await repo.insertChallenge(t, {
          id,
          org_id: org.id,
          title: input.title.trim(),
          description: input.description.trim(),
          closes_at: closesAt,
          segment_id: input.segmentId ?? null,
          tier_key: input.tier ?? null,
          roles: JSON.stringify(roles),
          created_by: principal.userId,
        });
        await repo.addInvitees(
          t,
          id,
          org.id,
          persons.map((p) => p.id),
        );
      });
      const [json] = await present(principal, [(await repo.findChallenge(own, id))!]);
      return json;
    },

    /** The brand's challenges the caller is invited to (all of them for the brand's staff). */
    async list(principal: Principal | null, orgHandle: string) {
      const org = await identity.orgs.orgByHandle(orgHandle);
      const rows = await repo.challengesOf(own, org.id);
      const visible = [];
      for (const r of rows) if (await access.canSee(principal, r)) visible.push(r);
      return { items: await present(principal, visible) };
    },

    async detail(principal: Principal | null, id: string) {
      const c = await access.challengeFor(principal, id);
      const [challenge] = await present(principal, [c]);
      const rows = await repo.challengeIdeas(own, id, runsPortal(principal, c.org_id));
      return { challenge, ideas: await presentIdeas(own, identity.accounts, rows, principal) };
    },

    async post(principal: Principal, id: string, input: NewIdea) {
      const c = await access.challengeFor(principal, id);
      if (isClosed(c)) throw ideasError('challenge_closed', 'The challenge is closed to new ideas');
      return portal.postTo(principal, c.org_id, input, c.id);
    },
  };
}

export type ChallengesService = ReturnType<typeof createChallengesService>;

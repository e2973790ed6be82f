import type { Db } from '../../platform/db/database.ts';
import type { Principal } from '../../platform/http/auth.ts';
import { decodeCursor, encodeCursor } from '../../platform/http/pagination.ts';
import { newId } from '../../platform/ids.ts';
import type { IdentityModule } from '../identity/index.ts';
import { presentSummary } from '../identity/index.ts';
import { advocatesError } from './advocates.errors.ts';
import * as repo from './advocates.repo.ts';

type Deps = { db: Db; identity: Pick<IdentityModule, 'orgs' | 'accounts'>; now: () => Date };

const CURSOR = /^-?[0-9.e+-]+\|[0-9a-f-]{36}$/;
const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function presentRun(r: repo.RunRow) {
  return {
    id: r.id,
    status: r.status,
    trigger: r.trigger,
    requestedAt: r.requested_at.toISOString(),
    startedAt: iso(r.started_at),
    finishedAt: iso(r.finished_at),
    people: r.people,
    communities: r.communities,
    error: r.error,
  };
}

function presentSegment(s: repo.SegmentRow) {
  return {
    id: s.id,
    name: s.name,
    community: s.community,
    minScore: s.min_score,
    topN: s.top_n,
    createdAt: s.created_at.toISOString(),
  };
}

export type SegmentInput = { name: string; community?: number; minScore?: number; topN?: number };
export type AdvocateListQuery = {
  cursor?: string;
  limit?: number;
  community?: number;
  segmentId?: string;
  bridges?: boolean;
};

/** The Advocates page: ranked followers and customers, influence runs, saved segments. */
export function createAdvocatesService({ db, identity, now }: Deps) {
  const viewable = (principal: Principal, handle: string) =>
    identity.orgs.requireCapability(principal, handle, 'viewSales');
  const manageable = (principal: Principal, handle: string) =>
    identity.orgs.requireCapability(principal, handle, 'publishDeals');

  async function segmentFilter(orgId: string, segmentId: string): Promise<repo.ScoreFilter> {
    const s = await repo.findSegment(db, orgId, segmentId);
    if (!s) throw advocatesError('segment_not_found', 'No advocate segment with that id in this brand');
    return {
      community: s.community ?? undefined,
      minScore: s.min_score ?? undefined,
      topN: s.top_n ?? undefined,
    };
  }

  return {
    /** Deals aimed at a segment: commerce asks whether it exists and who is in it. */
    audiences: {
      segmentExists: async (orgId: string, segmentId: string) =>
        (await repo.findSegment(db, orgId, segmentId)) !== undefined,
      segmentName: async (orgId: string, segmentId: string) =>
        (await repo.findSegment(db, orgId, segmentId))?.name ?? null,
      inSegment: async (orgId: string, segmentId: string, accountId: string) => {
        const s = await repo.findSegment(db, orgId, segmentId);
        if (!s) return false;
        const filter = {
          community: s.community ?? undefined,
          minScore: s.min_score ?? undefined,
          topN: s.top_n ?? undefined,
        };
        return repo.matchesFilter(db, orgId, filter, accountId);
      },
    },

    async list(principal: Principal, handle: string, query: AdvocateListQuery) {
      const org = await viewable(principal, handle);
      const limit = query.limit ?? 20;
      const filter = query.segmentId ? await segmentFilter(org.id, query.segmentId) : {};
      if (query.community !== undefined) filter.community = query.community;
      if (query.bridges) filter.bridges = true;
      const key = decodeCursor(query.cursor, CURSOR);
      const after = key ? { score: Number(key.split('|')[0]), accountId: key.split('|')[1] } : undefined;
      const rows = await repo.listScores(db, org.id, filter, { after, limit: limit + 1 });
      const page = rows.slice(0, limit);
      const accounts = new Map(
        (await identity.accounts.byIds(page.map((r) => r.account_id))).map((a) => [a.id, a]),
      );
      const items = page.flatMap((r) => {
        const account = accounts.get(r.account_id);
        if (!account) return [];
        return [
          {
            account: presentSummary(account),
            follower: r.follower,
            customer: r.customer,
            score: r.score,
            reach: r.reach,
            followers: r.followers,
            amplification: r.amplification,
            reshareSalesMinor: Number(r.reshare_sales_minor),
            lifetimeValueMinor: Number(r.ltv_minor),
            valueFactor: r.value_factor,
            referralsTouched: r.referrals_touched,
            referralsConverted: r.referrals_converted,
            referralConversion: r.referral_conversion,
            community: r.community,
            bridge: r.bridge_diversity !== null,
          },
        ];
      });
      const last = page[page.length - 1];
      const [communities, runs] = await Promise.all([
        repo.communitySizes(db, org.id),
        repo.latestRuns(db, org.id, 1),
      ]);
      return {
        items,
        nextCursor: rows.length > limit && last ? encodeCursor(`${last.score}|${last.account_id}`) : null,
        communities: communities.map((c) => ({ community: c.community, people: Number(c.people) })),
        lastRun: runs[0] ? presentRun(runs[0]) : null,
      };
    },

    /** Queues a recomputation (the background job does it); a run already queued or running is returned. */
    async requestRun(principal: Principal, handle: string) {
      const org = await manageable(principal, handle);
      const open = await repo.openRun(db, org.id);
      if (open) return { run: presentRun(open), created: false };
      const run = await repo.insertRun(db, {
        id: newId(),
        org_id: org.id,
        status: 'queued',
        trigger: 'request',
        requested_by: principal.userId,
        requested_at: now(),
      });
      return { run: presentRun(run), created: true };
    },

    async runs(principal: Principal, handle: string) {
      const org = await viewable(principal, handle);
      return { items: (await repo.latestRuns(db, org.id, 20)).map(presentRun) };
    },

    async run(principal: Principal, handle: string, id: string) {
      const org = await viewable(principal, handle);
      const run = await repo.findRun(db, org.id, id);
      if (!run) throw advocatesError('run_not_found', 'No influence run with that id in this brand');
      return presentRun(run);
    },

    async segments(principal: Principal, handle: string) {
      const org = await viewable(principal, handle);
      return { items: (await repo.listSegments(db, org.id)).map(presentSegment) };
    },

    async createSegment(principal: Principal, handle: string, input: SegmentInput) {
      const org = await manageable(principal, handle);
      const name = input.name.trim();
      if (input.community === undefined && input.minScore === undefined && input.topN === undefined) {
        throw advocatesError(
          'segment_without_rule',
          'Give the segment a community, a minimum score or a top N',
          [{ field: 'community', message: 'a segment needs at least one rule' }],
        );
      }
      if (await repo.findSegmentByName(db, org.id, name)) {
        throw advocatesError('segment_name_taken', `This brand already has a segment named “${name}”`, [
          { field: 'name', message: 'already used by another segment' },
        ]);
      }
      const row = await repo.insertSegment(db, {
        id: newId(),
        org_id: org.id,
        name,
        community: input.community ?? null,
        min_score: input.minScore ?? null,
        top_n: input.topN ?? null,
        created_by: principal.userId,
      });
      return presentSegment(row);
    },

    async deleteSegment(principal: Principal, handle: string, id: string) {
      const org = await manageable(principal, handle);
      if (!(await repo.deleteSegment(db, org.id, id))) {
        throw advocatesError('segment_not_found', 'No advocate segment with that id in this brand');
      }
    },
  };
}

export type AdvocatesService = ReturnType<typeof createAdvocatesService>;

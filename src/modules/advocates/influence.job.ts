import type { Db } from '../../platform/db/database.ts';
import { newId } from '../../platform/ids.ts';
import type { CommerceModule } from '../commerce/index.ts';
import { lifetimeValue } from '../commerce/index.ts';
import type { IdentityModule } from '../identity/index.ts';
import type { FollowEdge, SocialModule } from '../social/index.ts';
import * as repo from './advocates.repo.ts';
import { amplification, type FollowInfluence, followInfluence, GraphBuilder } from './influence.compute.ts';
import { advocateScore, referralConversion, valueFactor } from './scoring.ts';

export type InfluenceJobDeps = {
  db: Db;
  social: Pick<SocialModule, 'graph'>;
  commerce: Pick<CommerceModule, 'advocacy'>;
  identity: Pick<IdentityModule, 'accounts'>;
  now: () => Date;
  log?: { error(obj: object, msg: string): void };
  /** More background work on each tick (earning referrals whose hold has passed). */
  afterTick?: () => Promise<unknown>;
};

const PAGE = 20_000;
/** A brand's scores are recomputed at least this often by the schedule. */
export const SCHEDULE_EVERY_MS = 24 * 3600_000;
/** How often the background loop looks for queued runs and stale brands. */
export const TICK_MS = 10_000;
/** A reshare's weight in the amplification graph: 1, plus its likes and reshares, plus a point per 1.00 of sales. */
const SALES_MINOR_PER_POINT = 100;

async function loadFollows(social: InfluenceJobDeps['social']): Promise<GraphBuilder> {
  const graph = new GraphBuilder();
  let after: FollowEdge | null = null;
  for (;;) {
    const page = await social.graph.followPage(after, PAGE);
    for (const e of page) graph.add(e.follower_id, e.followee_id);
    if (page.length < PAGE) return graph;
    after = page[page.length - 1];
  }
}

async function loadReshares(social: InfluenceJobDeps['social']) {
  const edges: { from: string; to: string; weight: number }[] = [];
  let after: string | null = null;
  for (;;) {
    const page = await social.graph.resharePage(after, PAGE);
    for (const r of page) {
      if (r.resharer_id !== r.original_author_id) {
        edges.push({ from: r.resharer_id, to: r.original_author_id, weight: 1 + Number(r.reach) });
      }
    }
    if (page.length < PAGE) return edges;
    after = page[page.length - 1].id;
  }
}

/** The background job: queued runs (on request or by schedule) are claimed, computed and stored per brand. */
export function createInfluenceJob(deps: InfluenceJobDeps) {
  const { db, commerce } = deps;
  let log = deps.log;

  async function scoreBrand(
    orgId: string,
    runId: string,
    follow: FollowInfluence,
    reshares: Awaited<ReturnType<typeof loadReshares>>,
  ) {
    const [buyers, referrals, sales] = await Promise.all([
      commerce.advocacy.buyers(orgId),
      commerce.advocacy.referrals(orgId),
      commerce.advocacy.reshareSales(orgId),
    ]);
    const now = deps.now();
    const ltv = new Map(
      buyers.map((b) => [
        b.buyer_id,
        lifetimeValue({ orders: b.orders, spendMinor: b.spend, firstAt: b.first_at, lastAt: b.last_at }, now)
          .totalMinor,
      ]),
    );
    const meanLtv = ltv.size > 0 ? [...ltv.values()].reduce((a, b) => a + b, 0) / ltv.size : 0;
    const referral = new Map(referrals.map((r) => [r.referrer_id, r]));
    // The amplification graph: every reshare, and this brand's sales along each reshare chain.
    const amp = new GraphBuilder();
    for (const e of reshares) amp.add(e.from, e.to, e.weight);
    const reshareSales = new Map<string, number>();
    for (const sale of sales) {
      for (let i = 1; i < sale.chain.length; i++) {
        amp.add(sale.chain[i], sale.chain[i - 1], 1 + sale.total / SALES_MINOR_PER_POINT);
        reshareSales.set(sale.chain[i], (reshareSales.get(sale.chain[i]) ?? 0) + sale.total);
      }
    }
    const amplified = amplification(amp);
    const followers = new Set<string>();
    const brandNode = follow.index.get(orgId);
    if (brandNode !== undefined) {
      const { offsets, sources } = follow.follows;
      for (let i = offsets[brandNode]; i < offsets[brandNode + 1]; i++) followers.add(follow.ids[sources[i]]);
    }
    const people = new Set([...followers, ...ltv.keys()]);
    people.delete(orgId);
    const rows = [...people].map((accountId) => {
      const v = follow.index.get(accountId);
      const reach = v === undefined ? 0 : follow.reach[v];
      const r = referral.get(accountId);
      const touched = r?.touched ?? 0;
      const converted = r?.converted ?? 0;
      const value = valueFactor(ltv.get(accountId) ?? 0, meanLtv);
      const conversion = referralConversion(touched, converted);
      return {
        org_id: orgId,
        account_id: accountId,
        run_id: runId,
        follower: followers.has(accountId),
        customer: ltv.has(accountId),
        reach,
        followers: v === undefined ? 0 : follow.follows.offsets[v + 1] - follow.follows.offsets[v],
        amplification: amplified.get(accountId) ?? 0,
        reshare_sales_minor: reshareSales.get(accountId) ?? 0,
        ltv_minor: ltv.get(accountId) ?? 0,
        value_factor: value,
        referrals_touched: touched,
        referrals_converted: converted,
        referral_conversion: conversion,
        score: advocateScore(reach, value, conversion),
        community: v === undefined ? -1 : follow.community[v],
        bridge_diversity: v === undefined ? null : (follow.bridgeDiversity.get(v) ?? null),
      };
    });
    await db.transaction().execute((trx) => repo.replaceScores(trx, orgId, rows));
    return { people: rows.length, communities: new Set(rows.map((r) => r.community)).size };
  }

  /** Claims the queued runs and computes them: the follow graph once, then each brand. */
  async function runPending(): Promise<number> {
    const runs = await repo.claimQueued(db, deps.now());
    if (runs.length === 0) return 0;
    try {
      const follow = followInfluence(await loadFollows(deps.social));
      const reshares = await loadReshares(deps.social);
      for (const run of runs) {
        try {
          const result = await scoreBrand(run.org_id, run.id, follow, reshares);
          await repo.finishRun(db, run.id, { status: 'done', ...result }, deps.now());
        } catch (err) {
          log?.error({ err, runId: run.id }, 'advocate influence run failed');
          await repo.finishRun(db, run.id, { status: 'failed', error: String(err) }, deps.now());
        }
      }
    } catch (err) {
      log?.error({ err }, 'loading the follow graph for advocate influence failed');
      for (const run of runs)
        await repo.finishRun(db, run.id, { status: 'failed', error: String(err) }, deps.now());
    }
    return runs.length;
  }

  /** Queues a scheduled run for each brand not computed within the schedule's period. */
  async function enqueueScheduled(): Promise<number> {
    const brands = await deps.identity.accounts.orgs('brand', 10_000);
    const stale = await repo.staleOrgs(
      db,
      brands.map((b) => b.id),
      new Date(deps.now().getTime() - SCHEDULE_EVERY_MS),
    );
    for (const orgId of stale) {
      await repo.insertRun(db, {
        id: newId(),
        org_id: orgId,
        status: 'queued',
        trigger: 'schedule',
        requested_at: deps.now(),
      });
    }
    return stale.length;
  }

  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> = Promise.resolve();
  const tick = () => {
    running = running
      .then(() => enqueueScheduled())
      .then(() => runPending())
      .then(() => deps.afterTick?.())
      .catch((err) => log?.error({ err }, 'advocate influence tick failed'));
  };
  return {
    runPending,
    enqueueScheduled,
    /** Starts the background loop: scheduled runs and runs requested through the API. */
    start(options: { tickMs?: number; log?: InfluenceJobDeps['log'] } = {}) {
      log = options.log ?? log;
      timer ??= setInterval(tick, options.tickMs ?? TICK_MS);
      tick();
    },
    async stop() {
      clearInterval(timer);
      timer = undefined;
      await running;
    },
  };
}

export type InfluenceJob = ReturnType<typeof createInfluenceJob>;

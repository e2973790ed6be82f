import { type Db, ownTables } from '../../platform/db/database.ts';
import type { EventBus } from '../../platform/events/outbox.ts';
import type { Principal } from '../../platform/http/auth.ts';
import { decodeCursor, toPage } from '../../platform/http/pagination.ts';
import type { CareModule, RfpDraft } from '../care/index.ts';
import type { CommerceModule } from '../commerce/index.ts';
import { formatMoney } from '../commerce/index.ts';
import { can, type IdentityModule, presentSummary } from '../identity/index.ts';
import type { SocialModule } from '../social/index.ts';
import type { QuotesService } from './quotes.service.ts';
import { rfpError } from './rfp.errors.ts';
import { pitchableBy, presentPitches, presentRequests } from './rfp.present.ts';
import * as repo from './rfp.repo.ts';
import type { NewRequestInput } from './rfp.schemas.ts';
import type { RfpTables } from './rfp.tables.ts';

export type RfpDeps = {
  db: Db;
  events: EventBus;
  identity: Pick<IdentityModule, 'accounts'>;
  social: Pick<SocialModule, 'posts' | 'authorship'>;
  commerce: Pick<CommerceModule, 'quotes' | 'checkout' | 'ledger'>;
  care: Pick<CareModule, 'sales' | 'conversions'>;
  /** Requests one person may post in 24 hours (spam guard). */
  requestsPerDay?: number;
};

const DAY_MS = 24 * 3600 * 1000;
const MAX_DEADLINE_MS = 90 * DAY_MS;
const QUEUE_CURSOR = /^\d{4}-\d\d-\d\dT[\d:.]+Z\|[0-9a-f-]{36}$/;

/** Requests: post one (also a post of kind 'rfp'), read its page with the pitches side by side, withdraw it. */
export function createRequestsService(deps: RfpDeps, quotes: Pick<QuotesService, 'totals'>) {
  const { events, identity, social } = deps;
  const db = ownTables<RfpTables>(deps.db);
  const perDay = deps.requestsPerDay ?? 10;

  async function brandOf(principal: Principal, handle: string) {
    const org = await identity.accounts.byHandle(handle.replace(/^@/, ''));
    if (!org || org.kind === 'person' || !can(principal, org.id, 'viewSales'))
      throw rfpError('not_brand_member', `You cannot work the sales of @${handle.replace(/^@/, '')}`);
    return org;
  }

  async function present(rows: repo.RequestRow[]) {
    const ids = rows.map((r) => r.id);
    const targets = await repo.targetsOf(db, ids);
    const counts = new Map<string, number>();
    for (const id of ids) counts.set(id, (await repo.pitchesOf(db, id)).length);
    return presentRequests(identity.accounts, rows, targets, counts);
  }

  async function create(
    principal: Principal,
    input: NewRequestInput,
    careConversationId: string | null = null,
  ) {
    const deadline = new Date(input.deadline);
    if (deadline.getTime() <= Date.now())
      throw rfpError('deadline_in_past', 'The deadline must be in the future', [
        { field: 'deadline', message: 'is in the past' },
      ]);
    if (deadline.getTime() > Date.now() + MAX_DEADLINE_MS)
      throw rfpError('deadline_too_far', 'The deadline is at most 90 days away', [
        { field: 'deadline', message: 'is more than 90 days away' },
      ]);
    if ((await repo.requestsSince(db, principal.userId, new Date(Date.now() - DAY_MS))) >= perDay)
      throw rfpError('request_limit', `At most ${perDay} requests for proposals a day; try again tomorrow`);
    const handles = [...new Set(input.brands.map((h) => h.replace(/^@/, '').toLowerCase()))];
    const found = await identity.accounts.byHandles(handles);
    const brands = handles.map((h, index) => {
      const a = found.find((f) => f.handle.toLowerCase() === h);
      if (!a || a.kind === 'person')
        throw rfpError('unknown_brand', `@${h} is not a brand on Souk`, [
          { field: `brands[${index}]`, message: 'is not a brand' },
        ]);
      return a;
    });
    const budget = formatMoney(input.budgetMinor, input.currency);
    const text = `Request for proposals: ${input.title}. Budget ${budget}, pitches by ${deadline.toISOString().slice(0, 10)}. Asking ${brands.map((b) => `@${b.handle}`).join(' ')}`;
    const prepared = await social.posts.prepare(principal, { text, visibility: 'public' }, 'rfp');
    await events.transaction(deps.db, async (trx) => {
      await social.posts.write(trx, principal, prepared);
      await repo.insertRequest(
        ownTables<RfpTables>(trx),
        {
          id: prepared.id,
          author_id: principal.userId,
          title: input.title,
          details: input.details ?? '',
          budget_minor: input.budgetMinor,
          currency: input.currency,
          deadline,
          location: input.location ?? null,
          created_at: new Date(),
          care_conversation_id: careConversationId,
        },
        brands.map((b) => b.id),
      );
    });
    return (await present([(await repo.findRequest(db, prepared.id))!]))[0];
  }

  /**
   * A care conversation its author agreed to turn into a request: posted as theirs, asking the brand they wrote
   * to, linked to the conversation; once per conversation (a request already made from it is returned).
   */
  async function fromConversation(
    author: Principal,
    conversation: { id: string; orgId: string },
    draft: RfpDraft,
  ) {
    const made = await repo.requestOfConversation(db, conversation.id);
    if (made) return made.id;
    const [brand] = await identity.accounts.byIds([conversation.orgId]);
    if (!brand) throw rfpError('unknown_brand', 'The brand of this conversation is gone');
    const request = await create(author, { ...draft, brands: [brand.handle] }, conversation.id);
    return request.id;
  }

  return {
    brandOf,
    create: (principal: Principal, input: NewRequestInput) => create(principal, input),
    fromConversation,

    /** The request's page: the request, every pitch side by side (public), and what the caller may do. */
    async page(id: string, principal: Principal | null) {
      const row = await repo.findRequest(db, id);
      if (!row) throw rfpError('request_not_found', 'Request not found');
      const pitchRows = await repo.pitchesOf(db, id);
      const items = await repo.itemsOf(
        db,
        pitchRows.map((p) => p.id),
      );
      const targets = await repo.targetsOf(db, [id]);
      const [request] = await presentRequests(
        identity.accounts,
        [row],
        targets,
        new Map([[id, pitchRows.length]]),
      );
      const isRequester = principal?.userId === row.author_id;
      const pitchable = pitchableBy(
        principal,
        targets.map((t) => t.org_id),
      );
      const brands = new Map(request.brands.map((b) => [b.id, b]));
      return {
        request,
        pitches: await presentPitches(identity.accounts, pitchRows, items),
        dm: targets.flatMap((t) =>
          t.dm_status === 'none' ? [] : [{ brand: brands.get(t.org_id) ?? null, status: t.dm_status }],
        ),
        orderId: isRequester ? row.order_id : null,
        viewer: {
          isRequester,
          canPitchAs: (await identity.accounts.byIds(pitchable)).map(presentSummary),
        },
      };
    },

    async withdraw(principal: Principal, id: string) {
      const row = await repo.findRequest(db, id);
      if (!row) throw rfpError('request_not_found', 'Request not found');
      if (row.author_id !== principal.userId)
        throw rfpError('not_requester', 'Only the person who posted the request can withdraw it');
      await events.transaction(deps.db, async (trx) => {
        if (!(await repo.withdrawRequest(ownTables<RfpTables>(trx), id)))
          throw rfpError('request_closed', 'The request is no longer open');
        await repo.closeTargets(ownTables<RfpTables>(trx), id);
      });
      return (await present([(await repo.findRequest(db, id))!]))[0];
    },

    /** Your own requests, newest first. */
    async mine(principal: Principal) {
      return { items: await present(await repo.requestsBy(db, principal.userId, 50)) };
    },

    /** A brand's Sales queue: requests addressed to it (open ones by default), newest first. */
    async queue(
      principal: Principal,
      handle: string,
      q: { status?: 'open' | 'all'; cursor?: string; limit?: number },
    ) {
      const org = await brandOf(principal, handle);
      const limit = q.limit ?? 20;
      const rows = await repo.queue(
        db,
        org.id,
        (q.status ?? 'open') === 'open',
        decodeCursor(q.cursor, QUEUE_CURSOR),
        limit,
      );
      const page = toPage(rows, limit, (r) => `${r.created_at.toISOString()}|${r.id}`);
      const targets = await repo.targetsOf(
        db,
        page.items.map((r) => r.id),
      );
      const presented = await presentRequests(
        identity.accounts,
        page.items,
        targets,
        new Map(page.items.map((r) => [r.id, r.pitch_count])),
      );
      return {
        items: presented.map((request, i) => ({
          request,
          myPitchId: page.items[i].my_pitch_id,
          myPitchStatus: page.items[i].my_pitch_status as 'active' | null,
          conversationId: page.items[i].care_conversation_id,
        })),
        nextCursor: page.nextCursor,
      };
    },

    /** The brand's RFP report: received, time to first pitch, pitches, win rate, revenue, rivals. */
    async report(principal: Principal, handle: string) {
      const org = await brandOf(principal, handle);
      const { totals, revenue, rivals } = await repo.reportOf(db, org.id);
      const rivalAccounts = new Map(
        (await identity.accounts.byIds(rivals.map((r) => r.org_id))).map((a) => [a.id, presentSummary(a)]),
      );
      const decided = totals.won + totals.lost;
      return {
        received: totals.received,
        pitched: totals.pitched,
        pitches: totals.pitches,
        movedToDm: totals.moved_to_dm,
        won: totals.won,
        lost: totals.lost,
        winRate: decided ? totals.won / decided : null,
        meanSecondsToFirstPitch:
          totals.first_pitch_seconds === null ? null : Math.round(totals.first_pitch_seconds),
        revenue: revenue.map((r) => ({ currency: r.currency, totalMinor: Number(r.total) })),
        rivals: rivals.map((r) => ({
          brand: rivalAccounts.get(r.org_id) ?? null,
          wonAgainst: r.won,
          lostTo: r.lost,
        })),
        quotes: await quotes.totals(org.id),
      };
    },
  };
}

export type RequestsService = ReturnType<typeof createRequestsService>;

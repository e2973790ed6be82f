import { type Insertable, type Selectable, sql } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';
import type {
  IdeaChallengesTable,
  IdeaReportsTable,
  IdeaStatus,
  IdeasTable,
  IdeasTables,
} from './ideas.tables.ts';

type Ex = Executor<IdeasTables>;
export type IdeaRow = Selectable<IdeasTable>;
export type IdeaSort = 'top' | 'new' | 'trending';

/** Trending halves a vote's weight every week: scores are log2 Σ weight·2^(t/HALF_LIFE), t in seconds. */
export const HALF_LIFE_SECONDS = 7 * 24 * 3600;
/** Now on the trend scale (the exponent of 2 a vote cast now carries). */
const nowX = sql<number>`extract(epoch from now()) / ${HALF_LIFE_SECONDS}`;
const OPEN: IdeaStatus[] = ['new', 'under_review', 'planned', 'in_progress'];
export const isOpen = (idea: Pick<IdeaRow, 'status' | 'merged_into_id' | 'kept_hidden_at'>) =>
  idea.merged_into_id === null && idea.kept_hidden_at === null && OPEN.includes(idea.status);

export async function settingsOf(db: Ex, orgId: string) {
  const row = await db
    .selectFrom('idea_settings')
    .select(['votes_per_person', 'votes_per_idea', 'hide_after_reports'])
    .where('org_id', '=', orgId)
    .executeTakeFirst();
  return row ?? { votes_per_person: 10, votes_per_idea: 3, hide_after_reports: 3 };
}

export async function saveSettings(
  db: Ex,
  orgId: string,
  s: { votes_per_person: number; votes_per_idea: number; hide_after_reports: number },
) {
  await db
    .insertInto('idea_settings')
    .values({ org_id: orgId, ...s })
    .onConflict((oc) => oc.column('org_id').doUpdateSet({ ...s, updated_at: sql`now()` }))
    .execute();
}

export async function insertIdea(
  db: Ex,
  row: Omit<Insertable<IdeasTable>, 'trend_score' | 'image_urls'> & { image_urls: string[] },
) {
  await db
    .insertInto('ideas')
    .values({ ...row, image_urls: JSON.stringify(row.image_urls), trend_score: nowX })
    .execute();
}

export function findIdea(db: Ex, id: string): Promise<IdeaRow | undefined> {
  return db.selectFrom('ideas').selectAll().where('id', '=', id).executeTakeFirst();
}

export function lockIdea(db: Ex, id: string): Promise<IdeaRow | undefined> {
  return db.selectFrom('ideas').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export function findIdeas(db: Ex, ids: string[]): Promise<IdeaRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('ideas').selectAll().where('id', 'in', ids).execute();
}

/** One page of a brand's ideas (merged ones left out), by the sort; the cursor is an offset. */
export function listIdeas(
  db: Ex,
  orgId: string,
  args: { sort: IdeaSort; status?: IdeaStatus; offset: number; limit: number },
): Promise<IdeaRow[]> {
  let q = db
    .selectFrom('ideas')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('merged_into_id', 'is', null)
    .where('hidden_at', 'is', null)
    .where('challenge_id', 'is', null);
  if (args.status) q = q.where('status', '=', args.status);
  q =
    args.sort === 'top'
      ? q.orderBy('votes', 'desc')
      : args.sort === 'new'
        ? q.orderBy('created_at', 'desc')
        : q.orderBy('trend_score', 'desc');
  return q.orderBy('id', 'desc').limit(args.limit).offset(args.offset).execute();
}

/** How many candidates, most-voted first, are scored for similarity: bounds the work for common words. */
const SIMILAR_CANDIDATES = 200;
/** Below this trigram similarity a candidate is not shown (pg_trgm's own default threshold). */
const SIMILARITY_FLOOR = 0.3;

/** The words of typed text as a full-text query: all words (`&`) or any (`|`), the last one as a prefix. */
function typedWordsQuery(text: string, join: '&' | '|'): string | null {
  const words =
    text
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu)
      ?.slice(0, 12) ?? [];
  if (words.length === 0) return null;
  return words.map((w, i) => (i === words.length - 1 ? `${w}:*` : w)).join(` ${join} `);
}

/**
 * Ideas of the brand whose titles look like the text typed so far. Candidates share the typed words (all of them,
 * or any when fewer than `limit` have all), at most SIMILAR_CANDIDATES of the most-voted through the words index;
 * those are ranked by trigram similarity above a floor.
 */
export async function similarIdeas(db: Ex, orgId: string, text: string, limit: number) {
  const score = sql<number>`greatest(similarity(title, ${text}), word_similarity(${text}, title))`;
  const candidates = (query: string) =>
    db
      .selectFrom('ideas')
      .select(['id', 'title', 'status', 'votes'])
      .where('org_id', '=', orgId)
      .where('merged_into_id', 'is', null)
      .where('hidden_at', 'is', null)
      .where('challenge_id', 'is', null)
      .where(sql<boolean>`title_words @@ to_tsquery('simple', ${query})`)
      .orderBy('votes', 'desc')
      .limit(SIMILAR_CANDIDATES);
  const ranked = (query: string) =>
    db
      .selectFrom(candidates(query).as('c'))
      .select(['id', 'title', 'status', 'votes', score.as('similarity')])
      .where(score, '>=', SIMILARITY_FLOOR)
      .orderBy('similarity', 'desc')
      .orderBy('votes', 'desc')
      .limit(limit)
      .execute();
  const all = typedWordsQuery(text, '&');
  if (!all) return [];
  const rows = await ranked(all);
  if (rows.length >= limit) return rows;
  const seen = new Set(rows.map((r) => r.id));
  const more = (await ranked(typedWordsQuery(text, '|')!)).filter((r) => !seen.has(r.id));
  return [...rows, ...more]
    .sort((a, b) => Number(b.similarity) - Number(a.similarity) || b.votes - a.votes)
    .slice(0, limit);
}

/** Locks (creating it at zero) the person's budget row with the brand and returns the votes in use. */
export async function lockBudget(db: Ex, orgId: string, personId: string): Promise<number> {
  await db
    .insertInto('idea_budgets')
    .values({ org_id: orgId, person_id: personId, used: 0 })
    .onConflict((oc) => oc.columns(['org_id', 'person_id']).doNothing())
    .execute();
  const row = await db
    .selectFrom('idea_budgets')
    .select('used')
    .where('org_id', '=', orgId)
    .where('person_id', '=', personId)
    .forUpdate()
    .executeTakeFirstOrThrow();
  return row.used;
}

export async function budgetUsed(db: Ex, orgId: string, personId: string): Promise<number> {
  const row = await db
    .selectFrom('idea_budgets')
    .select('used')
    .where('org_id', '=', orgId)
    .where('person_id', '=', personId)
    .executeTakeFirst();
  return row?.used ?? 0;
}

export async function addToBudget(db: Ex, orgId: string, personId: string, delta: number) {
  await db
    .updateTable('idea_budgets')
    .set({ used: sql`used + ${delta}` })
    .where('org_id', '=', orgId)
    .where('person_id', '=', personId)
    .execute();
}

export function activeVote(db: Ex, ideaId: string, voterId: string) {
  return db
    .selectFrom('idea_votes')
    .select(['weight', 'voted_at'])
    .where('idea_id', '=', ideaId)
    .where('voter_id', '=', voterId)
    .where('released_at', 'is', null)
    .executeTakeFirst();
}

export async function votesOf(db: Ex, voterId: string, ideaIds: string[]) {
  if (ideaIds.length === 0) return new Map<string, number>();
  const rows = await db
    .selectFrom('idea_votes')
    .select(['idea_id', 'weight'])
    .where('voter_id', '=', voterId)
    .where('idea_id', 'in', ideaIds)
    .where('released_at', 'is', null)
    .execute();
  return new Map(rows.map((r) => [r.idea_id, r.weight]));
}

/**
 * Sets a person's vote on an idea to `weight` (0 removes it) and moves the idea's count and trend score by the
 * difference: a vote cast now adds weight·2^(now/half-life) to the sum behind the score; a removed one takes
 * back what it added when it was cast.
 */
export async function setVote(
  db: Ex,
  idea: { id: string; org_id: string },
  voterId: string,
  old: { weight: number; voted_at: Date } | undefined,
  weight: number,
) {
  if (old) {
    const oldX = sql<number>`extract(epoch from ${old.voted_at}::timestamptz) / ${HALF_LIFE_SECONDS}`;
    await adjust(db, idea.id, -old.weight, oldX);
    await db
      .deleteFrom('idea_votes')
      .where('idea_id', '=', idea.id)
      .where('voter_id', '=', voterId)
      .execute();
  }
  if (weight > 0) {
    await db
      .insertInto('idea_votes')
      .values({ idea_id: idea.id, voter_id: voterId, org_id: idea.org_id, weight })
      .onConflict((oc) =>
        oc.columns(['idea_id', 'voter_id']).doUpdateSet({ weight, voted_at: sql`now()`, released_at: null }),
      )
      .execute();
    await adjust(db, idea.id, weight, nowX);
  }
}

/** Adds `delta` votes cast at trend time `x` to the idea's count and score (a log-sum, so no overflow). */
async function adjust(db: Ex, ideaId: string, delta: number, x: ReturnType<typeof sql<number>>) {
  await db
    .updateTable('ideas')
    .set({
      votes: sql`votes + ${delta}`,
      trend_score: sql`trend_score + ln(greatest(1e-12, 1 + ${delta} * power(2::float8, least(1000, ${x} - trend_score)::float8))) / ln(2)`,
      updated_at: sql`now()`,
    })
    .where('id', '=', ideaId)
    .execute();
}

/** Recomputes an idea's count and trend score from its votes (after a merge moved votes in). */
export async function recount(db: Ex, ideaId: string) {
  await sql`
    UPDATE ideas SET
      votes = coalesce((SELECT sum(weight) FROM idea_votes WHERE idea_id = ${ideaId}), 0),
      trend_score = (
        SELECT m + ln(sum(w * power(2::float8, (x - m)::float8))) / ln(2)
        FROM (
          SELECT w, x, max(x) OVER () AS m FROM (
            SELECT 1 AS w, extract(epoch from i.created_at) / ${HALF_LIFE_SECONDS} AS x FROM ideas i WHERE i.id = ${ideaId}
            UNION ALL
            SELECT weight, extract(epoch from voted_at) / ${HALF_LIFE_SECONDS} FROM idea_votes WHERE idea_id = ${ideaId}
          ) parts
        ) shifted GROUP BY m
      ),
      updated_at = now()
    WHERE id = ${ideaId}
  `.execute(db);
}

/** Returns every active vote on the idea to its voter's budget; the votes stay recorded (the idea keeps its count). */
export async function releaseVotes(db: Ex, ideaId: string) {
  const released = await db
    .updateTable('idea_votes')
    .set({ released_at: sql`now()` })
    .where('idea_id', '=', ideaId)
    .where('released_at', 'is', null)
    .returning(['org_id', 'voter_id', 'weight'])
    .execute();
  for (const v of released.sort((a, b) => a.voter_id.localeCompare(b.voter_id)))
    await addToBudget(db, v.org_id, v.voter_id, -v.weight);
}

export async function setStatus(db: Ex, ideaId: string, status: IdeaStatus, reason: string | null) {
  await db
    .updateTable('ideas')
    .set({
      status,
      declined_reason: status === 'declined' ? reason : null,
      shipped_at: status === 'shipped' ? sql`now()` : null,
      updated_at: sql`now()`,
    })
    .where('id', '=', ideaId)
    .execute();
}

export async function setOwner(db: Ex, ideaId: string, ownerId: string | null) {
  await db
    .updateTable('ideas')
    .set({ owner_id: ownerId, updated_at: sql`now()` })
    .where('id', '=', ideaId)
    .execute();
}

export async function addEvent(
  db: Ex,
  row: {
    org_id: string;
    idea_id: string;
    kind: 'posted' | 'status' | 'merged_in' | 'owner' | 'shipped';
    status?: string | null;
    note?: string | null;
    actor_id: string | null;
  },
) {
  await db.insertInto('idea_events').values(row).execute();
}

export function eventsOf(db: Ex, ideaId: string) {
  return db.selectFrom('idea_events').selectAll().where('idea_id', '=', ideaId).orderBy('id').execute();
}

export async function insertComment(
  db: Ex,
  row: { id: string; org_id: string; idea_id: string; author_id: string; body: string; official: boolean },
) {
  await db.insertInto('idea_comments').values(row).execute();
  await db.updateTable('ideas').set({ comments: sql`comments + 1` }).where('id', '=', row.idea_id).execute();
}

export function commentsOf(db: Ex, ideaId: string) {
  return db
    .selectFrom('idea_comments')
    .selectAll()
    .where('idea_id', '=', ideaId)
    .orderBy('created_at')
    .orderBy('id')
    .limit(500)
    .execute();
}

export async function follow(db: Ex, ideaId: string, orgId: string, personId: string) {
  await db
    .insertInto('idea_follows')
    .values({ idea_id: ideaId, org_id: orgId, follower_id: personId })
    .onConflict((oc) => oc.columns(['idea_id', 'follower_id']).doNothing())
    .execute();
}

export async function unfollow(db: Ex, ideaId: string, personId: string) {
  await db
    .deleteFrom('idea_follows')
    .where('idea_id', '=', ideaId)
    .where('follower_id', '=', personId)
    .execute();
}

export async function isFollowing(db: Ex, ideaId: string, personId: string) {
  const row = await db
    .selectFrom('idea_follows')
    .select('idea_id')
    .where('idea_id', '=', ideaId)
    .where('follower_id', '=', personId)
    .executeTakeFirst();
  return row !== undefined;
}

export async function followerCount(db: Ex, ideaId: string) {
  const row = await db
    .selectFrom('idea_follows')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('idea_id', '=', ideaId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * Moves a duplicate into the kept idea: a voter on both keeps the kept idea's vote and gets the duplicate's back
 * in their budget; other votes, comments and followers move; the duplicate is marked merged (it redirects).
 */
export async function mergeIdeas(db: Ex, from: IdeaRow, into: IdeaRow) {
  const both = await db
    .deleteFrom('idea_votes')
    .where('idea_id', '=', from.id)
    .where('voter_id', 'in', db.selectFrom('idea_votes').select('voter_id').where('idea_id', '=', into.id))
    .returning(['voter_id', 'weight', 'released_at'])
    .execute();
  for (const v of both.sort((a, b) => a.voter_id.localeCompare(b.voter_id)))
    if (v.released_at === null) await addToBudget(db, from.org_id, v.voter_id, -v.weight);
  await db.updateTable('idea_votes').set({ idea_id: into.id }).where('idea_id', '=', from.id).execute();
  await db.updateTable('idea_comments').set({ idea_id: into.id }).where('idea_id', '=', from.id).execute();
  await sql`
    INSERT INTO idea_follows (idea_id, follower_id, org_id, created_at)
    SELECT ${into.id}, follower_id, org_id, created_at FROM idea_follows WHERE idea_id = ${from.id}
    ON CONFLICT DO NOTHING
  `.execute(db);
  await db.deleteFrom('idea_follows').where('idea_id', '=', from.id).execute();
  await db
    .updateTable('ideas')
    .set({ comments: sql`comments + ${from.comments}`, updated_at: sql`now()` })
    .where('id', '=', into.id)
    .execute();
  await db
    .updateTable('ideas')
    .set({ merged_into_id: into.id, votes: 0, comments: 0, updated_at: sql`now()` })
    .where('id', '=', from.id)
    .execute();
  await recount(db, into.id);
}

export async function upsertScore(
  db: Ex,
  row: { idea_id: string; evaluator_id: string; org_id: string; impact: number; effort: number },
) {
  await db
    .insertInto('idea_scores')
    .values(row)
    .onConflict((oc) =>
      oc
        .columns(['idea_id', 'evaluator_id'])
        .doUpdateSet({ impact: row.impact, effort: row.effort, scored_at: sql`now()` }),
    )
    .execute();
}

/** Open ideas with at least one scorecard, best value (impact ÷ effort, then impact) first. */
export function ranking(db: Ex, orgId: string) {
  return db
    .selectFrom('idea_scores as s')
    .innerJoin('ideas as i', 'i.id', 's.idea_id')
    .select((eb) => [
      'i.id',
      'i.title',
      'i.status',
      'i.votes',
      eb.fn.avg<number>('s.impact').as('impact'),
      eb.fn.avg<number>('s.effort').as('effort'),
      eb.fn.countAll<number>().as('scorecards'),
    ])
    .where('s.org_id', '=', orgId)
    .where('i.merged_into_id', 'is', null)
    .where('i.status', 'in', OPEN)
    .groupBy(['i.id', 'i.title', 'i.status', 'i.votes'])
    .orderBy(sql`avg(s.impact)::float / avg(s.effort)`, 'desc')
    .orderBy(sql`avg(s.impact)`, 'desc')
    .orderBy('i.votes', 'desc')
    .limit(200)
    .execute();
}

export async function linkProducts(db: Ex, ideaId: string, orgId: string, productIds: string[]) {
  await db
    .insertInto('idea_products')
    .values(productIds.map((product_id) => ({ idea_id: ideaId, org_id: orgId, product_id })))
    .onConflict((oc) => oc.columns(['idea_id', 'product_id']).doNothing())
    .execute();
}

export async function productsOf(db: Ex, ideaId: string) {
  const rows = await db
    .selectFrom('idea_products')
    .select('product_id')
    .where('idea_id', '=', ideaId)
    .execute();
  return rows.map((r) => r.product_id);
}

/** Everyone who voted for (returned votes included) or follows the idea. */
export async function audienceOf(db: Ex, ideaId: string) {
  const rows = await db
    .selectFrom('idea_votes')
    .select('voter_id as id')
    .where('idea_id', '=', ideaId)
    .union(db.selectFrom('idea_follows').select('follower_id as id').where('idea_id', '=', ideaId))
    .execute();
  return rows.map((r) => r.id);
}

/** Shipped ideas of the brand that became one of these products and whose audience includes the buyer. */
export function ideasForPurchase(db: Ex, orgId: string, buyerId: string, productIds: string[]) {
  if (productIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('idea_products')
    .select(['idea_id', 'product_id'])
    .where('org_id', '=', orgId)
    .where('product_id', 'in', productIds)
    .where((eb) =>
      eb.or([
        eb.exists(
          eb
            .selectFrom('idea_votes')
            .select('voter_id')
            .whereRef('idea_votes.idea_id', '=', 'idea_products.idea_id')
            .where('voter_id', '=', buyerId),
        ),
        eb.exists(
          eb
            .selectFrom('idea_follows')
            .select('follower_id')
            .whereRef('idea_follows.idea_id', '=', 'idea_products.idea_id')
            .where('follower_id', '=', buyerId),
        ),
      ]),
    )
    .execute();
}

export async function insertIdeaOrders(
  db: Ex,
  rows: {
    order_id: string;
    idea_id: string;
    org_id: string;
    buyer_id: string;
    revenue_minor: number;
    currency: string;
  }[],
) {
  if (rows.length === 0) return;
  await db
    .insertInto('idea_orders')
    .values(rows)
    .onConflict((oc) => oc.columns(['order_id', 'idea_id']).doNothing())
    .execute();
}

export async function removeIdeaOrders(db: Ex, orderId: string) {
  await db.deleteFrom('idea_orders').where('order_id', '=', orderId).execute();
}

/** Shipped ideas of the brand with the orders and revenue of their voters and followers, best return first. */
export function returnsReport(db: Ex, orgId: string) {
  return db
    .selectFrom('ideas as i')
    .leftJoin('idea_orders as o', 'o.idea_id', 'i.id')
    .select((eb) => [
      'i.id',
      'i.title',
      'i.votes',
      'i.shipped_at',
      'o.currency',
      eb.fn.count<number>('o.order_id').as('orders'),
      eb.fn.coalesce(eb.fn.sum<number>('o.revenue_minor'), sql<number>`0`).as('revenue_minor'),
      sql<number>`count(DISTINCT o.buyer_id)`.as('buyers'),
    ])
    .where('i.org_id', '=', orgId)
    .where('i.status', '=', 'shipped')
    .where('i.merged_into_id', 'is', null)
    .groupBy(['i.id', 'i.title', 'i.votes', 'i.shipped_at', 'o.currency'])
    .orderBy(sql`coalesce(sum(o.revenue_minor), 0)`, 'desc')
    .orderBy('i.shipped_at', 'desc')
    .limit(500)
    .execute();
}

export function ideaOrdersOf(db: Ex, ideaId: string) {
  return db
    .selectFrom('idea_orders')
    .select((eb) => [
      'currency',
      eb.fn.countAll<number>().as('orders'),
      eb.fn.sum<number>('revenue_minor').as('revenue_minor'),
    ])
    .where('idea_id', '=', ideaId)
    .groupBy('currency')
    .execute();
}

export function ideaForConversation(db: Ex, orgId: string, conversationId: string) {
  return db
    .selectFrom('ideas')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('care_conversation_id', '=', conversationId)
    .executeTakeFirst();
}

export function insertChallenge(db: Ex, row: Insertable<IdeaChallengesTable>) {
  return db.insertInto('idea_challenges').values(row).execute();
}

export async function addInvitees(db: Ex, challengeId: string, orgId: string, personIds: string[]) {
  if (personIds.length === 0) return;
  await db
    .insertInto('idea_challenge_invitees')
    .values(personIds.map((person_id) => ({ challenge_id: challengeId, person_id, org_id: orgId })))
    .onConflict((oc) => oc.doNothing())
    .execute();
}

export function findChallenge(db: Ex, id: string) {
  return db.selectFrom('idea_challenges').selectAll().where('id', '=', id).executeTakeFirst();
}

export function challengesOf(db: Ex, orgId: string) {
  return db
    .selectFrom('idea_challenges')
    .selectAll()
    .where('org_id', '=', orgId)
    .orderBy('closes_at', 'desc')
    .limit(200)
    .execute();
}

export async function isInvitee(db: Ex, challengeId: string, personId: string) {
  const row = await db
    .selectFrom('idea_challenge_invitees')
    .select('person_id')
    .where('challenge_id', '=', challengeId)
    .where('person_id', '=', personId)
    .executeTakeFirst();
  return row !== undefined;
}

export function inviteeIds(db: Ex, challengeId: string) {
  return db
    .selectFrom('idea_challenge_invitees')
    .select('person_id')
    .where('challenge_id', '=', challengeId)
    .execute();
}

/** A challenge's ideas, most-voted first (hidden ones only for the brand). */
export function challengeIdeas(db: Ex, challengeId: string, withHidden: boolean) {
  let q = db
    .selectFrom('ideas')
    .selectAll()
    .where('challenge_id', '=', challengeId)
    .where('merged_into_id', 'is', null);
  if (!withHidden) q = q.where('hidden_at', 'is', null);
  return q.orderBy('votes', 'desc').orderBy('id').limit(500).execute();
}

export function ideaCounts(db: Ex, challengeIds: string[]) {
  if (challengeIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('ideas')
    .select(['challenge_id', sql<number>`count(*)::int`.as('n')])
    .where('challenge_id', 'in', challengeIds)
    .where('merged_into_id', 'is', null)
    .where('hidden_at', 'is', null)
    .groupBy('challenge_id')
    .execute();
}

/** Records one person's report; false when they had reported it already. */
export async function insertReport(db: Ex, row: Insertable<IdeaReportsTable>) {
  const r = await db
    .insertInto('idea_reports')
    .values(row)
    .onConflict((oc) => oc.columns(['target_kind', 'target_id', 'reporter_id']).doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** Counts a new report on the idea or comment and hides it once `hideAfter` distinct reports are reached. */
export async function countReport(db: Ex, kind: 'idea' | 'comment', id: string, hideAfter: number) {
  const table = kind === 'idea' ? 'ideas' : 'idea_comments';
  const row = await db
    .updateTable(table)
    .set({
      reports: sql`reports + 1`,
      hidden_at: sql`CASE WHEN hidden_at IS NULL AND reports + 1 >= ${hideAfter} THEN now() ELSE hidden_at END`,
    })
    .where('id', '=', id)
    .returning(['reports', 'hidden_at'])
    .executeTakeFirstOrThrow();
  return row;
}

/** The brand restores a hidden idea or comment: shown again, its reports cleared. */
export async function restore(db: Ex, kind: 'idea' | 'comment', id: string) {
  const table = kind === 'idea' ? 'ideas' : 'idea_comments';
  await db.updateTable(table).set({ hidden_at: null, reports: 0 }).where('id', '=', id).execute();
  await db.deleteFrom('idea_reports').where('target_kind', '=', kind).where('target_id', '=', id).execute();
}

/** Records the brand's decision to keep a hidden idea or comment hidden; false when it was not pending. */
export async function keepHidden(db: Ex, kind: 'idea' | 'comment', id: string) {
  const table = kind === 'idea' ? 'ideas' : 'idea_comments';
  const r = await db
    .updateTable(table)
    .set({ kept_hidden_at: sql`now()` })
    .where('id', '=', id)
    .where('hidden_at', 'is not', null)
    .where('kept_hidden_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** Deletes a comment with its reports; the idea's comment count follows. */
export async function deleteComment(db: Ex, id: string) {
  const gone = await db
    .deleteFrom('idea_comments')
    .where('id', '=', id)
    .returning('idea_id')
    .executeTakeFirst();
  if (!gone) return false;
  await db
    .deleteFrom('idea_reports')
    .where('target_kind', '=', 'comment')
    .where('target_id', '=', id)
    .execute();
  await db
    .updateTable('ideas')
    .set({ comments: sql`greatest(comments - 1, 0)` })
    .where('id', '=', gone.idea_id)
    .execute();
  return true;
}

/** The reasons people gave, oldest first, for each of these reported ideas or comments. */
export async function reasonsOf(db: Ex, kind: 'idea' | 'comment', ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('idea_reports')
    .select(['target_id', 'reason', 'created_at'])
    .where('target_kind', '=', kind)
    .where('target_id', 'in', ids)
    .orderBy('created_at')
    .orderBy('reporter_id')
    .execute();
}

export function findComment(db: Ex, id: string) {
  return db.selectFrom('idea_comments').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The brand's hidden ideas and comments, for its moderation queue: awaiting a decision first, newest first. */
export async function hiddenOf(db: Ex, orgId: string) {
  const ideas = await db
    .selectFrom('ideas')
    .select(['id', 'title', 'description', 'author_id', 'reports', 'hidden_at', 'kept_hidden_at'])
    .where('org_id', '=', orgId)
    .where('hidden_at', 'is not', null)
    .orderBy(sql`kept_hidden_at IS NOT NULL`)
    .orderBy('hidden_at', 'desc')
    .limit(200)
    .execute();
  const comments = await db
    .selectFrom('idea_comments')
    .innerJoin('ideas', 'ideas.id', 'idea_comments.idea_id')
    .select([
      'idea_comments.id',
      'idea_comments.idea_id',
      'ideas.title as idea_title',
      'idea_comments.body',
      'idea_comments.author_id',
      'idea_comments.reports',
      'idea_comments.hidden_at',
      'idea_comments.kept_hidden_at',
    ])
    .where('idea_comments.org_id', '=', orgId)
    .where('idea_comments.hidden_at', 'is not', null)
    .orderBy(sql`idea_comments.kept_hidden_at IS NOT NULL`)
    .orderBy('idea_comments.hidden_at', 'desc')
    .limit(200)
    .execute();
  return { ideas, comments };
}

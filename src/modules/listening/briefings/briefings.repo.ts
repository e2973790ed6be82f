import { type Expression, type SqlBool, sql } from 'kysely';
import type { Executor } from '../../../platform/db/database.ts';
import type { ListeningTables } from '../listening.tables.ts';
import type { BriefingFigures } from './briefings.schemas.ts';
import type { BriefingCadence, BriefingsTables } from './briefings.tables.ts';

type Db = Executor<ListeningTables>;
type Books = Executor<BriefingsTables>;
type Window = { orgId: string; from: Date; to: Date };
const scope = (w: Window, match: Expression<SqlBool>) =>
  sql`m.org_id = ${w.orgId} AND m.posted_at >= ${w.from} AND m.posted_at < ${w.to} AND ${match}`;

/** Mentions matching any of the queries (every mention of the brand when there is none). */
export const anyOf = (matches: Expression<SqlBool>[]): Expression<SqlBool> =>
  matches.length ? sql<SqlBool>`(${sql.join(matches, sql` OR `)})` : sql<SqlBool>`true`;

/** The negative (below −0.1) or positive (above 0.1) mentions of a query. */
export const withSentiment = (match: Expression<SqlBool>, side: 'negative' | 'positive') =>
  side === 'negative'
    ? sql<SqlBool>`(${match}) AND m.sentiment < -0.1`
    : sql<SqlBool>`(${match}) AND m.sentiment > 0.1`;

/** Count, mean sentiment and the positive and negative counts of the mentions in a window. */
export async function sentimentTotals(db: Db, w: Window, match: Expression<SqlBool>) {
  const { rows } = await sql<{ count: string; average: number | null; positive: string; negative: string }>`
    SELECT count(*) AS count, avg(m.sentiment)::float8 AS average,
      count(*) FILTER (WHERE m.sentiment > 0.1) AS positive, count(*) FILTER (WHERE m.sentiment < -0.1) AS negative
    FROM listening_mentions m WHERE ${scope(w, match)}`.execute(db);
  const r = rows[0];
  return {
    count: Number(r?.count ?? 0),
    average: r?.average ?? 0,
    positive: Number(r?.positive ?? 0),
    negative: Number(r?.negative ?? 0),
  };
}

/** The mentions most reshared (then by the author's reach), with how many replies each drew. */
export async function topConversations(db: Db, w: Window, match: Expression<SqlBool>, limit = 5) {
  const { rows } = await sql<{
    id: string;
    author_handle: string;
    author_followers: number | null;
    text: string;
    reshares: number;
    sentiment: number;
    posted_at: Date;
    url: string | null;
    replies: string;
  }>`
    SELECT t.*, (SELECT count(*) FROM listening_mentions r
        WHERE r.org_id = ${w.orgId} AND r.source = t.source AND r.in_reply_to = t.external_id) AS replies
    FROM (
      SELECT m.id, m.source, m.external_id, m.author_handle, m.author_followers, m.text, m.reshares, m.sentiment,
        m.posted_at, m.url
      FROM listening_mentions m WHERE ${scope(w, match)}
      ORDER BY m.reshares DESC, m.author_followers DESC NULLS LAST, m.posted_at DESC LIMIT ${limit}
    ) t`.execute(db);
  return rows.map((r) => ({ ...r, replies: Number(r.replies) }));
}

export async function insertBriefing(
  db: Books,
  row: {
    id: string;
    org_id: string;
    cadence: BriefingCadence;
    period_start: Date;
    period_end: Date;
    figures: BriefingFigures;
    created_by: string | null;
  },
): Promise<boolean> {
  const r = await db
    .insertInto('listening_briefings')
    .values({ ...row, figures: JSON.stringify(row.figures) })
    .onConflict((oc) => oc.columns(['org_id', 'period_start']).where('cadence', '=', 'weekly').doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
}

const LIST_COLUMNS = ['id', 'cadence', 'period_start', 'period_end', 'created_at'] as const;

export function briefingsOf(db: Books, orgId: string, limit = 100) {
  return db
    .selectFrom('listening_briefings')
    .select([...LIST_COLUMNS, sql<number>`(figures -> 'volume' ->> 'mentions')::int`.as('mentions')])
    .where('org_id', '=', orgId)
    .orderBy('period_end', 'desc')
    .orderBy('created_at', 'desc')
    .limit(limit)
    .execute();
}

export function briefingById(db: Books, orgId: string, id: string) {
  return db
    .selectFrom('listening_briefings')
    .select([...LIST_COLUMNS, 'figures'])
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export function weeklyExists(db: Books, orgId: string, periodStart: Date) {
  return db
    .selectFrom('listening_briefings')
    .select('id')
    .where('org_id', '=', orgId)
    .where('cadence', '=', 'weekly')
    .where('period_start', '=', periodStart)
    .executeTakeFirst();
}

/** Brands that listen (have at least one topic): the weekly schedule writes them a book. */
export async function listeningOrgs(db: Db) {
  const rows = await db.selectFrom('listening_topics').select('org_id').distinct().execute();
  return rows.map((r) => r.org_id);
}

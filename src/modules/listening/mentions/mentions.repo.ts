import { type Expression, type Insertable, type SqlBool, sql } from 'kysely';
import type { Executor } from '../../../platform/db/database.ts';
import type { ImportLineError, ListeningMentionsTable, ListeningTables } from '../listening.tables.ts';

type Db = Executor<ListeningTables>;

/** The stored columns of a mention and their SQL types, in the order `insertMentions` sends them. */
const COLUMNS = [
  ['id', 'uuid'],
  ['org_id', 'uuid'],
  ['source', 'text'],
  ['external_id', 'text'],
  ['post_id', 'uuid'],
  ['text', 'text'],
  ['author_handle', 'text'],
  ['author_followers', 'int'],
  ['language', 'text'],
  ['posted_at', 'timestamptz'],
  ['url', 'text'],
  ['in_reply_to', 'text'],
  ['reshares', 'int'],
  ['hashtags', 'text[]'],
  ['mentions', 'text[]'],
  ['has_link', 'boolean'],
  ['sentiment', 'real'],
  ['intent', 'text'],
  ['products', 'text[]'],
  ['competitors', 'text[]'],
  ['import_id', 'uuid'],
] as const satisfies readonly (readonly [keyof ListeningMentionsTable, string])[];

/** A list of words as a PostgreSQL array literal (every element quoted, so any text survives). */
function arrayLiteral(items: readonly string[]) {
  return `{${items.map((s) => `"${s.replace(/[\\"]/g, '\\$&')}"`).join(',')}}`;
}

/**
 * Stores mentions not stored yet (same org, source and external id); returns how many were new. The batch travels
 * as one array per column expanded by `unnest`: one statement and 21 parameters for any batch size. PostgreSQL
 * reads typed arrays several times faster than the same rows as JSON (`jsonb_to_recordset` cost about half of
 * the insert); list columns travel as one array literal per row, cast row by row.
 */
export async function insertMentions(db: Db, rows: Insertable<ListeningMentionsTable>[]): Promise<number> {
  if (rows.length === 0) return 0;
  const arrays = COLUMNS.map(([name, type]) => {
    const values = rows.map((r) => r[name] ?? null);
    return type.endsWith('[]')
      ? sql`${values.map((v) => arrayLiteral((v as string[] | null) ?? []))}::text[]`
      : sql`${values}::${sql.raw(type)}[]`;
  });
  const names = sql.raw(COLUMNS.map(([name]) => name).join(', '));
  const read = sql.raw(
    COLUMNS.map(([name, type]) => (type.endsWith('[]') ? `${name}::${type}` : name)).join(', '),
  );
  const r = await sql`
    INSERT INTO listening_mentions (${names})
    SELECT ${read} FROM unnest(${sql.join(arrays)}) AS r(${names})
    ON CONFLICT (org_id, source, external_id) DO NOTHING`.execute(db);
  return Number(r.numAffectedRows ?? 0);
}

export const MENTION_COLUMNS = [
  'm.id',
  'm.source',
  'm.external_id',
  'm.post_id',
  'm.text',
  'm.author_handle',
  'm.author_followers',
  'm.language',
  'm.posted_at',
  'm.url',
  'm.in_reply_to',
  'm.reshares',
  'm.hashtags',
  'm.sentiment',
  'm.intent',
  'm.products',
  'm.competitors',
  'm.care_conversation_id',
] as const;

export type MentionFilter = {
  from?: Date;
  to?: Date;
  match?: Expression<SqlBool>;
  intent?: string;
  language?: string;
  author?: string;
  hashtag?: string;
  sentiment?: 'negative' | 'neutral' | 'positive';
};

/** A page of a brand's mentions, newest first, after the keyset `(postedAt, id)`. */
export function listMentions(
  db: Db,
  orgId: string,
  filter: MentionFilter,
  after: { postedAt: Date; id: string } | undefined,
  limit: number,
) {
  let q = db
    .selectFrom('listening_mentions as m')
    .select(MENTION_COLUMNS)
    .where('m.org_id', '=', orgId)
    .orderBy('m.posted_at', 'desc')
    .orderBy('m.id', 'desc')
    .limit(limit);
  if (filter.from) q = q.where('m.posted_at', '>=', filter.from);
  if (filter.to) q = q.where('m.posted_at', '<', filter.to);
  if (filter.match) q = q.where(filter.match);
  if (filter.intent) q = q.where('m.intent', '=', filter.intent);
  if (filter.language) q = q.where('m.language', '=', filter.language);
  if (filter.author) q = q.where('m.author_handle', '=', filter.author);
  if (filter.hashtag) q = q.where(sql<SqlBool>`m.hashtags @> ARRAY[${filter.hashtag}]::text[]`);
  if (filter.sentiment === 'negative') q = q.where('m.sentiment', '<', -0.1);
  if (filter.sentiment === 'positive') q = q.where('m.sentiment', '>', 0.1);
  if (filter.sentiment === 'neutral') q = q.where('m.sentiment', '>=', -0.1).where('m.sentiment', '<=', 0.1);
  if (after)
    q = q.where((eb) =>
      eb.or([
        eb('m.posted_at', '<', after.postedAt),
        eb.and([eb('m.posted_at', '=', after.postedAt), eb('m.id', '<', after.id)]),
      ]),
    );
  return q.execute();
}

export async function setCareConversation(db: Db, orgId: string, id: string, conversationId: string) {
  await db
    .updateTable('listening_mentions')
    .set({ care_conversation_id: conversationId })
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .execute();
}

export function mentionById(db: Db, orgId: string, id: string) {
  return db
    .selectFrom('listening_mentions as m')
    .select(MENTION_COLUMNS)
    .where('m.org_id', '=', orgId)
    .where('m.id', '=', id)
    .executeTakeFirst();
}

/**
 * The thread a mention belongs to, rebuilt from reply links of the same source: up the chain of `in_reply_to`
 * to its root (as far as it was imported), then every reply below that root. At most 500 messages.
 */
export async function threadOf(db: Db, orgId: string, source: string, externalId: string) {
  const root = await sql<{ external_id: string }>`
    WITH RECURSIVE up AS (
      SELECT external_id, in_reply_to, 0 AS depth FROM listening_mentions
      WHERE org_id = ${orgId} AND source = ${source} AND external_id = ${externalId}
      UNION ALL
      SELECT p.external_id, p.in_reply_to, up.depth + 1 FROM listening_mentions p
      JOIN up ON p.org_id = ${orgId} AND p.source = ${source} AND p.external_id = up.in_reply_to
      WHERE up.depth < 200
    )
    SELECT external_id FROM up ORDER BY depth DESC LIMIT 1`.execute(db);
  const rootId = root.rows[0]?.external_id ?? externalId;
  const rows = await sql<{ id: string; depth: number }>`
    WITH RECURSIVE down AS (
      SELECT id, external_id, 0 AS depth FROM listening_mentions
      WHERE org_id = ${orgId} AND source = ${source} AND external_id = ${rootId}
      UNION ALL
      SELECT c.id, c.external_id, down.depth + 1 FROM listening_mentions c
      JOIN down ON c.org_id = ${orgId} AND c.source = ${source} AND c.in_reply_to = down.external_id
      WHERE down.depth < 200
    )
    SELECT id, depth FROM down LIMIT 500`.execute(db);
  if (rows.rows.length === 0) return [];
  const depth = new Map(rows.rows.map((r) => [r.id, r.depth]));
  const mentions = await db
    .selectFrom('listening_mentions as m')
    .select(MENTION_COLUMNS)
    .where('m.org_id', '=', orgId)
    .where(
      'm.id',
      'in',
      rows.rows.map((r) => r.id),
    )
    .orderBy('m.posted_at')
    .execute();
  return mentions.map((m) => ({ ...m, depth: depth.get(m.id) ?? 0 }));
}

export async function insertImport(
  db: Db,
  row: { id: string; org_id: string; format: string; file_name: string | null; started_by: string | null },
) {
  await db.insertInto('listening_imports').values(row).execute();
}

export async function updateImport(
  db: Db,
  id: string,
  change: {
    status?: 'running' | 'done' | 'failed';
    imported: number;
    duplicates: number;
    ignored: number;
    error_count: number;
    errors: ImportLineError[];
    failure?: string | null;
    finished_at?: Date | null;
  },
) {
  await db
    .updateTable('listening_imports')
    .set({ ...change, errors: JSON.stringify(change.errors) })
    .where('id', '=', id)
    .execute();
}

const IMPORT_COLUMNS = [
  'id',
  'format',
  'file_name',
  'status',
  'imported',
  'duplicates',
  'ignored',
  'error_count',
  'errors',
  'failure',
  'started_at',
  'finished_at',
] as const;

export function importById(db: Db, orgId: string, id: string) {
  return db
    .selectFrom('listening_imports')
    .select(IMPORT_COLUMNS)
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export function importsOf(db: Db, orgId: string, limit: number) {
  return db
    .selectFrom('listening_imports')
    .select(IMPORT_COLUMNS)
    .where('org_id', '=', orgId)
    .orderBy('started_at', 'desc')
    .limit(limit)
    .execute();
}

/** Several conditions that must all hold. */
export const andAll = (conditions: Expression<SqlBool>[]) =>
  sql<SqlBool>`(${sql.join(conditions, sql` AND `)})`;

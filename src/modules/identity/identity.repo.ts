import { type Insertable, type Selectable, sql } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';
import type { Settled } from '../../platform/db/group-batcher.ts';
import type { OrgRole, Principal } from '../../platform/http/auth.ts';
import type {
  AccountsTable,
  ApiTokensTable,
  Link,
  OrgInvitationsTable,
  OrgMembersTable,
  SessionsTable,
  UsersTable,
} from './identity.tables.ts';

const accountColumns = [
  'accounts.id',
  'accounts.kind',
  'accounts.handle',
  'accounts.name',
  'accounts.bio',
  'accounts.avatar_url',
  'accounts.links',
  'accounts.verified',
  'accounts.created_at',
] as const;

/** An account as other modules and the API see it (every column but its security settings). */
export type AccountRow = Omit<Selectable<AccountsTable>, 'require_two_factor'>;

export function findAccountByHandle(db: Executor, handle: string): Promise<AccountRow | undefined> {
  return db
    .selectFrom('accounts')
    .select(accountColumns)
    .where(sql`lower(handle)`, '=', handle.toLowerCase())
    .executeTakeFirst();
}

export function findAccountsByIds(db: Executor, ids: string[]): Promise<AccountRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('accounts').select(accountColumns).where('id', 'in', ids).execute();
}

/** People's mail addresses and whether each is confirmed (organizations have none). */
export function mailAddresses(db: Executor, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('users')
    .innerJoin('accounts', 'accounts.id', 'users.account_id')
    .select(['users.account_id as id', 'users.email', 'users.email_verified_at', 'accounts.name'])
    .where('users.account_id', 'in', ids)
    .execute();
}

export function findAccountsByHandles(db: Executor, handles: string[]): Promise<AccountRow[]> {
  if (handles.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('accounts')
    .select(accountColumns)
    .where(
      sql`lower(handle)`,
      'in',
      handles.map((h) => h.toLowerCase()),
    )
    .execute();
}

export function listOrgs(db: Executor, kind: 'brand' | 'reseller', limit: number): Promise<AccountRow[]> {
  return db
    .selectFrom('accounts')
    .select(accountColumns)
    .where('kind', '=', kind)
    .orderBy('created_at')
    .orderBy('id')
    .limit(limit)
    .execute();
}

export function searchAccounts(db: Executor, query: string, limit: number): Promise<AccountRow[]> {
  const pattern = `${query.toLowerCase().replace(/[\\%_]/g, '\\$&')}%`;
  return db
    .selectFrom('accounts')
    .select(accountColumns)
    .where((eb) => eb.or([eb(sql`lower(handle)`, 'like', pattern), eb(sql`lower(name)`, 'like', pattern)]))
    .orderBy('verified', 'desc')
    .orderBy('handle')
    .limit(limit)
    .execute();
}

/**
 * Accounts whose handle starts with `prefix` (case-insensitive), in handle order; only among `amongIds` when
 * given. Byte order (COLLATE "C") so `lower(handle) LIKE 'ab%'` and the order both range-scan one index.
 */
export function accountsByHandlePrefix(
  db: Executor,
  prefix: string,
  limit: number,
  amongIds?: string[],
): Promise<AccountRow[]> {
  const pattern = `${prefix.toLowerCase().replace(/[\\%_]/g, '\\$&')}%`;
  let q = db.selectFrom('accounts').select(accountColumns).where(sql`lower(handle)`, 'like', pattern);
  if (amongIds) {
    if (amongIds.length === 0) return Promise.resolve([]);
    q = q.where('id', 'in', amongIds);
  }
  return q.orderBy(sql`lower(handle) COLLATE "C"`).limit(limit).execute();
}

export async function insertAccount(
  db: Executor,
  row: Pick<Insertable<AccountsTable>, 'id' | 'kind' | 'handle' | 'name' | 'bio' | 'avatar_url'>,
): Promise<void> {
  await db
    .insertInto('accounts')
    .values({ ...row, bio: row.bio ?? '', avatar_url: row.avatar_url ?? null })
    .execute();
}

export async function updateAccount(
  db: Executor,
  id: string,
  patch: { name?: string; bio?: string; avatar_url?: string | null; links?: Link[] },
): Promise<void> {
  const { links, ...rest } = patch;
  const set = { ...rest, ...(links ? { links: JSON.stringify(links) } : {}) };
  if (Object.keys(set).length === 0) return;
  await db.updateTable('accounts').set(set).where('id', '=', id).execute();
}

export async function setVerified(db: Executor, id: string, verified: boolean): Promise<void> {
  await db.updateTable('accounts').set({ verified }).where('id', '=', id).execute();
}

export async function handleTaken(db: Executor, handle: string): Promise<boolean> {
  return (await findAccountByHandle(db, handle)) !== undefined;
}

export async function emailTaken(db: Executor, email: string): Promise<boolean> {
  const row = await db
    .selectFrom('users')
    .select('account_id')
    .where(sql`lower(email)`, '=', email.toLowerCase())
    .executeTakeFirst();
  return row !== undefined;
}

export async function insertUser(
  db: Executor,
  row: Pick<Insertable<UsersTable>, 'account_id' | 'email' | 'password_hash' | 'is_admin'>,
): Promise<void> {
  await db.insertInto('users').values(row).execute();
}

export function findUserByLogin(db: Executor, login: string) {
  const key = login.toLowerCase().replace(/^@/, '');
  return db
    .selectFrom('users')
    .innerJoin('accounts', 'accounts.id', 'users.account_id')
    .select(['users.account_id', 'users.password_hash', 'users.email'])
    .where((eb) => eb.or([eb(sql`lower(users.email)`, '=', key), eb(sql`lower(accounts.handle)`, '=', key)]))
    .executeTakeFirst();
}

export function findUser(db: Executor, userId: string) {
  return db
    .selectFrom('users')
    .select(['account_id', 'email', 'is_admin', 'email_verified_at'])
    .where('account_id', '=', userId)
    .executeTakeFirst();
}

export async function setAdmin(db: Executor, userId: string, isAdmin: boolean): Promise<void> {
  await db.updateTable('users').set({ is_admin: isAdmin }).where('account_id', '=', userId).execute();
}

// --- sessions and tokens ---

type PrincipalRow = { user_id: string; is_admin: boolean; csrf_token: string | null; memberships: unknown };

// One round trip per authenticated request: the caller, whether they are an admin, and every org role.
const membershipsJson = sql<unknown>`coalesce((SELECT json_agg(json_build_object('orgId', m.org_id, 'role', m.role))
  FROM org_members m WHERE m.user_id = u.account_id), '[]'::json)`;

function toPrincipal(row: PrincipalRow | undefined): Principal | undefined {
  if (!row) return undefined;
  const memberships = (
    typeof row.memberships === 'string' ? JSON.parse(row.memberships) : row.memberships
  ) as {
    orgId: string;
    role: OrgRole;
  }[];
  return { userId: row.user_id, isAdmin: row.is_admin, csrfToken: row.csrf_token, memberships };
}

/**
 * The callers behind a batch of session or API-token hashes, in one statement (see groupBatcher); an unknown,
 * expired or revoked one answers undefined.
 */
export async function findPrincipals(
  db: Executor,
  via: 'session' | 'token',
  tokenHashes: string[],
): Promise<Settled<Principal | undefined>[]> {
  const hashes = sql`jsonb_array_elements_text(${JSON.stringify(tokenHashes)}::jsonb) WITH ORDINALITY AS h(hash, n)`;
  const { rows } = await (via === 'session'
    ? sql<PrincipalRow & { n: string }>`
        SELECT h.n, u.account_id AS user_id, u.is_admin, s.csrf_token, ${membershipsJson} AS memberships
        FROM ${hashes} JOIN sessions s ON s.token_hash = h.hash AND s.expires_at > now()
          JOIN users u ON u.account_id = s.user_id`
    : sql<PrincipalRow & { n: string }>`
        SELECT h.n, u.account_id AS user_id, u.is_admin, NULL AS csrf_token, ${membershipsJson} AS memberships
        FROM ${hashes} JOIN api_tokens t ON t.token_hash = h.hash AND t.revoked_at IS NULL
          JOIN users u ON u.account_id = t.user_id`
  ).execute(db);
  const found = new Map(rows.map((r) => [Number(r.n), toPrincipal(r)]));
  return tokenHashes.map((_, i) => ({ ok: true, value: found.get(i + 1) }));
}

export async function findUserPrincipal(db: Executor, userId: string): Promise<Principal | undefined> {
  const { rows } = await sql<PrincipalRow>`
    SELECT u.account_id AS user_id, u.is_admin, NULL AS csrf_token, ${membershipsJson} AS memberships
    FROM users u WHERE u.account_id = ${userId}`.execute(db);
  return toPrincipal(rows[0]);
}

export async function insertSession(
  db: Executor,
  row: Pick<Insertable<SessionsTable>, 'token_hash' | 'user_id' | 'csrf_token' | 'expires_at' | 'user_agent'>,
): Promise<void> {
  await db.insertInto('sessions').values(row).execute();
}

export async function deleteSession(db: Executor, tokenHash: string): Promise<void> {
  await db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
}

export async function insertApiToken(
  db: Executor,
  row: Pick<Insertable<ApiTokensTable>, 'id' | 'user_id' | 'name' | 'token_hash' | 'prefix'>,
) {
  return db
    .insertInto('api_tokens')
    .values(row)
    .returning(['id', 'name', 'prefix', 'created_at', 'last_used_at'])
    .executeTakeFirstOrThrow();
}

export function listApiTokens(db: Executor, userId: string) {
  return db
    .selectFrom('api_tokens')
    .select(['id', 'name', 'prefix', 'created_at', 'last_used_at'])
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .orderBy('created_at', 'desc')
    .execute();
}

/** Revokes a live token of the user; answers its hash, or undefined when there was none. */
export async function revokeApiToken(db: Executor, userId: string, id: string): Promise<string | undefined> {
  const row = await db
    .updateTable('api_tokens')
    .set({ revoked_at: new Date() })
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .returning('token_hash')
    .executeTakeFirst();
  return row?.token_hash;
}

// --- login throttling ---

/**
 * Counts one sign-in attempt under each key in one statement and returns every key's count in its window.
 * The increment is atomic, so parallel attempts each see a different count; a window older than
 * `windowSeconds` starts again at 1.
 */
export async function countAttempts(
  db: Executor,
  keys: string[],
  windowSeconds: number,
): Promise<{ key: string; attempts: number; window_started_at: Date }[]> {
  const { rows } = await sql<{ key: string; attempts: number; window_started_at: Date }>`
    INSERT INTO login_attempts AS a (key, attempts, window_started_at)
    SELECT k, 1, now() FROM unnest(${keys}::text[]) AS k
    ON CONFLICT (key) DO UPDATE SET
      attempts = CASE WHEN a.window_started_at <= now() - make_interval(secs => ${windowSeconds})
        THEN 1 ELSE a.attempts + 1 END,
      window_started_at = CASE WHEN a.window_started_at <= now() - make_interval(secs => ${windowSeconds})
        THEN now() ELSE a.window_started_at END
    RETURNING a.key, a.attempts, a.window_started_at`.execute(db);
  return rows.map((r) => ({ ...r, window_started_at: new Date(r.window_started_at) }));
}

/** After a successful sign-in: clears `reset` keys and takes the attempt back from `refund` keys. */
export async function forgetAttempts(db: Executor, reset: string[], refund: string[]): Promise<void> {
  if (reset.length > 0) await db.deleteFrom('login_attempts').where('key', 'in', reset).execute();
  if (refund.length > 0)
    await db
      .updateTable('login_attempts')
      .set({ attempts: sql`greatest(attempts - 1, 0)` })
      .where('key', 'in', refund)
      .execute();
}

/** The installation's key for signing device cookies (created by its migration). */
export async function deviceCookieKey(db: Executor): Promise<string> {
  const row = await db
    .selectFrom('login_device_keys')
    .select('secret')
    .where('id', '=', 1)
    .executeTakeFirstOrThrow();
  return row.secret;
}

// --- organizations ---

export function listMembers(db: Executor, orgId: string) {
  return db
    .selectFrom('org_members')
    .innerJoin('accounts', 'accounts.id', 'org_members.user_id')
    .select([...accountColumns, 'org_members.role', 'org_members.created_at as joined_at'])
    .where('org_members.org_id', '=', orgId)
    .orderBy('org_members.created_at')
    .execute();
}

export function memberRoles(db: Executor, orgId: string) {
  return db.selectFrom('org_members').select(['user_id', 'role']).where('org_id', '=', orgId).execute();
}

export function findMembership(db: Executor, orgId: string, userId: string) {
  return db
    .selectFrom('org_members')
    .select(['role'])
    .where('org_id', '=', orgId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
}

export async function insertMember(
  db: Executor,
  row: Pick<Insertable<OrgMembersTable>, 'org_id' | 'user_id' | 'role'>,
) {
  await db
    .insertInto('org_members')
    .values(row)
    .onConflict((oc) => oc.columns(['org_id', 'user_id']).doUpdateSet({ role: row.role }))
    .execute();
}

export async function deleteMember(db: Executor, orgId: string, userId: string): Promise<void> {
  await db.deleteFrom('org_members').where('org_id', '=', orgId).where('user_id', '=', userId).execute();
}

export async function countOwners(db: Executor, orgId: string): Promise<number> {
  const row = await db
    .selectFrom('org_members')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('org_id', '=', orgId)
    .where('role', '=', 'owner')
    .executeTakeFirstOrThrow();
  return row.n;
}

export async function insertInvitation(
  db: Executor,
  row: Pick<Insertable<OrgInvitationsTable>, 'id' | 'org_id' | 'user_id' | 'role' | 'invited_by'>,
) {
  await db.insertInto('org_invitations').values(row).execute();
}

export function findInvitation(db: Executor, id: string) {
  return db.selectFrom('org_invitations').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findPendingInvitation(db: Executor, orgId: string, userId: string) {
  return db
    .selectFrom('org_invitations')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('user_id', '=', userId)
    .where('status', '=', 'pending')
    .executeTakeFirst();
}

export function listInvitationsForUser(db: Executor, userId: string) {
  return db
    .selectFrom('org_invitations')
    .selectAll()
    .where('user_id', '=', userId)
    .where('status', '=', 'pending')
    .orderBy('created_at', 'desc')
    .execute();
}

export function listInvitationsForOrg(db: Executor, orgId: string) {
  return db
    .selectFrom('org_invitations')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('status', '=', 'pending')
    .orderBy('created_at', 'desc')
    .execute();
}

export async function setInvitationStatus(
  db: Executor,
  id: string,
  status: 'accepted' | 'declined' | 'cancelled',
): Promise<boolean> {
  const result = await db
    .updateTable('org_invitations')
    .set({ status, responded_at: new Date() })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

// --- bulk loading (demo worlds, imports): many rows per statement, no checks, no events; rows must be new ---

export type BulkAccount = AccountRow;
export type BulkUser = Pick<
  Selectable<UsersTable>,
  'account_id' | 'email' | 'password_hash' | 'is_admin' | 'created_at'
>;
export type BulkMember = Pick<Selectable<OrgMembersTable>, 'org_id' | 'user_id' | 'role'>;

const isoTimes = (dates: Date[]) => dates.map((d) => d.toISOString());

/** Inserts accounts in one statement (unnest of column arrays works on PGlite and on pg). */
export async function bulkInsertAccounts(db: Executor, rows: BulkAccount[]): Promise<void> {
  if (rows.length === 0) return;
  await sql`
    INSERT INTO accounts (id, kind, handle, name, bio, avatar_url, links, verified, created_at)
    SELECT * FROM unnest(
      ${rows.map((r) => r.id)}::uuid[], ${rows.map((r) => r.kind)}::text[], ${rows.map((r) => r.handle)}::text[],
      ${rows.map((r) => r.name)}::text[], ${rows.map((r) => r.bio)}::text[], ${rows.map((r) => r.avatar_url)}::text[],
      ${rows.map((r) => JSON.stringify(r.links))}::jsonb[], ${rows.map((r) => r.verified)}::bool[],
      ${isoTimes(rows.map((r) => r.created_at))}::timestamptz[])`.execute(db);
}

export async function bulkInsertUsers(db: Executor, rows: BulkUser[]): Promise<void> {
  if (rows.length === 0) return;
  await sql`
    INSERT INTO users (account_id, email, password_hash, is_admin, created_at, email_verified_at)
    SELECT u.*, u.created_at FROM unnest(
      ${rows.map((r) => r.account_id)}::uuid[], ${rows.map((r) => r.email)}::text[],
      ${rows.map((r) => r.password_hash)}::text[], ${rows.map((r) => r.is_admin)}::bool[],
      ${isoTimes(rows.map((r) => r.created_at))}::timestamptz[]) AS u(a, e, p, i, created_at)`.execute(db);
}

export async function bulkInsertMembers(db: Executor, rows: BulkMember[]): Promise<void> {
  if (rows.length === 0) return;
  await sql`
    INSERT INTO org_members (org_id, user_id, role)
    SELECT * FROM unnest(${rows.map((r) => r.org_id)}::uuid[], ${rows.map((r) => r.user_id)}::uuid[], ${rows.map((r) => r.role)}::text[])`.execute(
    db,
  );
}

export async function hasAnyAccount(db: Executor): Promise<boolean> {
  const row = await db.selectFrom('accounts').select('id').limit(1).executeTakeFirst();
  return row !== undefined;
}

/** Every handle and email in use, lower-cased: a generator avoids them when the database is not empty. */
export async function takenHandlesAndEmails(db: Executor): Promise<{ handles: string[]; emails: string[] }> {
  const handles = await db.selectFrom('accounts').select(sql<string>`lower(handle)`.as('h')).execute();
  const emails = await db.selectFrom('users').select(sql<string>`lower(email)`.as('e')).execute();
  return { handles: handles.map((r) => r.h), emails: emails.map((r) => r.e) };
}

/** Users whose email matches any of the LIKE patterns, with their handle and password hash. */
export function findUsersByEmailPatterns(db: Executor, patterns: string[], limit: number) {
  return db
    .selectFrom('users')
    .innerJoin('accounts', 'accounts.id', 'users.account_id')
    .select(['accounts.handle', 'users.email', 'users.password_hash', 'users.is_admin'])
    .where((eb) => eb.or(patterns.map((p) => eb('users.email', 'like', p))))
    .orderBy('users.email')
    .limit(limit)
    .execute();
}

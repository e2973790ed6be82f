import type { Kysely, Transaction } from 'kysely';
import type { AdvocatesTables } from '../../modules/advocates/advocates.tables.ts';
import type { CareTables } from '../../modules/care/care.tables.ts';
import type { RankingTables } from '../../modules/care/ranking/ranking.tables.ts';
import type { CommerceTables } from '../../modules/commerce/commerce.tables.ts';
import type { GovernanceTables } from '../../modules/governance/governance.tables.ts';
import type { IdeasTables } from '../../modules/ideas/ideas.tables.ts';
import type { IdentityTables } from '../../modules/identity/identity.tables.ts';
import type { BriefingsTables } from '../../modules/listening/briefings/briefings.tables.ts';
import type { ListeningTables } from '../../modules/listening/listening.tables.ts';
import type { SourcesTables } from '../../modules/listening/sources/sources.tables.ts';
import type { MailTables } from '../../modules/mail/mail.tables.ts';
import type { MediaTables } from '../../modules/media/media.tables.ts';
import type { NotificationTables } from '../../modules/notifications/notifications.tables.ts';
import type { RfpTables } from '../../modules/rfp/rfp.tables.ts';
import type { SocialTables } from '../../modules/social/social.tables.ts';
import type { OutboxTables } from '../events/outbox.tables.ts';

/** The whole schema as Kysely sees it: each module contributes its own tables. */
export type Database = OutboxTables &
  IdentityTables &
  SocialTables &
  NotificationTables &
  CommerceTables &
  CareTables &
  MailTables &
  MediaTables &
  IdeasTables &
  ListeningTables &
  AdvocatesTables &
  GovernanceTables &
  RfpTables &
  RankingTables &
  BriefingsTables &
  SourcesTables;

/**
 * What a repo function takes first: the database or a transaction on it. `Executor<T>` narrows it to the
 * tables `T` (a module's `…Tables`), so a repo typed over its module's tables cannot query another's.
 */
export type Executor<T = Database> = Kysely<T> | Transaction<T>;
export type Db = Kysely<Database>;

/**
 * The same database or transaction, typed over a module's own tables only. A cast, not a conversion:
 * `Kysely<Database>` is not assignable to `Kysely<T>` (Kysely's `transaction().execute(callback)` makes its
 * table type invariant), so a module narrows at its boundary, once per executor it is handed.
 */
export function ownTables<T extends Partial<Database>>(db: Kysely<Database>): Kysely<T>;
export function ownTables<T extends Partial<Database>>(db: Executor): Executor<T>;
export function ownTables<T extends Partial<Database>>(db: Executor): Executor<T> {
  return db as unknown as Executor<T>;
}

/** The SQLSTATE of a database error (both drivers put it in `code`). */
const sqlState = (err: unknown) => (err as { code?: unknown } | null)?.code;
/** A unique constraint refused the write (23505). */
export const isUniqueViolation = (err: unknown) => sqlState(err) === '23505';
/** The database aborted this transaction to end a deadlock (40P01); running it again is safe. */
export const isDeadlock = (err: unknown) => sqlState(err) === '40P01';

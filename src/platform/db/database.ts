import type { Kysely, Transaction } from 'kysely';
import type { CareTables } from '../../modules/care/care.tables.ts';
import type { CommerceTables } from '../../modules/commerce/commerce.tables.ts';
import type { IdentityTables } from '../../modules/identity/identity.tables.ts';
import type { NotificationTables } from '../../modules/notifications/notifications.tables.ts';
import type { SocialTables } from '../../modules/social/social.tables.ts';
import type { OutboxTables } from '../events/outbox.tables.ts';

/** The whole schema as Kysely sees it: each module contributes its own tables. */
export type Database = OutboxTables &
  IdentityTables &
  SocialTables &
  NotificationTables &
  CommerceTables &
  CareTables;

/** What a repo function takes first: the database or a transaction on it. */
export type Executor = Kysely<Database> | Transaction<Database>;
export type Db = Kysely<Database>;

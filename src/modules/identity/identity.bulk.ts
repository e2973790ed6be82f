import type { Executor } from '../../platform/db/database.ts';
import * as repo from './identity.repo.ts';

export type { BulkAccount, BulkMember, BulkUser } from './identity.repo.ts';

/**
 * Bulk loading of accounts, users and memberships, for the demo world and imports: many rows per statement, in
 * the caller's transaction, with no checks and no events (the rows are history, not news); every row must be new.
 * Everything else goes through the module's services.
 */
export const identityBulk = {
  /** Inserts accounts (people and organizations) in one statement. */
  insertAccounts: (trx: Executor, rows: repo.BulkAccount[]) => repo.bulkInsertAccounts(trx, rows),
  /** Inserts the sign-ins of person accounts in one statement. */
  insertUsers: (trx: Executor, rows: repo.BulkUser[]) => repo.bulkInsertUsers(trx, rows),
  /** Inserts org memberships in one statement. */
  insertMembers: (trx: Executor, rows: repo.BulkMember[]) => repo.bulkInsertMembers(trx, rows),
  /** Whether the database holds any account yet. */
  hasAnyAccount: (db: Executor) => repo.hasAnyAccount(db),
  /** Every handle and email in use, lower-cased, for a generator to avoid. */
  takenHandlesAndEmails: (db: Executor) => repo.takenHandlesAndEmails(db),
};

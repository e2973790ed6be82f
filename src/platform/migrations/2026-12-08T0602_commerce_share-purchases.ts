import type { Kysely } from 'kysely';
import { runSql } from './run-sql.ts';

// Whether a buyer lets the people who follow them see what they bought ("3 people you follow bought this"). No row:
// not asked yet, and not shared; the checkout asks once.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runSql(
    db,
    `
    CREATE TABLE purchase_sharing (
      account_id uuid PRIMARY KEY,
      share boolean NOT NULL,
      decided_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX purchase_sharing_on ON purchase_sharing (account_id) WHERE share;
    `,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runSql(db, 'DROP TABLE purchase_sharing;');
}

import type { Kysely } from 'kysely';
import { runSql } from './run-sql.ts';

// The buyer hears of each step of a return (requested, approved, rejected, received, refunded).
export async function up(db: Kysely<unknown>): Promise<void> {
  await runSql(
    db,
    `
    ALTER TABLE notifications DROP CONSTRAINT notifications_kind_check;
    ALTER TABLE notifications ADD CONSTRAINT notifications_kind_check CHECK (kind IN ('mention', 'reply', 'reshare', 'like', 'follow', 'care_mention', 'identity_link', 'order_cancelled', 'order_fulfilled', 'order_refunded', 'idea_shipped', 'order_return'));
    `,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runSql(
    db,
    `
    DELETE FROM notifications WHERE kind = 'order_return';
    ALTER TABLE notifications DROP CONSTRAINT notifications_kind_check;
    ALTER TABLE notifications ADD CONSTRAINT notifications_kind_check CHECK (kind IN ('mention', 'reply', 'reshare', 'like', 'follow', 'care_mention', 'identity_link', 'order_cancelled', 'order_fulfilled', 'order_refunded', 'idea_shipped'));
    `,
  );
}

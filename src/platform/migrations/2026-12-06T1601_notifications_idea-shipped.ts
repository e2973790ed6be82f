import type { Kysely } from 'kysely';
import { runSql } from './run-sql.ts';

// Voters and followers of an idea hear when it ships, with the products to buy.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runSql(
    db,
    `
    ALTER TABLE notifications DROP CONSTRAINT notifications_kind_check;
    ALTER TABLE notifications ADD CONSTRAINT notifications_kind_check CHECK (kind IN ('mention', 'reply', 'reshare', 'like', 'follow', 'care_mention', 'identity_link', 'order_cancelled', 'order_fulfilled', 'order_refunded', 'idea_shipped'));
    `,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runSql(
    db,
    `
    DELETE FROM notifications WHERE kind = 'idea_shipped';
    ALTER TABLE notifications DROP CONSTRAINT notifications_kind_check;
    ALTER TABLE notifications ADD CONSTRAINT notifications_kind_check CHECK (kind IN ('mention', 'reply', 'reshare', 'like', 'follow', 'care_mention', 'identity_link', 'order_cancelled', 'order_fulfilled', 'order_refunded'));
    `,
  );
}

import type { Kysely } from 'kysely';
import { runSql } from './run-sql.ts';

// A consumer hears of each pitch on their request; every pitching brand hears whether it won or lost the award.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runSql(
    db,
    `
    ALTER TABLE notifications DROP CONSTRAINT notifications_kind_check;
    ALTER TABLE notifications ADD CONSTRAINT notifications_kind_check CHECK (kind IN ('mention', 'reply', 'reshare', 'like', 'follow', 'care_mention', 'identity_link', 'order_cancelled', 'order_fulfilled', 'order_refunded', 'idea_shipped', 'rfp_pitch', 'rfp_won', 'rfp_lost'));
    `,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runSql(
    db,
    `
    DELETE FROM notifications WHERE kind IN ('rfp_pitch', 'rfp_won', 'rfp_lost');
    ALTER TABLE notifications DROP CONSTRAINT notifications_kind_check;
    ALTER TABLE notifications ADD CONSTRAINT notifications_kind_check CHECK (kind IN ('mention', 'reply', 'reshare', 'like', 'follow', 'care_mention', 'identity_link', 'order_cancelled', 'order_fulfilled', 'order_refunded', 'idea_shipped'));
    `,
  );
}

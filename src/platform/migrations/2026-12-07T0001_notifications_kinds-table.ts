import type { Kysely } from 'kysely';
import { runSql } from './run-sql.ts';

// The kinds of notification are rows of their own instead of one CHECK list, so a module adding a kind inserts a
// row: no migration has to restate (and so can drop) the kinds others added.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runSql(
    db,
    `
    CREATE TABLE notification_kinds (kind text PRIMARY KEY);
    INSERT INTO notification_kinds (kind) VALUES ('mention'), ('reply'), ('reshare'), ('like'), ('follow'),
      ('care_mention'), ('identity_link'), ('order_cancelled'), ('order_fulfilled'), ('order_refunded'),
      ('idea_shipped');
    ALTER TABLE notifications DROP CONSTRAINT notifications_kind_check;
    ALTER TABLE notifications ADD CONSTRAINT notifications_kind_fkey FOREIGN KEY (kind) REFERENCES notification_kinds (kind);
    `,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runSql(
    db,
    `
    ALTER TABLE notifications DROP CONSTRAINT notifications_kind_fkey;
    ALTER TABLE notifications ADD CONSTRAINT notifications_kind_check CHECK (kind IN ('mention', 'reply', 'reshare', 'like', 'follow', 'care_mention', 'identity_link', 'order_cancelled', 'order_fulfilled', 'order_refunded', 'idea_shipped'));
    DROP TABLE notification_kinds;
    `,
  );
}

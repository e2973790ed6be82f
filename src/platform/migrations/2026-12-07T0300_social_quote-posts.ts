import type { Kysely } from 'kysely';
import { runSql } from './run-sql.ts';

// Quote posts: a post may quote another (shown as an embedded card); the original counts its quotes and its author
// hears about them.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runSql(
    db,
    `
    ALTER TABLE posts ADD COLUMN quote_of_id uuid REFERENCES posts (id);
    ALTER TABLE posts ADD COLUMN quote_count int NOT NULL DEFAULT 0;
    CREATE INDEX posts_quote_of ON posts (quote_of_id) WHERE quote_of_id IS NOT NULL;
    INSERT INTO notification_kinds (kind) VALUES ('quote');
    `,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runSql(
    db,
    `
    DELETE FROM notifications WHERE kind IN ('quote');
    DELETE FROM notification_kinds WHERE kind IN ('quote');
    DROP INDEX posts_quote_of;
    ALTER TABLE posts DROP COLUMN quote_count;
    ALTER TABLE posts DROP COLUMN quote_of_id;
    `,
  );
}

import type { Kysely } from 'kysely';
import { runSql } from './run-sql.ts';

// Listening imports write one membership row per mention and matching topic, so each index and check on that table
// is paid on every row. The foreign key to topics (a lookup per row) becomes a lock taken once per batch (imports
// share it, creating, changing or deleting a topic takes it alone, and deleting a topic removes its rows in the
// same transaction); the index by mention goes, as the topics of a page of mentions are found through the primary
// key, topic by topic.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runSql(
    db,
    `
    ALTER TABLE listening_mention_tags DROP CONSTRAINT listening_mention_tags_topic_id_fkey;
    DROP INDEX listening_mention_tags_mention;
    `,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runSql(
    db,
    `
    DELETE FROM listening_mention_tags mt WHERE NOT EXISTS (SELECT 1 FROM listening_topics t WHERE t.id = mt.topic_id);
    ALTER TABLE listening_mention_tags ADD CONSTRAINT listening_mention_tags_topic_id_fkey
      FOREIGN KEY (topic_id) REFERENCES listening_topics (id) ON DELETE CASCADE;
    CREATE INDEX listening_mention_tags_mention ON listening_mention_tags (mention_id);
    `,
  );
}

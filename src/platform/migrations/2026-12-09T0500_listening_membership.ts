import type { Kysely } from 'kysely';
import { runSql } from './run-sql.ts';

// Listening: which topic or tag each mention belongs to, stored once (an import's batch is tagged in its own
// transaction, a new or changed query is applied to stored mentions by a backfill in chunks by id), a per-topic
// daily rollup kept with the membership rows (the topic page reads days, not mentions), and auto-tagging rules,
// which are topics of the kind `tag`. Topics that exist already get a backfill, started through the outbox.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runSql(
    db,
    `
    ALTER TABLE listening_topics DROP CONSTRAINT listening_topics_kind_check;
    ALTER TABLE listening_topics ADD CONSTRAINT listening_topics_kind_check
      CHECK (kind IN ('brand', 'product', 'competitor', 'category', 'tag'));
    CREATE INDEX listening_mentions_org_id ON listening_mentions (org_id, id);
    CREATE TABLE listening_mention_tags (
      topic_id uuid NOT NULL REFERENCES listening_topics (id) ON DELETE CASCADE,
      mention_id uuid NOT NULL,
      org_id uuid NOT NULL,
      posted_at timestamptz NOT NULL,
      sentiment real NOT NULL,
      intent text NOT NULL,
      PRIMARY KEY (topic_id, mention_id)
    );
    CREATE INDEX listening_mention_tags_time ON listening_mention_tags (topic_id, posted_at DESC, mention_id DESC)
      INCLUDE (sentiment, intent);
    CREATE INDEX listening_mention_tags_mention ON listening_mention_tags (mention_id);
    CREATE TABLE listening_topic_days (
      topic_id uuid NOT NULL REFERENCES listening_topics (id) ON DELETE CASCADE,
      day date NOT NULL,
      intent text NOT NULL,
      org_id uuid NOT NULL,
      mentions int NOT NULL,
      negative int NOT NULL,
      positive int NOT NULL,
      sentiment_sum float8 NOT NULL,
      PRIMARY KEY (topic_id, day, intent)
    );
    CREATE TABLE listening_backfills (
      topic_id uuid PRIMARY KEY REFERENCES listening_topics (id) ON DELETE CASCADE,
      org_id uuid NOT NULL,
      run_id uuid NOT NULL,
      status text NOT NULL CHECK (status IN ('running', 'done')),
      after_id uuid,
      done int NOT NULL DEFAULT 0,
      total int NOT NULL,
      started_at timestamptz NOT NULL DEFAULT now(),
      finished_at timestamptz
    );
    WITH started AS (
      INSERT INTO listening_backfills (topic_id, org_id, run_id, status, total)
      SELECT t.id, t.org_id, gen_random_uuid(), 'running',
        (SELECT count(*) FROM listening_mentions m WHERE m.org_id = t.org_id)
      FROM listening_topics t
      RETURNING topic_id, org_id, run_id
    ), event AS (
      INSERT INTO outbox_events (type, aggregate_id, payload)
      SELECT 'listening.backfill_chunk', s.topic_id::text,
        jsonb_build_object('orgId', s.org_id, 'topicId', s.topic_id, 'runId', s.run_id)
      FROM started s
      RETURNING id, aggregate_id
    )
    INSERT INTO event_deliveries (subscriber, event_id, aggregate_id)
    SELECT 'listening.backfill', event.id, event.aggregate_id FROM event;
    `,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runSql(
    db,
    `
    DROP TABLE listening_backfills; DROP TABLE listening_topic_days; DROP TABLE listening_mention_tags;
    DROP INDEX listening_mentions_org_id;
    DELETE FROM listening_topics WHERE kind = 'tag';
    ALTER TABLE listening_topics DROP CONSTRAINT listening_topics_kind_check;
    ALTER TABLE listening_topics ADD CONSTRAINT listening_topics_kind_check
      CHECK (kind IN ('brand', 'product', 'competitor', 'category'));
    `,
  );
}

import type { Kysely } from 'kysely';
import { runSql } from './run-sql.ts';

// Account ids here point into identity's accounts table by id only: modules keep no foreign keys across
// each other, so either can change its storage without a cross-module migration.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runSql(
    db,
    `
    CREATE TABLE follows (
      follower_id uuid NOT NULL,
      followee_id uuid NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (follower_id, followee_id)
    );
    CREATE INDEX follows_followee ON follows (followee_id, follower_id);
    CREATE TABLE posts (
      id uuid PRIMARY KEY,
      author_id uuid NOT NULL,
      posted_by uuid NOT NULL,
      kind text NOT NULL DEFAULT 'post',
      text text NOT NULL,
      visibility text NOT NULL CHECK (visibility IN ('public', 'followers', 'direct')),
      in_reply_to_id uuid REFERENCES posts (id),
      thread_root_id uuid NOT NULL,
      reshare_of_id uuid REFERENCES posts (id),
      reshare_parent_id uuid REFERENCES posts (id),
      entities jsonb NOT NULL DEFAULT '{}',
      -- Counters kept in the same transaction as the change; replies counts only public replies, so the
      -- number never reveals a reply the viewer may not see.
      reply_count int NOT NULL DEFAULT 0,
      reshare_count int NOT NULL DEFAULT 0,
      like_count int NOT NULL DEFAULT 0,
      created_at timestamptz NOT NULL DEFAULT now(),
      deleted_at timestamptz,
      search tsvector GENERATED ALWAYS AS (to_tsvector('english', text)) STORED
    );
    CREATE INDEX posts_author ON posts (author_id, id DESC);
    CREATE INDEX posts_reply ON posts (in_reply_to_id, id) WHERE in_reply_to_id IS NOT NULL;
    CREATE INDEX posts_thread ON posts (thread_root_id, id);
    CREATE UNIQUE INDEX posts_reshare_once ON posts (reshare_of_id, author_id) WHERE reshare_of_id IS NOT NULL AND deleted_at IS NULL;
    CREATE INDEX posts_public ON posts (id DESC) WHERE visibility = 'public' AND deleted_at IS NULL;
    CREATE INDEX posts_search ON posts USING gin (search);
    CREATE TABLE post_mentions (
      post_id uuid NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
      account_id uuid NOT NULL,
      PRIMARY KEY (account_id, post_id)
    );
    CREATE INDEX post_mentions_post ON post_mentions (post_id);
    CREATE TABLE post_tags (
      post_id uuid NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
      tag text NOT NULL,
      PRIMARY KEY (tag, post_id)
    );
    CREATE INDEX post_tags_post ON post_tags (post_id);
    CREATE TABLE likes (
      post_id uuid NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
      account_id uuid NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (post_id, account_id)
    );
    CREATE INDEX likes_account ON likes (account_id, post_id);
    CREATE TABLE home_timeline (
      owner_id uuid NOT NULL,
      post_id uuid NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
      author_id uuid NOT NULL,
      PRIMARY KEY (owner_id, post_id)
    );
    CREATE INDEX home_timeline_author ON home_timeline (author_id, owner_id);
    `,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runSql(
    db,
    'DROP TABLE home_timeline; DROP TABLE likes; DROP TABLE post_tags; DROP TABLE post_mentions; DROP TABLE posts; DROP TABLE follows;',
  );
}

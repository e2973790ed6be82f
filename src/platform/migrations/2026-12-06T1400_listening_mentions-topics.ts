import type { Kysely } from 'kysely';
import { runSql } from './run-sql.ts';

// Listening: mentions of a brand from Souk and from imported files, stored once per (org, source, external id),
// searchable through a full-text column; topics are a brand's saved queries; imports keep their per-line report.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runSql(
    db,
    `
    CREATE TABLE listening_mentions (
      id uuid PRIMARY KEY,
      org_id uuid NOT NULL,
      source text NOT NULL,
      external_id text NOT NULL,
      post_id uuid,
      text text NOT NULL,
      author_handle text NOT NULL,
      author_followers int,
      language text NOT NULL,
      posted_at timestamptz NOT NULL,
      url text,
      in_reply_to text,
      reshares int NOT NULL DEFAULT 0,
      hashtags text[] NOT NULL DEFAULT '{}',
      mentions text[] NOT NULL DEFAULT '{}',
      has_link boolean NOT NULL DEFAULT false,
      sentiment real NOT NULL,
      intent text NOT NULL,
      products text[] NOT NULL DEFAULT '{}',
      competitors text[] NOT NULL DEFAULT '{}',
      import_id uuid,
      created_at timestamptz NOT NULL DEFAULT now(),
      search tsvector GENERATED ALWAYS AS (to_tsvector('simple', text)) STORED,
      UNIQUE (org_id, source, external_id)
    );
    CREATE INDEX listening_mentions_time ON listening_mentions (org_id, posted_at DESC, id DESC);
    CREATE INDEX listening_mentions_reply ON listening_mentions (org_id, source, in_reply_to) WHERE in_reply_to IS NOT NULL;
    CREATE INDEX listening_mentions_search ON listening_mentions USING gin (search);
    CREATE INDEX listening_mentions_hashtags ON listening_mentions USING gin (hashtags);
    CREATE TABLE listening_topics (
      id uuid PRIMARY KEY,
      org_id uuid NOT NULL,
      name text NOT NULL,
      kind text NOT NULL CHECK (kind IN ('brand', 'product', 'competitor', 'category')),
      query text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (org_id, name)
    );
    CREATE TABLE listening_imports (
      id uuid PRIMARY KEY,
      org_id uuid NOT NULL,
      format text NOT NULL,
      file_name text,
      status text NOT NULL DEFAULT 'running' CHECK (status IN ('running', 'done', 'failed')),
      imported int NOT NULL DEFAULT 0,
      duplicates int NOT NULL DEFAULT 0,
      ignored int NOT NULL DEFAULT 0,
      error_count int NOT NULL DEFAULT 0,
      errors jsonb NOT NULL DEFAULT '[]',
      failure text,
      started_by uuid,
      started_at timestamptz NOT NULL DEFAULT now(),
      finished_at timestamptz
    );
    CREATE INDEX listening_imports_org ON listening_imports (org_id, started_at DESC);
    `,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runSql(
    db,
    'DROP TABLE listening_imports; DROP TABLE listening_topics; DROP TABLE listening_mentions;',
  );
}

import type { Kysely } from 'kysely';
import { runSql } from './run-sql.ts';

// Listening follows Mastodon through its public REST API: per brand, hashtag timelines and accounts' statuses on
// an instance, polled on a schedule from a cursor (the newest status id stored), with each poll's outcome kept on
// the source (an error, a rate limit and when to try again) so a user sees why nothing arrives.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runSql(
    db,
    `
    CREATE TABLE listening_sources (
      id uuid PRIMARY KEY,
      org_id uuid NOT NULL,
      network text NOT NULL DEFAULT 'mastodon' CHECK (network IN ('mastodon')),
      instance_url text NOT NULL,
      kind text NOT NULL CHECK (kind IN ('hashtag', 'account')),
      target text NOT NULL,
      account_id text,
      enabled boolean NOT NULL DEFAULT true,
      poll_every_seconds int NOT NULL CHECK (poll_every_seconds BETWEEN 60 AND 86400),
      cursor text,
      next_poll_at timestamptz NOT NULL DEFAULT now(),
      last_polled_at timestamptz,
      last_outcome text CHECK (last_outcome IN ('ok', 'error', 'rate_limited')),
      last_error text,
      last_stored int NOT NULL DEFAULT 0,
      last_skipped int NOT NULL DEFAULT 0,
      total_stored int NOT NULL DEFAULT 0,
      failures int NOT NULL DEFAULT 0,
      created_by uuid,
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (org_id, instance_url, kind, target)
    );
    CREATE INDEX listening_sources_due ON listening_sources (next_poll_at) WHERE enabled;
    `,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runSql(db, 'DROP TABLE listening_sources;');
}

import type { Generated } from 'kysely';

export type SourceKind = 'hashtag' | 'account';
export type PollOutcome = 'ok' | 'error' | 'rate_limited';

export interface ListeningSourcesTable {
  id: string;
  org_id: string;
  network: Generated<'mastodon'>;
  /** The instance's origin (`https://mastodon.social`), without a trailing slash. */
  instance_url: string;
  kind: SourceKind;
  /** The hashtag (without #) or the account as the user gave it (`@name`, `name@host` or the instance's id). */
  target: string;
  /** The account's id on the instance, looked up once from `target`. */
  account_id: string | null;
  enabled: Generated<boolean>;
  poll_every_seconds: number;
  /** The newest status id stored: the next poll asks for what came after it (`min_id`). */
  cursor: string | null;
  next_poll_at: Generated<Date>;
  last_polled_at: Date | null;
  last_outcome: PollOutcome | null;
  last_error: string | null;
  last_stored: Generated<number>;
  last_skipped: Generated<number>;
  total_stored: Generated<number>;
  /** Polls failed in a row: the wait before the next one doubles with each. */
  failures: Generated<number>;
  created_by: string | null;
  created_at: Generated<Date>;
}

/** The sources listening polls (listening owns them). */
export type SourcesTables = { listening_sources: ListeningSourcesTable };

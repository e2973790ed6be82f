import type { ColumnType, Generated } from 'kysely';

export type TopicKind = 'brand' | 'product' | 'competitor' | 'category';
/** A topic is a tag with a kind; an auto-tagging rule is a tag of the kind `tag`. Both share one membership. */
export type TagKind = TopicKind | 'tag';
export type ImportLineError = { line: number; reason: string };

export interface ListeningMentionsTable {
  id: string;
  org_id: string;
  /** souk, twitter, mastodon, bluesky, csv, jsonl */
  source: string;
  external_id: string;
  /** The Souk post, for native mentions. */
  post_id: string | null;
  text: string;
  author_handle: string;
  author_followers: number | null;
  language: string;
  posted_at: ColumnType<Date, Date, Date>;
  url: string | null;
  /** External id (same source) of the message this one answers: threads are rebuilt from it. */
  in_reply_to: string | null;
  reshares: Generated<number>;
  hashtags: Generated<string[]>;
  mentions: Generated<string[]>;
  has_link: Generated<boolean>;
  sentiment: number;
  intent: string;
  products: Generated<string[]>;
  competitors: Generated<string[]>;
  import_id: string | null;
  /** The care conversation opened from this mention (Souk posts only). */
  care_conversation_id: Generated<string | null>;
  created_at: Generated<Date>;
  search: ColumnType<string, never, never>;
}

export interface ListeningTopicsTable {
  id: string;
  org_id: string;
  name: string;
  kind: TagKind;
  query: string;
  created_at: Generated<Date>;
}

/** A mention's membership of a topic or tag, with what the rollup and the page's edges need of the mention. */
export interface ListeningMentionTagsTable {
  topic_id: string;
  mention_id: string;
  org_id: string;
  posted_at: Date;
  sentiment: number;
  intent: string;
}

/** Per topic, UTC day and intent: the counts and sentiment sum of its mentions, kept with the membership rows. */
export interface ListeningTopicDaysTable {
  topic_id: string;
  day: ColumnType<string, string, string>;
  intent: string;
  org_id: string;
  mentions: number;
  negative: number;
  positive: number;
  sentiment_sum: number;
}

/** Applying a topic's (or tag's) query to the mentions stored before it, in chunks by id. */
export interface ListeningBackfillsTable {
  topic_id: string;
  org_id: string;
  /** A new run (the query changed) makes the chunks of the old one stop. */
  run_id: string;
  status: 'running' | 'done';
  after_id: string | null;
  done: Generated<number>;
  total: number;
  started_at: Generated<Date>;
  finished_at: Date | null;
}

export interface ListeningImportsTable {
  id: string;
  org_id: string;
  format: string;
  file_name: string | null;
  status: Generated<'running' | 'done' | 'failed'>;
  imported: Generated<number>;
  duplicates: Generated<number>;
  ignored: Generated<number>;
  error_count: Generated<number>;
  errors: ColumnType<ImportLineError[], string | undefined, string>;
  failure: string | null;
  started_by: string | null;
  started_at: Generated<Date>;
  finished_at: Date | null;
}

/** Why a spike happened: what is over-represented in it against the four weeks before, and its most reshared mention. */
export type SpikeExplanation = {
  terms: { key: string; spike: number; baseline: number; z: number }[];
  hashtags: { key: string; spike: number; baseline: number; z: number }[];
  authors: { key: string; spike: number; baseline: number; z: number }[];
  topMention: { id: string; text: string; authorHandle: string; reshares: number } | null;
};

export interface ListeningSpikesTable {
  id: string;
  org_id: string;
  topic_id: string;
  started_at: Date;
  ended_at: Date;
  peak_at: Date;
  observed: number;
  expected: number;
  p_value: number;
  explanation: ColumnType<SpikeExplanation, string, string>;
  detected_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export type AlertChannelName = 'in_app' | 'webhook' | 'email';

export interface ListeningAlertSettingsTable {
  org_id: string;
  in_app: boolean;
  email_to: string[];
  webhook_url: string | null;
  /** The HMAC key webhook bodies are signed with (made by Souk when a URL is first set). */
  webhook_secret: string | null;
  updated_at: Generated<Date>;
}

export interface ListeningAlertDeliveriesTable {
  id: string;
  org_id: string;
  spike_id: string;
  channel: AlertChannelName;
  /** The outbox event that announced the spike (in-app notifications are kept once per event). */
  event_id: number;
  alert: ColumnType<unknown, string, string>;
  status: Generated<'pending' | 'sent' | 'failed'>;
  attempts: Generated<number>;
  next_attempt_at: Generated<Date>;
  last_error: string | null;
  sent_at: Date | null;
  created_at: Generated<Date>;
}

/** The tables the listening module owns. */
export type ListeningTables = {
  listening_spikes: ListeningSpikesTable;
  listening_mentions: ListeningMentionsTable;
  listening_topics: ListeningTopicsTable;
  listening_mention_tags: ListeningMentionTagsTable;
  listening_topic_days: ListeningTopicDaysTable;
  listening_backfills: ListeningBackfillsTable;
  listening_imports: ListeningImportsTable;
  listening_alert_settings: ListeningAlertSettingsTable;
  listening_alert_deliveries: ListeningAlertDeliveriesTable;
};

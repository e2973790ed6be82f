import type { Kysely } from 'kysely';
import { runSql } from './run-sql.ts';

// Care workflow extras: merging a customer's conversations (with an activity trail), @mentions in internal notes
// (notified to colleagues), a per-brand public reply limit, and identities on other networks that the person
// themself confirms. Notifications learn two kinds that point at a brand and a subject instead of a post.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runSql(
    db,
    `
    ALTER TABLE care_conversations ADD COLUMN merged_into_id uuid REFERENCES care_conversations (id);
    ALTER TABLE care_conversations ADD COLUMN merged_at timestamptz;
    CREATE INDEX care_conversations_merged_into ON care_conversations (merged_into_id) WHERE merged_into_id IS NOT NULL;
    ALTER TABLE care_messages ADD COLUMN mention_ids uuid[] NOT NULL DEFAULT '{}';
    CREATE TABLE care_activity (
      id uuid PRIMARY KEY,
      org_id uuid NOT NULL,
      conversation_id uuid NOT NULL REFERENCES care_conversations (id) ON DELETE CASCADE,
      actor_id uuid NOT NULL,
      kind text NOT NULL CHECK (kind IN ('merged_into', 'merged_from')),
      other_conversation_id uuid,
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX care_activity_conversation ON care_activity (conversation_id, created_at);
    -- A public reply is a post, and a post holds at most 500 characters: a larger limit could never be used.
    CREATE TABLE care_inbox_settings (
      org_id uuid PRIMARY KEY,
      public_reply_limit int NOT NULL DEFAULT 280 CHECK (public_reply_limit BETWEEN 1 AND 500),
      updated_by uuid,
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    -- Proposed by a brand, visible to that brand as linked only once the person confirmed it.
    CREATE TABLE care_identity_links (
      id uuid PRIMARY KEY,
      org_id uuid NOT NULL,
      customer_id uuid NOT NULL,
      network text NOT NULL,
      handle text NOT NULL,
      url text,
      status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'confirmed', 'declined', 'removed')),
      proposed_by uuid NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      decided_at timestamptz
    );
    CREATE UNIQUE INDEX care_identity_links_once ON care_identity_links (org_id, customer_id, lower(network), lower(handle)) WHERE status <> 'removed';
    CREATE INDEX care_identity_links_customer ON care_identity_links (customer_id, created_at DESC);
    ALTER TABLE notifications DROP CONSTRAINT notifications_kind_check;
    ALTER TABLE notifications ADD CONSTRAINT notifications_kind_check CHECK (kind IN ('mention', 'reply', 'reshare', 'like', 'follow', 'care_mention', 'identity_link'));
    ALTER TABLE notifications ADD COLUMN org_id uuid;
    ALTER TABLE notifications ADD COLUMN subject_id uuid;
    ALTER TABLE notifications ADD COLUMN detail jsonb;
    `,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runSql(
    db,
    `
    DELETE FROM notifications WHERE kind IN ('care_mention', 'identity_link');
    ALTER TABLE notifications DROP COLUMN detail;
    ALTER TABLE notifications DROP COLUMN subject_id;
    ALTER TABLE notifications DROP COLUMN org_id;
    ALTER TABLE notifications DROP CONSTRAINT notifications_kind_check;
    ALTER TABLE notifications ADD CONSTRAINT notifications_kind_check CHECK (kind IN ('mention', 'reply', 'reshare', 'like', 'follow'));
    DROP TABLE care_identity_links;
    DROP TABLE care_inbox_settings;
    DROP TABLE care_activity;
    ALTER TABLE care_messages DROP COLUMN mention_ids;
    DROP INDEX care_conversations_merged_into;
    ALTER TABLE care_conversations DROP COLUMN merged_at;
    ALTER TABLE care_conversations DROP COLUMN merged_into_id;
    `,
  );
}

import type { Kysely } from 'kysely';
import { runSql } from './run-sql.ts';

// The care inbox: each customer's thread with a brand is a conversation of messages, triaged on arrival,
// routed to a queue by the brand's rules and assigned round-robin among available agents.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runSql(
    db,
    `
    CREATE TABLE care_queues (
      id uuid PRIMARY KEY,
      org_id uuid NOT NULL,
      name text NOT NULL,
      position int NOT NULL DEFAULT 0,
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (org_id, name)
    );
    CREATE TABLE care_rules (
      id uuid PRIMARY KEY,
      org_id uuid NOT NULL,
      position int NOT NULL,
      name text NOT NULL,
      conditions jsonb NOT NULL,
      actions jsonb NOT NULL,
      enabled boolean NOT NULL DEFAULT true,
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX care_rules_org ON care_rules (org_id, position);
    CREATE TABLE care_agents (
      org_id uuid NOT NULL,
      user_id uuid NOT NULL,
      status text NOT NULL DEFAULT 'online' CHECK (status IN ('online', 'away')),
      max_open int NOT NULL DEFAULT 25 CHECK (max_open > 0),
      last_assigned_at timestamptz,
      PRIMARY KEY (org_id, user_id)
    );
    CREATE TABLE care_conversations (
      id uuid PRIMARY KEY,
      org_id uuid NOT NULL,
      customer_id uuid NOT NULL,
      queue_id uuid REFERENCES care_queues (id) ON DELETE SET NULL,
      status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'pending', 'resolved')),
      priority text NOT NULL DEFAULT 'normal' CHECK (priority IN ('low', 'normal', 'high', 'urgent')),
      assignee_id uuid,
      intent text NOT NULL,
      intent_confidence real NOT NULL,
      sentiment real NOT NULL,
      language text NOT NULL,
      tags text[] NOT NULL DEFAULT '{}',
      thread_root_id uuid,
      previous_id uuid REFERENCES care_conversations (id),
      opened_at timestamptz NOT NULL DEFAULT now(),
      last_customer_message_at timestamptz NOT NULL DEFAULT now(),
      first_response_at timestamptz,
      last_response_at timestamptz,
      resolved_at timestamptz,
      snoozed_until timestamptz,
      -- Moving to private needs the customer's consent: none → requested → granted or declined.
      private_consent text NOT NULL DEFAULT 'none' CHECK (private_consent IN ('none', 'requested', 'granted', 'declined')),
      csat_score int CHECK (csat_score BETWEEN 1 AND 5),
      csat_at timestamptz
    );
    CREATE INDEX care_conversations_inbox ON care_conversations (org_id, status, last_customer_message_at DESC);
    CREATE INDEX care_conversations_customer ON care_conversations (org_id, customer_id, opened_at DESC);
    CREATE INDEX care_conversations_assignee ON care_conversations (org_id, assignee_id) WHERE status <> 'resolved';
    CREATE TABLE care_messages (
      id uuid PRIMARY KEY,
      conversation_id uuid NOT NULL REFERENCES care_conversations (id) ON DELETE CASCADE,
      org_id uuid NOT NULL,
      post_id uuid,
      author_id uuid NOT NULL,
      direction text NOT NULL CHECK (direction IN ('in', 'out', 'note')),
      visibility text NOT NULL,
      text text NOT NULL,
      intent text,
      intent_confidence real,
      corrected_intent text,
      corrected_by uuid,
      sentiment real,
      products text[] NOT NULL DEFAULT '{}',
      competitors text[] NOT NULL DEFAULT '{}',
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE UNIQUE INDEX care_messages_post ON care_messages (org_id, post_id) WHERE post_id IS NOT NULL;
    CREATE TABLE care_canned_replies (
      id uuid PRIMARY KEY,
      org_id uuid NOT NULL,
      title text NOT NULL,
      body text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (org_id, title)
    );
    CREATE INDEX care_messages_conversation ON care_messages (conversation_id, created_at);
    `,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runSql(
    db,
    'DROP TABLE care_canned_replies; DROP TABLE care_messages; DROP TABLE care_conversations; DROP TABLE care_agents; DROP TABLE care_rules; DROP TABLE care_queues;',
  );
}

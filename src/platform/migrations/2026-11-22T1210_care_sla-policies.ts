import type { Kysely } from 'kysely';
import { runSql } from './run-sql.ts';

// SLA policies per queue and priority, business hours per brand, and the SLA clocks each conversation carries.
// A brand without business hours runs round the clock in UTC, so existing clocks are backfilled in wall-clock
// minutes with the default targets (minutes: first response / next response / resolution): urgent 30/30/240,
// high 60/60/480, normal 240/240/1440, low 1440/1440/4320.
const DEFAULTS = `(VALUES ('urgent', 30, 30, 240), ('high', 60, 60, 480), ('normal', 240, 240, 1440), ('low', 1440, 1440, 4320))
  AS d (priority, first_response, next_response, resolution)`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await runSql(
    db,
    `
    CREATE TABLE care_business_hours (
      org_id uuid PRIMARY KEY,
      timezone text NOT NULL,
      -- [{ "day": "mon", "start": "09:00", "end": "17:00" }, …], local wall-clock times
      periods jsonb NOT NULL,
      holidays text[] NOT NULL DEFAULT '{}',
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE TABLE care_sla_policies (
      id uuid PRIMARY KEY,
      org_id uuid NOT NULL,
      -- NULL: the brand-wide default for the priority, used by queues without their own policy
      queue_id uuid REFERENCES care_queues (id) ON DELETE CASCADE,
      priority text NOT NULL CHECK (priority IN ('low', 'normal', 'high', 'urgent')),
      first_response_minutes int NOT NULL CHECK (first_response_minutes > 0),
      next_response_minutes int NOT NULL CHECK (next_response_minutes > 0),
      resolution_minutes int NOT NULL CHECK (resolution_minutes > 0)
    );
    CREATE UNIQUE INDEX care_sla_policies_queue ON care_sla_policies (org_id, queue_id, priority)
      WHERE queue_id IS NOT NULL;
    CREATE UNIQUE INDEX care_sla_policies_brand ON care_sla_policies (org_id, priority) WHERE queue_id IS NULL;

    ALTER TABLE care_conversations
      -- the customer has waited for an answer since (NULL: not waiting); starts the first- or next-response clock
      ADD COLUMN sla_awaiting_since timestamptz,
      -- the resolution clock started (opening or reopening; NULL once resolved)
      ADD COLUMN sla_resolution_since timestamptz,
      ADD COLUMN sla_response_due_at timestamptz,
      ADD COLUMN sla_resolution_due_at timestamptz,
      -- the running clock due first, shown as the live timer
      ADD COLUMN sla_target text CHECK (sla_target IN ('first_response', 'next_response', 'resolution')),
      ADD COLUMN sla_due_at timestamptz,
      -- clocks that stopped late; a clock still running past its due time is counted when read
      ADD COLUMN sla_breaches int NOT NULL DEFAULT 0,
      ADD COLUMN sla_last_breach_target text
        CHECK (sla_last_breach_target IN ('first_response', 'next_response', 'resolution')),
      ADD COLUMN sla_last_breach_at timestamptz,
      ADD COLUMN first_response_business_minutes real,
      ADD COLUMN resolution_business_minutes real;
    CREATE INDEX care_conversations_sla_due ON care_conversations (org_id, sla_due_at) WHERE sla_due_at IS NOT NULL;

    INSERT INTO care_sla_policies (id, org_id, queue_id, priority, first_response_minutes, next_response_minutes, resolution_minutes)
      SELECT gen_random_uuid(), o.org_id, NULL, d.priority, d.first_response, d.next_response, d.resolution
      FROM (SELECT DISTINCT org_id FROM care_queues) o CROSS JOIN ${DEFAULTS};
    INSERT INTO care_sla_policies (id, org_id, queue_id, priority, first_response_minutes, next_response_minutes, resolution_minutes)
      SELECT gen_random_uuid(), q.org_id, q.id, d.priority, d.first_response, d.next_response, d.resolution
      FROM care_queues q CROSS JOIN ${DEFAULTS};

    UPDATE care_conversations SET
      sla_awaiting_since = CASE
        WHEN status = 'resolved' THEN NULL
        WHEN first_response_at IS NULL THEN opened_at
        WHEN last_response_at IS NULL OR last_customer_message_at > last_response_at THEN last_customer_message_at
      END,
      sla_resolution_since = CASE WHEN status = 'resolved' THEN NULL ELSE opened_at END,
      first_response_business_minutes = extract(epoch FROM first_response_at - opened_at) / 60,
      resolution_business_minutes = extract(epoch FROM resolved_at - opened_at) / 60;
    UPDATE care_conversations c SET
      sla_response_due_at = c.sla_awaiting_since + make_interval(mins =>
        CASE WHEN c.first_response_at IS NULL THEN d.first_response ELSE d.next_response END),
      sla_resolution_due_at = c.sla_resolution_since + make_interval(mins => d.resolution)
    FROM ${DEFAULTS}
    WHERE d.priority = c.priority;
    UPDATE care_conversations SET
      sla_target = CASE
        WHEN sla_response_due_at IS NOT NULL AND (sla_resolution_due_at IS NULL OR sla_response_due_at <= sla_resolution_due_at)
          THEN CASE WHEN first_response_at IS NULL THEN 'first_response' ELSE 'next_response' END
        WHEN sla_resolution_due_at IS NOT NULL THEN 'resolution'
      END,
      sla_due_at = least(sla_response_due_at, sla_resolution_due_at);
    `,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runSql(
    db,
    `DROP INDEX care_conversations_sla_due;
    ALTER TABLE care_conversations
      DROP COLUMN sla_awaiting_since, DROP COLUMN sla_resolution_since, DROP COLUMN sla_response_due_at,
      DROP COLUMN sla_resolution_due_at, DROP COLUMN sla_target, DROP COLUMN sla_due_at, DROP COLUMN sla_breaches,
      DROP COLUMN sla_last_breach_target, DROP COLUMN sla_last_breach_at,
      DROP COLUMN first_response_business_minutes, DROP COLUMN resolution_business_minutes;
    DROP TABLE care_sla_policies;
    DROP TABLE care_business_hours;`,
  );
}

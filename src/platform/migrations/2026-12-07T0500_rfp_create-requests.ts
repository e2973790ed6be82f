import type { Kysely } from 'kysely';
import { runSql } from './run-sql.ts';

// Public requests for proposals: a consumer's request (also a post of kind 'rfp', same id), the brands it asks,
// the brands' pitches with their quoted lines, and the award that turns one pitch into an order.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runSql(
    db,
    `
    CREATE TABLE rfp_requests (
      id uuid PRIMARY KEY,
      author_id uuid NOT NULL,
      title text NOT NULL,
      details text NOT NULL,
      budget_minor integer NOT NULL CHECK (budget_minor >= 0),
      currency text NOT NULL,
      deadline timestamptz NOT NULL,
      location text,
      status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'awarding', 'awarded', 'withdrawn')),
      awarded_pitch_id uuid,
      order_id uuid,
      award_key text,
      created_at timestamptz NOT NULL DEFAULT now(),
      closed_at timestamptz
    );
    CREATE INDEX rfp_requests_author ON rfp_requests (author_id, created_at DESC);
    CREATE TABLE rfp_targets (
      request_id uuid NOT NULL,
      org_id uuid NOT NULL,
      created_at timestamptz NOT NULL,
      deadline timestamptz NOT NULL,
      open boolean NOT NULL DEFAULT true,
      first_pitch_at timestamptz,
      PRIMARY KEY (request_id, org_id)
    );
    CREATE INDEX rfp_targets_queue ON rfp_targets (org_id, created_at DESC, request_id) WHERE open;
    CREATE INDEX rfp_targets_org ON rfp_targets (org_id, created_at DESC);
    CREATE TABLE rfp_pitches (
      id uuid PRIMARY KEY,
      request_id uuid NOT NULL,
      org_id uuid NOT NULL,
      author_id uuid NOT NULL,
      title text NOT NULL,
      terms text NOT NULL,
      message text NOT NULL,
      total_minor integer NOT NULL CHECK (total_minor >= 0),
      currency text NOT NULL,
      status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'withdrawn', 'declined', 'won', 'lost')),
      shortlisted boolean NOT NULL DEFAULT false,
      decline_reason text,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE UNIQUE INDEX rfp_pitches_one_per_brand ON rfp_pitches (request_id, org_id) WHERE status <> 'withdrawn';
    CREATE INDEX rfp_pitches_request ON rfp_pitches (request_id, created_at);
    CREATE INDEX rfp_pitches_org ON rfp_pitches (org_id, created_at DESC);
    CREATE TABLE rfp_pitch_items (
      pitch_id uuid NOT NULL,
      line integer NOT NULL,
      product_id uuid NOT NULL,
      variant_id uuid NOT NULL,
      title text NOT NULL,
      quantity integer NOT NULL CHECK (quantity > 0),
      unit_price_minor integer NOT NULL CHECK (unit_price_minor >= 0),
      list_price_minor integer NOT NULL,
      PRIMARY KEY (pitch_id, line)
    );
    `,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runSql(db, 'DROP TABLE rfp_pitch_items, rfp_pitches, rfp_targets, rfp_requests');
}

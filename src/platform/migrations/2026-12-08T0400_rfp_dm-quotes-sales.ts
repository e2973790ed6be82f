import type { Kysely } from 'kysely';
import { runSql } from './run-sql.ts';

// Requests for proposals, finished: a brand's invitation to continue by direct message (per asked brand), VRM
// quotes priced from the brand's margin rules, and the social sales team's monthly targets and commission rules.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runSql(
    db,
    `
    ALTER TABLE rfp_targets
      ADD COLUMN dm_status text NOT NULL DEFAULT 'none'
        CHECK (dm_status IN ('none', 'invited', 'accepted', 'declined')),
      ADD COLUMN dm_conversation_id uuid;
    CREATE TABLE rfp_margin_rules (
      org_id uuid NOT NULL,
      product_id uuid NOT NULL,
      cost_minor integer CHECK (cost_minor >= 0),
      min_margin_percent integer CHECK (min_margin_percent BETWEEN 0 AND 1000),
      min_price_minor integer CHECK (min_price_minor >= 0),
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (org_id, product_id)
    );
    CREATE TABLE rfp_quotes (
      id uuid PRIMARY KEY,
      org_id uuid NOT NULL,
      customer_id uuid NOT NULL,
      author_id uuid NOT NULL,
      conversation_id uuid,
      message text NOT NULL,
      asked_price_minor integer,
      total_minor integer NOT NULL CHECK (total_minor >= 0),
      currency text NOT NULL,
      sent_as text NOT NULL CHECK (sent_as IN ('public', 'private')),
      status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'accepting', 'accepted', 'declined')),
      expires_at timestamptz NOT NULL,
      order_id uuid,
      accept_key text,
      created_at timestamptz NOT NULL DEFAULT now(),
      decided_at timestamptz
    );
    CREATE INDEX rfp_quotes_org ON rfp_quotes (org_id, created_at DESC);
    CREATE INDEX rfp_quotes_customer ON rfp_quotes (customer_id, created_at DESC);
    CREATE TABLE rfp_quote_items (
      quote_id uuid NOT NULL,
      line integer NOT NULL,
      product_id uuid NOT NULL,
      variant_id uuid NOT NULL,
      title text NOT NULL,
      quantity integer NOT NULL CHECK (quantity > 0),
      unit_price_minor integer NOT NULL CHECK (unit_price_minor >= 0),
      list_price_minor integer NOT NULL,
      floor_minor integer NOT NULL,
      PRIMARY KEY (quote_id, line)
    );
    CREATE TABLE rfp_sales_targets (
      org_id uuid NOT NULL,
      user_id uuid NOT NULL,
      month text NOT NULL CHECK (month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
      revenue_minor integer NOT NULL CHECK (revenue_minor >= 0),
      currency text NOT NULL,
      pitches integer NOT NULL CHECK (pitches >= 0),
      first_response_seconds integer NOT NULL CHECK (first_response_seconds > 0),
      PRIMARY KEY (org_id, month, user_id)
    );
    CREATE TABLE rfp_commission_rules (
      org_id uuid PRIMARY KEY,
      base_bp integer NOT NULL CHECK (base_bp BETWEEN 0 AND 10000),
      tiers jsonb NOT NULL DEFAULT '[]',
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    `,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runSql(
    db,
    `DROP TABLE rfp_commission_rules, rfp_sales_targets, rfp_quote_items, rfp_quotes, rfp_margin_rules;
     ALTER TABLE rfp_targets DROP COLUMN dm_status, DROP COLUMN dm_conversation_id`,
  );
}

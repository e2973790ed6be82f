import type { Kysely } from 'kysely';
import { runSql } from './run-sql.ts';

// Discount codes and their redemptions (one per order, counted against the code's limits while the order holds
// it, released when an unpaid order is cancelled); shipping zones and per-country tax rates; an order's price
// breakdown; returns a buyer requests on an order line; a brand's return window and tax-inclusive setting.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runSql(
    db,
    `
    CREATE TABLE discount_codes (
      id uuid PRIMARY KEY,
      org_id uuid NOT NULL,
      code text NOT NULL,
      kind text NOT NULL CHECK (kind IN ('percent', 'amount')),
      percent_off int CHECK (percent_off BETWEEN 1 AND 100),
      amount_minor int CHECK (amount_minor > 0),
      currency text NOT NULL,
      min_order_minor int CHECK (min_order_minor >= 0),
      starts_at timestamptz NOT NULL DEFAULT now(),
      ends_at timestamptz,
      usage_limit int CHECK (usage_limit > 0),
      per_customer_limit int CHECK (per_customer_limit > 0),
      product_ids jsonb NOT NULL DEFAULT '[]',
      deal_ids jsonb NOT NULL DEFAULT '[]',
      used int NOT NULL DEFAULT 0 CHECK (used >= 0),
      disabled_at timestamptz,
      created_by uuid NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (org_id, code)
    );
    CREATE TABLE discount_redemptions (
      order_id uuid PRIMARY KEY REFERENCES orders (id) ON DELETE CASCADE,
      code_id uuid NOT NULL REFERENCES discount_codes (id),
      buyer_id uuid NOT NULL,
      amount_minor int NOT NULL,
      released_at timestamptz,
      at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX discount_redemptions_held ON discount_redemptions (code_id, buyer_id) WHERE released_at IS NULL;

    CREATE TABLE shipping_zones (
      id uuid PRIMARY KEY,
      org_id uuid NOT NULL,
      name text NOT NULL,
      countries jsonb NOT NULL,
      rate_minor int NOT NULL CHECK (rate_minor >= 0),
      free_over_minor int CHECK (free_over_minor >= 0),
      currency text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX shipping_zones_org ON shipping_zones (org_id);
    CREATE TABLE tax_rates (
      org_id uuid NOT NULL,
      country text NOT NULL,
      rate_bp int NOT NULL CHECK (rate_bp BETWEEN 0 AND 10000),
      PRIMARY KEY (org_id, country)
    );
    ALTER TABLE commerce_settings
      ADD COLUMN prices_include_tax boolean NOT NULL DEFAULT true,
      ADD COLUMN return_window_days int NOT NULL DEFAULT 30;

    ALTER TABLE orders
      ADD COLUMN items_minor int,
      ADD COLUMN discount_minor int NOT NULL DEFAULT 0,
      ADD COLUMN discount_code text,
      ADD COLUMN shipping_minor int NOT NULL DEFAULT 0,
      ADD COLUMN tax_minor int NOT NULL DEFAULT 0,
      ADD COLUMN tax_rate_bp int NOT NULL DEFAULT 0,
      ADD COLUMN tax_included boolean NOT NULL DEFAULT true;
    ALTER TABLE order_items ADD COLUMN discount_minor int NOT NULL DEFAULT 0;

    CREATE TABLE order_returns (
      id uuid PRIMARY KEY,
      org_id uuid NOT NULL,
      order_id uuid NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
      buyer_id uuid NOT NULL,
      line int NOT NULL,
      quantity int NOT NULL CHECK (quantity > 0),
      reason text NOT NULL,
      note text NOT NULL DEFAULT '',
      status text NOT NULL CHECK (status IN ('requested', 'approved', 'rejected', 'received', 'refunded')),
      decision_note text,
      refund_minor int,
      decided_by uuid,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (order_id, line)
    );
    CREATE INDEX order_returns_org ON order_returns (org_id, created_at DESC);

    `,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runSql(
    db,
    `
    DROP TABLE order_returns;
    ALTER TABLE order_items DROP COLUMN discount_minor;
    ALTER TABLE orders DROP COLUMN items_minor, DROP COLUMN discount_minor, DROP COLUMN discount_code,
      DROP COLUMN shipping_minor, DROP COLUMN tax_minor, DROP COLUMN tax_rate_bp, DROP COLUMN tax_included;
    ALTER TABLE commerce_settings DROP COLUMN prices_include_tax, DROP COLUMN return_window_days;
    DROP TABLE tax_rates; DROP TABLE shipping_zones; DROP TABLE discount_redemptions; DROP TABLE discount_codes;
    `,
  );
}

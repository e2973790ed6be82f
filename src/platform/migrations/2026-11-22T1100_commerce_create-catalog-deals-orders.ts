import type { Kysely } from 'kysely';
import { runSql } from './run-sql.ts';

// Money is integer minor units with an ISO currency code. Stock, deal caps and per-customer limits are
// enforced by conditional updates and CHECK constraints, so no interleaving can oversell.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runSql(
    db,
    `
    CREATE TABLE products (
      id uuid PRIMARY KEY,
      org_id uuid NOT NULL,
      slug text NOT NULL,
      title text NOT NULL,
      description text NOT NULL DEFAULT '',
      images jsonb NOT NULL DEFAULT '[]',
      price_minor int NOT NULL CHECK (price_minor >= 0),
      currency text NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
      reseller_floor_minor int CHECK (reseller_floor_minor >= 0),
      exclusive boolean NOT NULL DEFAULT false,
      archived_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (org_id, slug)
    );
    CREATE TABLE product_variants (
      id uuid PRIMARY KEY,
      org_id uuid NOT NULL,
      product_id uuid NOT NULL REFERENCES products (id) ON DELETE CASCADE,
      sku text NOT NULL,
      name text NOT NULL DEFAULT '',
      stock int NOT NULL CHECK (stock >= 0),
      position int NOT NULL DEFAULT 0,
      UNIQUE (org_id, sku)
    );
    CREATE INDEX product_variants_product ON product_variants (product_id, position);
    CREATE TABLE deals (
      id uuid PRIMARY KEY,
      org_id uuid NOT NULL,
      type text NOT NULL CHECK (type IN ('percent_off', 'amount_off', 'fixed_price', 'bundle', 'free_addon')),
      value_minor int,
      percent_off int CHECK (percent_off BETWEEN 1 AND 100),
      currency text NOT NULL,
      starts_at timestamptz NOT NULL,
      ends_at timestamptz NOT NULL,
      quantity_cap int CHECK (quantity_cap > 0),
      sold int NOT NULL DEFAULT 0,
      per_customer_limit int CHECK (per_customer_limit > 0),
      audience text NOT NULL DEFAULT 'followers',
      guard_override_reason text,
      guard_override_by uuid,
      impressions int NOT NULL DEFAULT 0,
      clicks int NOT NULL DEFAULT 0,
      created_by uuid NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      CHECK (ends_at > starts_at),
      CHECK (quantity_cap IS NULL OR sold <= quantity_cap),
      CHECK (sold >= 0)
    );
    CREATE INDEX deals_org ON deals (org_id, created_at DESC);
    CREATE TABLE deal_items (
      deal_id uuid NOT NULL REFERENCES deals (id) ON DELETE CASCADE,
      product_id uuid NOT NULL REFERENCES products (id),
      role text NOT NULL CHECK (role IN ('main', 'addon')),
      PRIMARY KEY (deal_id, product_id)
    );
    CREATE TABLE deal_purchases (
      deal_id uuid NOT NULL REFERENCES deals (id) ON DELETE CASCADE,
      buyer_id uuid NOT NULL,
      quantity int NOT NULL CHECK (quantity >= 0),
      PRIMARY KEY (deal_id, buyer_id)
    );
    CREATE TABLE orders (
      id uuid PRIMARY KEY,
      org_id uuid NOT NULL,
      buyer_id uuid NOT NULL,
      status text NOT NULL CHECK (status IN ('pending', 'paid', 'fulfilled', 'cancelled', 'refunded')),
      currency text NOT NULL,
      total_minor int NOT NULL CHECK (total_minor >= 0),
      refunded_minor int NOT NULL DEFAULT 0 CHECK (refunded_minor >= 0 AND refunded_minor <= total_minor),
      deal_id uuid,
      payment_ref text,
      shipping_address jsonb NOT NULL,
      attribution_kind text NOT NULL CHECK (attribution_kind IN ('direct', 'post', 'reshare', 'referral')),
      attribution_post_id uuid,
      attribution_chain jsonb NOT NULL DEFAULT '[]',
      attribution_referrer_id uuid,
      idempotency_key text,
      idempotency_hash text,
      expires_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE UNIQUE INDEX orders_idempotency ON orders (buyer_id, idempotency_key) WHERE idempotency_key IS NOT NULL;
    CREATE INDEX orders_org ON orders (org_id, id DESC);
    CREATE INDEX orders_buyer ON orders (buyer_id, id DESC);
    CREATE INDEX orders_deal ON orders (deal_id) WHERE deal_id IS NOT NULL;
    CREATE INDEX orders_expiring ON orders (expires_at) WHERE status = 'pending';
    CREATE UNIQUE INDEX orders_payment_ref ON orders (payment_ref) WHERE payment_ref IS NOT NULL;
    CREATE TABLE order_items (
      order_id uuid NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
      line int NOT NULL,
      product_id uuid NOT NULL,
      variant_id uuid NOT NULL,
      title text NOT NULL,
      sku text NOT NULL,
      quantity int NOT NULL CHECK (quantity > 0),
      unit_price_minor int NOT NULL CHECK (unit_price_minor >= 0),
      PRIMARY KEY (order_id, line)
    );
    CREATE TABLE order_history (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      order_id uuid NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
      status text NOT NULL,
      actor_id uuid,
      note text,
      amount_minor int,
      idempotency_key text,
      at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX order_history_order ON order_history (order_id, id);
    CREATE UNIQUE INDEX order_history_idempotency ON order_history (order_id, idempotency_key) WHERE idempotency_key IS NOT NULL;
    CREATE TABLE addresses (
      id uuid PRIMARY KEY,
      user_id uuid NOT NULL,
      name text NOT NULL,
      line1 text NOT NULL,
      line2 text NOT NULL DEFAULT '',
      city text NOT NULL,
      postal_code text NOT NULL,
      country text NOT NULL CHECK (country ~ '^[A-Z]{2}$'),
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX addresses_user ON addresses (user_id, created_at);
    CREATE TABLE cart_items (
      user_id uuid NOT NULL,
      variant_id uuid NOT NULL REFERENCES product_variants (id) ON DELETE CASCADE,
      quantity int NOT NULL CHECK (quantity > 0),
      added_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (user_id, variant_id)
    );
    CREATE TABLE attribution_touches (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      org_id uuid NOT NULL,
      buyer_id uuid NOT NULL,
      deal_id uuid,
      kind text NOT NULL CHECK (kind IN ('post', 'reshare', 'referral')),
      post_id uuid,
      chain jsonb NOT NULL DEFAULT '[]',
      referrer_id uuid,
      at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX attribution_touches_buyer ON attribution_touches (buyer_id, org_id, at DESC);
    CREATE TABLE commerce_settings (
      org_id uuid PRIMARY KEY,
      attribution_window_days int NOT NULL DEFAULT 30 CHECK (attribution_window_days BETWEEN 1 AND 365),
      attribution_model text NOT NULL DEFAULT 'last_touch' CHECK (attribution_model IN ('last_touch', 'first_touch'))
    );
    `,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runSql(
    db,
    `DROP TABLE commerce_settings; DROP TABLE attribution_touches; DROP TABLE cart_items; DROP TABLE addresses;
     DROP TABLE order_history; DROP TABLE order_items; DROP TABLE orders; DROP TABLE deal_purchases; DROP TABLE deal_items;
     DROP TABLE deals; DROP TABLE product_variants; DROP TABLE products;`,
  );
}

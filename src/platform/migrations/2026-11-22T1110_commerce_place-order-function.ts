import type { Kysely } from 'kysely';
import { sql } from 'kysely';

// The checkout's write path as one server-side function: one round trip and one commit per order. Measured
// reason (BENCHMARKS.md, flash deal): the same steps as separate statements spent most of their time in
// per-statement overhead (about 0.5 ms each on PGlite) and held the hot deal and stock rows across round trips.
// Pricing stays in TypeScript; the function only checks that the list prices it was given are still current,
// and returns the attribution it credited.
// Failures raise P0001 with a stable code as the message; the transaction then leaves nothing behind.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(`
CREATE FUNCTION commerce_place_order(p jsonb) RETURNS jsonb LANGUAGE plpgsql AS $fn$
DECLARE
  v_order uuid := (p->>'order_id')::uuid;
  v_buyer uuid := (p->>'buyer_id')::uuid;
  v_deal uuid := (p->>'deal_id')::uuid;
  v_units int := coalesce((p->>'deal_units')::int, 0);
  v_limit int;
  v_count int;
  v_line record;
  v_event bigint;
  v_event_spec jsonb;
  v_reason text;
  v_org uuid := (p->>'org_id')::uuid;
  v_attr jsonb;
BEGIN
  -- Two requests with one Idempotency-Key take turns here; the later one then finds the first's order.
  PERFORM pg_advisory_xact_lock(hashtextextended(v_buyer::text || ':' || (p->>'idempotency_key'), 0));
  IF EXISTS (SELECT 1 FROM orders WHERE buyer_id = v_buyer AND idempotency_key = p->>'idempotency_key') THEN
    RAISE EXCEPTION 'idempotent_replay' USING ERRCODE = 'P0001';
  END IF;

  PERFORM 1 FROM jsonb_to_recordset(p->'lines') AS l(product_id uuid, list_price_minor int)
    LEFT JOIN products pr ON pr.id = l.product_id
    WHERE pr.id IS NULL OR pr.archived_at IS NOT NULL OR pr.price_minor <> l.list_price_minor;
  IF FOUND THEN RAISE EXCEPTION 'price_changed' USING ERRCODE = 'P0001'; END IF;

  IF v_deal IS NOT NULL THEN
    UPDATE deals SET sold = sold + v_units
      WHERE id = v_deal AND now() >= starts_at AND now() < ends_at AND (quantity_cap IS NULL OR sold + v_units <= quantity_cap)
      RETURNING per_customer_limit INTO v_limit;
    IF NOT FOUND THEN
      SELECT CASE WHEN now() < starts_at THEN 'deal_not_started' WHEN now() >= ends_at THEN 'deal_expired' ELSE 'deal_sold_out' END
        INTO v_reason FROM deals WHERE id = v_deal;
      RAISE EXCEPTION '%', coalesce(v_reason, 'deal_not_found') USING ERRCODE = 'P0001';
    END IF;
    IF v_limit IS NOT NULL AND v_units > v_limit THEN RAISE EXCEPTION 'deal_limit_reached' USING ERRCODE = 'P0001'; END IF;
    INSERT INTO deal_purchases AS dp (deal_id, buyer_id, quantity) VALUES (v_deal, v_buyer, v_units)
      ON CONFLICT (deal_id, buyer_id) DO UPDATE SET quantity = dp.quantity + excluded.quantity
      WHERE v_limit IS NULL OR dp.quantity + excluded.quantity <= v_limit;
    GET DIAGNOSTICS v_count = ROW_COUNT;
    IF v_count = 0 THEN RAISE EXCEPTION 'deal_limit_reached' USING ERRCODE = 'P0001'; END IF;
  END IF;

  FOR v_line IN SELECT * FROM jsonb_to_recordset(p->'lines') AS l(line int, variant_id uuid, quantity int) ORDER BY variant_id LOOP
    UPDATE product_variants SET stock = stock - v_line.quantity WHERE id = v_line.variant_id AND stock >= v_line.quantity;
    IF NOT FOUND THEN RAISE EXCEPTION 'sold_out' USING ERRCODE = 'P0001', DETAIL = v_line.line::text; END IF;
  END LOOP;

  IF jsonb_typeof(p->'touch') = 'object' THEN
    INSERT INTO attribution_touches (org_id, buyer_id, deal_id, kind, post_id, chain, referrer_id)
      SELECT v_org, v_buyer, v_deal, t.kind, t.post_id, coalesce(t.chain, '[]'), t.referrer_id
      FROM jsonb_to_record(p->'touch') AS t(kind text, post_id uuid, chain jsonb, referrer_id uuid);
  END IF;

  -- Attribution: the touch that gets the credit within the brand's window (last touch, or first by setting).
  SELECT jsonb_build_object('kind', t.kind, 'postId', t.post_id, 'chain', t.chain, 'referrerId', t.referrer_id) INTO v_attr
    FROM attribution_touches t
    LEFT JOIN commerce_settings cs ON cs.org_id = v_org
    WHERE t.buyer_id = v_buyer AND t.org_id = v_org
      AND t.at > now() - make_interval(days => coalesce(cs.attribution_window_days, 30))
    ORDER BY CASE WHEN cs.attribution_model = 'first_touch' THEN t.id END ASC, t.id DESC
    LIMIT 1;
  v_attr := coalesce(v_attr, jsonb_build_object('kind', 'direct', 'postId', NULL, 'chain', '[]'::jsonb, 'referrerId', NULL));

  INSERT INTO orders (id, org_id, buyer_id, status, currency, total_minor, deal_id, payment_ref, shipping_address,
      attribution_kind, attribution_post_id, attribution_chain, attribution_referrer_id, idempotency_key, idempotency_hash, expires_at)
    VALUES (v_order, v_org, v_buyer, p->>'status', p->>'currency', (p->>'total_minor')::int, v_deal, p->>'payment_ref',
      p->'shipping_address', v_attr->>'kind', (v_attr->>'postId')::uuid, v_attr->'chain', (v_attr->>'referrerId')::uuid,
      p->>'idempotency_key', p->>'idempotency_hash', (p->>'expires_at')::timestamptz);
  INSERT INTO order_items (order_id, line, product_id, variant_id, title, sku, quantity, unit_price_minor)
    SELECT v_order, l.line, l.product_id, l.variant_id, l.title, l.sku, l.quantity, l.unit_price_minor
    FROM jsonb_to_recordset(p->'lines') AS l(line int, product_id uuid, variant_id uuid, title text, sku text, quantity int, unit_price_minor int);
  INSERT INTO order_history (order_id, status, actor_id, note)
    SELECT v_order, h.status, h.actor_id, h.note FROM jsonb_to_recordset(p->'history') AS h(status text, actor_id uuid, note text);

  FOR v_event_spec IN SELECT * FROM jsonb_array_elements(p->'events') LOOP
    INSERT INTO outbox_events (type, aggregate_id, payload)
      VALUES (v_event_spec->>'type', v_order::text, v_event_spec->'payload' || CASE WHEN v_event_spec->>'type' = 'order.placed'
        THEN jsonb_build_object('attribution', v_attr) ELSE '{}'::jsonb END)
      RETURNING id INTO v_event;
    INSERT INTO event_deliveries (subscriber, event_id, aggregate_id)
      SELECT s, v_event, v_order::text FROM jsonb_array_elements_text(v_event_spec->'subscribers') AS s;
  END LOOP;

  DELETE FROM cart_items WHERE user_id = v_buyer AND variant_id IN (SELECT (e->>'variant_id')::uuid FROM jsonb_array_elements(p->'lines') e);
  RETURN v_attr;
END
$fn$`)
    .execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP FUNCTION commerce_place_order(jsonb)`.execute(db);
}

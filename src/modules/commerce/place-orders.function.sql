-- The checkout batch: a batch of buyers' orders decided and written by one call, in one transaction and one
-- commit, with set-based writes (each table written once per batch, each hot deal and stock row updated once).
-- Measured reason: BENCHMARKS.md, flash deal. Called by placeOrders in orders.repo.ts; re-created on every
-- migrate from this file (see src/platform/migrations/functions.ts), so a rule change is a diff of this file.
--
-- Input: a JSON array of orders. Output: one slot per order, in order, {"ok": <credited attribution>} or
-- {"sqlstate": "P0001", "message": <code>, "detail": <line>}. An order that fails (a replayed Idempotency-Key, a
-- changed price, an Insiders-only product whose group changed since the buyer was checked against it, a deal not
-- open, sold out, over the cap or the buyer's limit, not enough stock, a discount code closed or used up for
-- everyone or for this buyer) writes nothing;
-- the others in the batch go on. Orders are decided in array order, so the earlier of two buyers racing for the
-- last unit gets it. Events go through the platform's platform_emit_events, which owns the outbox tables.
CREATE OR REPLACE FUNCTION commerce_place_orders(p jsonb) RETURNS jsonb LANGUAGE plpgsql AS $fn$
DECLARE
  v_orders jsonb[] := ARRAY(SELECT e FROM jsonb_array_elements(p) e);
  v_n int := coalesce(array_length(v_orders, 1), 0);
  v_error text[] := array_fill(NULL::text, ARRAY[v_n]);
  v_detail text[] := array_fill(NULL::text, ARRAY[v_n]);
  v_keys text[] := '{}';
  v_existing text[];
  v_mispriced int[];
  v_restricted int[];      -- orders with a line whose Insiders-only audience changed since the caller checked it
  v_restricted_line int[]; -- that line, for each
  v_deals jsonb;       -- deal id -> {sold, cap, limit, state}, kept current while orders are decided
  v_stock jsonb;       -- variant id -> stock left
  v_bought jsonb;      -- deal id:buyer id -> units already bought
  v_codes jsonb;       -- discount code id -> {used, limit, per, state}, kept current like v_deals
  v_code_used jsonb;   -- code id:buyer id -> orders holding the code
  v_c jsonb;
  v_ckey text;
  v_o jsonb;
  v_d jsonb;
  v_key text;
  v_units int;
  v_line jsonb;
  v_short int;
  v_ok int[] := '{}';
  v_touch_horizon bigint;
  v_touch_ids bigint[];
  v_touched int := 0;
  v_rank int[] := array_fill(0, ARRAY[v_n]); -- accepted orders with a touch, up to and including this one
  v_results jsonb;
BEGIN
  IF v_n = 0 THEN RETURN '[]'::jsonb; END IF;

  -- Two requests with one Idempotency-Key take turns here; the later one then finds the first's order.
  PERFORM pg_advisory_xact_lock(k) FROM (
    SELECT DISTINCT hashtextextended((e->>'buyer_id') || ':' || (e->>'idempotency_key'), 0) AS k
    FROM unnest(v_orders) e ORDER BY 1) s;
  v_existing := ARRAY(
    SELECT (o.buyer_id::text || ':' || o.idempotency_key) FROM unnest(v_orders) e
    JOIN orders o ON o.buyer_id = (e->>'buyer_id')::uuid AND o.idempotency_key = e->>'idempotency_key');
  v_mispriced := ARRAY(
    SELECT DISTINCT e.i FROM unnest(v_orders) WITH ORDINALITY AS e(o, i)
    CROSS JOIN LATERAL jsonb_to_recordset(e.o->'lines') AS l(product_id uuid, list_price_minor int)
    LEFT JOIN products pr ON pr.id = l.product_id
    WHERE pr.id IS NULL OR pr.archived_at IS NOT NULL OR pr.price_minor <> l.list_price_minor);
  -- Insiders-only products: the caller checked the buyer against each line's audience; one changed since is refused.
  SELECT coalesce(array_agg(r.i), '{}'), coalesce(array_agg(r.line), '{}') INTO v_restricted, v_restricted_line
    FROM (SELECT DISTINCT ON (e.i) e.i, l.line FROM unnest(v_orders) WITH ORDINALITY AS e(o, i)
          CROSS JOIN LATERAL jsonb_to_recordset(e.o->'lines') AS l(line int, product_id uuid, audience text)
          JOIN products pr ON pr.id = l.product_id
          WHERE pr.audience IS DISTINCT FROM l.audience ORDER BY e.i, l.line) r;

  -- The hot rows, locked once per batch in a fixed order (deals, then variants, each by id).
  SELECT coalesce(jsonb_object_agg(d.id, jsonb_build_object('sold', d.sold, 'cap', d.quantity_cap,
      'limit', d.per_customer_limit,
      'state', CASE WHEN now() < coalesce(d.early_starts_at, d.starts_at) THEN 'deal_not_started'
                    WHEN now() >= d.ends_at THEN 'deal_expired' END,
      'early', now() < d.starts_at)),
      '{}') INTO v_deals
    FROM (SELECT * FROM deals WHERE id IN (SELECT DISTINCT (e->>'deal_id')::uuid FROM unnest(v_orders) e)
          ORDER BY id FOR UPDATE) d;
  SELECT coalesce(jsonb_object_agg(v.id, v.stock), '{}') INTO v_stock
    FROM (SELECT id, stock FROM product_variants WHERE id IN (
            SELECT DISTINCT (l->>'variant_id')::uuid FROM unnest(v_orders) e, jsonb_array_elements(e->'lines') l)
          ORDER BY id FOR UPDATE) v;
  SELECT coalesce(jsonb_object_agg(dp.deal_id::text || ':' || dp.buyer_id::text, dp.quantity), '{}') INTO v_bought
    FROM deal_purchases dp
    JOIN (SELECT DISTINCT (e->>'deal_id')::uuid AS deal_id, (e->>'buyer_id')::uuid AS buyer_id
          FROM unnest(v_orders) e WHERE e->>'deal_id' IS NOT NULL) b USING (deal_id, buyer_id);
  -- Discount codes last (after variants), as a cancellation releases them last: no lock cycle.
  SELECT coalesce(jsonb_object_agg(c.id, jsonb_build_object('used', c.used, 'limit', c.usage_limit,
      'per', c.per_customer_limit,
      'state', CASE WHEN c.disabled_at IS NOT NULL OR now() >= c.ends_at THEN 'discount_code_expired'
                    WHEN now() < c.starts_at THEN 'discount_code_not_started' END)), '{}') INTO v_codes
    FROM (SELECT * FROM discount_codes WHERE id IN (
            SELECT DISTINCT (e->>'discount_code_id')::uuid FROM unnest(v_orders) e)
          ORDER BY id FOR UPDATE) c;
  SELECT coalesce(jsonb_object_agg(r.k, r.n), '{}') INTO v_code_used
    FROM (SELECT dr.code_id::text || ':' || dr.buyer_id::text AS k, count(*) AS n FROM discount_redemptions dr
          JOIN (SELECT DISTINCT (e->>'discount_code_id')::uuid AS code_id, (e->>'buyer_id')::uuid AS buyer_id
                FROM unnest(v_orders) e WHERE e->>'discount_code_id' IS NOT NULL) b USING (code_id, buyer_id)
          WHERE dr.released_at IS NULL GROUP BY 1) r;

  -- Decide each order in turn against what the earlier ones took.
  FOR i IN 1..v_n LOOP
    v_o := v_orders[i];
    v_key := (v_o->>'buyer_id') || ':' || (v_o->>'idempotency_key');
    v_units := coalesce((v_o->>'deal_units')::int, 0);
    IF v_key = ANY(v_existing) OR v_key = ANY(v_keys) THEN v_error[i] := 'idempotent_replay'; CONTINUE; END IF;
    IF i = ANY(v_mispriced) THEN v_error[i] := 'price_changed'; CONTINUE; END IF;
    IF i = ANY(v_restricted) THEN
      v_error[i] := 'product_exclusive'; v_detail[i] := v_restricted_line[array_position(v_restricted, i)]::text;
      CONTINUE;
    END IF;
    IF v_o->>'deal_id' IS NOT NULL THEN
      v_d := v_deals->(v_o->>'deal_id');
      IF v_d IS NULL THEN v_error[i] := 'deal_not_found'; CONTINUE; END IF;
      IF v_d->>'state' IS NOT NULL THEN v_error[i] := v_d->>'state'; CONTINUE; END IF;
      -- Inside the early window only the early group (checked by the caller) may buy.
      IF (v_d->>'early')::boolean AND NOT coalesce((v_o->>'deal_early')::boolean, false) THEN
        v_error[i] := 'deal_not_started'; CONTINUE;
      END IF;
      IF v_d->>'cap' IS NOT NULL AND (v_d->>'sold')::int + v_units > (v_d->>'cap')::int THEN
        v_error[i] := 'deal_sold_out'; CONTINUE;
      END IF;
      IF v_d->>'limit' IS NOT NULL AND coalesce((v_bought->>((v_o->>'deal_id') || ':' || (v_o->>'buyer_id')))::int, 0)
          + v_units > (v_d->>'limit')::int THEN
        v_error[i] := 'deal_limit_reached'; CONTINUE;
      END IF;
    END IF;
    IF v_o->>'discount_code_id' IS NOT NULL THEN
      v_c := v_codes->(v_o->>'discount_code_id');
      v_ckey := (v_o->>'discount_code_id') || ':' || (v_o->>'buyer_id');
      IF v_c IS NULL THEN v_error[i] := 'discount_code_not_found'; CONTINUE; END IF;
      IF v_c->>'state' IS NOT NULL THEN v_error[i] := v_c->>'state'; CONTINUE; END IF;
      IF v_c->>'limit' IS NOT NULL AND (v_c->>'used')::int >= (v_c->>'limit')::int THEN
        v_error[i] := 'discount_code_used_up'; CONTINUE;
      END IF;
      IF v_c->>'per' IS NOT NULL AND coalesce((v_code_used->>v_ckey)::int, 0) >= (v_c->>'per')::int THEN
        v_error[i] := 'discount_code_limit_reached'; CONTINUE;
      END IF;
    END IF;
    v_short := NULL;
    FOR v_line IN SELECT * FROM jsonb_array_elements(v_o->'lines') LOOP
      IF coalesce((v_stock->>(v_line->>'variant_id'))::int, 0) < (v_line->>'quantity')::int THEN
        v_short := (v_line->>'line')::int; EXIT;
      END IF;
    END LOOP;
    IF v_short IS NOT NULL THEN v_error[i] := 'sold_out'; v_detail[i] := v_short::text; CONTINUE; END IF;
    -- Accepted: take its units from the running counts.
    FOR v_line IN SELECT * FROM jsonb_array_elements(v_o->'lines') LOOP
      v_stock := jsonb_set(v_stock, ARRAY[v_line->>'variant_id'],
        to_jsonb((v_stock->>(v_line->>'variant_id'))::int - (v_line->>'quantity')::int));
    END LOOP;
    IF v_o->>'deal_id' IS NOT NULL THEN
      v_deals := jsonb_set(v_deals, ARRAY[v_o->>'deal_id', 'sold'], to_jsonb((v_d->>'sold')::int + v_units));
      v_bought := jsonb_set(v_bought, ARRAY[(v_o->>'deal_id') || ':' || (v_o->>'buyer_id')],
        to_jsonb(coalesce((v_bought->>((v_o->>'deal_id') || ':' || (v_o->>'buyer_id')))::int, 0) + v_units));
    END IF;
    IF v_o->>'discount_code_id' IS NOT NULL THEN
      v_codes := jsonb_set(v_codes, ARRAY[v_o->>'discount_code_id', 'used'], to_jsonb((v_c->>'used')::int + 1));
      v_code_used := jsonb_set(v_code_used, ARRAY[v_ckey], to_jsonb(coalesce((v_code_used->>v_ckey)::int, 0) + 1));
    END IF;
    v_keys := v_keys || v_key;
    v_ok := v_ok || i;
    IF jsonb_typeof(v_o->'touch') = 'object' THEN v_touched := v_touched + 1; END IF;
    v_rank[i] := v_touched;
  END LOOP;

  IF array_length(v_ok, 1) > 0 THEN
    -- Each hot row once.
    UPDATE deals d SET sold = s.sold
      FROM (SELECT key::uuid AS id, (value->>'sold')::int AS sold FROM jsonb_each(v_deals)) s
      WHERE d.id = s.id AND d.sold <> s.sold;
    UPDATE product_variants v SET stock = s.stock
      FROM (SELECT key::uuid AS id, value::int AS stock FROM jsonb_each(v_stock)) s
      WHERE v.id = s.id AND v.stock <> s.stock;
    UPDATE discount_codes c SET used = s.used
      FROM (SELECT key::uuid AS id, (value->>'used')::int AS used FROM jsonb_each(v_codes)) s
      WHERE c.id = s.id AND c.used <> s.used;
    INSERT INTO deal_purchases AS dp (deal_id, buyer_id, quantity)
      SELECT (e->>'deal_id')::uuid, (e->>'buyer_id')::uuid, sum(coalesce((e->>'deal_units')::int, 0))
      FROM unnest(v_orders) WITH ORDINALITY AS x(e, i) WHERE i = ANY(v_ok) AND e->>'deal_id' IS NOT NULL
      GROUP BY 1, 2
      ON CONFLICT (deal_id, buyer_id) DO UPDATE SET quantity = dp.quantity + excluded.quantity;

    -- Attribution: each order's own touch first, then the touch that gets the credit within the brand's
    -- window (last touch, or first by setting), among the touches up to its own.
    SELECT coalesce(max(id), 0) INTO v_touch_horizon FROM attribution_touches;
    WITH t AS (
      INSERT INTO attribution_touches (org_id, buyer_id, deal_id, kind, post_id, chain, referrer_id)
        SELECT (e->>'org_id')::uuid, (e->>'buyer_id')::uuid, (e->>'deal_id')::uuid, e->'touch'->>'kind',
          (e->'touch'->>'post_id')::uuid, coalesce(e->'touch'->'chain', '[]'), (e->'touch'->>'referrer_id')::uuid
        FROM unnest(v_orders) WITH ORDINALITY AS x(e, i)
        WHERE i = ANY(v_ok) AND jsonb_typeof(e->'touch') = 'object'
        ORDER BY i
        RETURNING id)
    SELECT array_agg(id ORDER BY id) INTO v_touch_ids FROM t; -- ids follow the order of insertion

    WITH accepted AS (
      -- the newest touch an order may see: its own, or the last one of an earlier order of the batch
      SELECT x.e, x.i, CASE WHEN v_rank[x.i] = 0 THEN v_touch_horizon ELSE v_touch_ids[v_rank[x.i]] END AS horizon
      FROM unnest(v_orders) WITH ORDINALITY AS x(e, i) WHERE x.i = ANY(v_ok)
    ), credited AS (
      SELECT a.e, a.i, coalesce(
        (SELECT jsonb_build_object('kind', t.kind, 'postId', t.post_id, 'chain', t.chain, 'referrerId', t.referrer_id)
         FROM attribution_touches t LEFT JOIN commerce_settings cs ON cs.org_id = (a.e->>'org_id')::uuid
         WHERE t.buyer_id = (a.e->>'buyer_id')::uuid AND t.org_id = (a.e->>'org_id')::uuid AND t.id <= a.horizon
           AND t.at > now() - make_interval(days => coalesce(cs.attribution_window_days, 30))
         ORDER BY CASE WHEN cs.attribution_model = 'first_touch' THEN t.id END ASC, t.id DESC LIMIT 1),
        jsonb_build_object('kind', 'direct', 'postId', NULL, 'chain', '[]'::jsonb, 'referrerId', NULL)) AS attr
      FROM accepted a
    )
    SELECT jsonb_object_agg(i::text, attr) INTO v_results FROM credited;

    INSERT INTO orders (id, org_id, buyer_id, status, currency, total_minor, deal_id, payment_ref, shipping_address,
        attribution_kind, attribution_post_id, attribution_chain, attribution_referrer_id, idempotency_key,
        idempotency_hash, expires_at, items_minor, discount_minor, discount_code, shipping_minor, tax_minor,
        tax_rate_bp, tax_included)
      SELECT (e->>'order_id')::uuid, (e->>'org_id')::uuid, (e->>'buyer_id')::uuid, e->>'status', e->>'currency',
        (e->>'total_minor')::int, (e->>'deal_id')::uuid, e->>'payment_ref', e->'shipping_address',
        a->>'kind', (a->>'postId')::uuid, a->'chain', (a->>'referrerId')::uuid, e->>'idempotency_key',
        e->>'idempotency_hash', (e->>'expires_at')::timestamptz, (e->>'items_minor')::int,
        coalesce((e->>'discount_minor')::int, 0), e->>'discount_code', coalesce((e->>'shipping_minor')::int, 0),
        coalesce((e->>'tax_minor')::int, 0), coalesce((e->>'tax_rate_bp')::int, 0),
        coalesce((e->>'tax_included')::boolean, true)
      FROM unnest(v_orders) WITH ORDINALITY AS x(e, i), LATERAL (SELECT v_results->(i::text) AS a) r
      WHERE i = ANY(v_ok) ORDER BY i;
    INSERT INTO order_items (order_id, line, product_id, variant_id, title, sku, quantity, unit_price_minor,
        discount_minor)
      SELECT (e->>'order_id')::uuid, l.line, l.product_id, l.variant_id, l.title, l.sku, l.quantity, l.unit_price_minor,
        coalesce(l.discount_minor, 0)
      FROM unnest(v_orders) WITH ORDINALITY AS x(e, i),
        jsonb_to_recordset(e->'lines') AS l(line int, product_id uuid, variant_id uuid, title text, sku text,
          quantity int, unit_price_minor int, discount_minor int)
      WHERE i = ANY(v_ok);
    INSERT INTO discount_redemptions (order_id, code_id, buyer_id, amount_minor)
      SELECT (e->>'order_id')::uuid, (e->>'discount_code_id')::uuid, (e->>'buyer_id')::uuid,
        coalesce((e->>'discount_minor')::int, 0)
      FROM unnest(v_orders) WITH ORDINALITY AS x(e, i)
      WHERE i = ANY(v_ok) AND e->>'discount_code_id' IS NOT NULL;
    INSERT INTO order_history (order_id, status, actor_id, note)
      SELECT (e->>'order_id')::uuid, h.status, h.actor_id, h.note
      FROM unnest(v_orders) WITH ORDINALITY AS x(e, i),
        ROWS FROM (jsonb_to_recordset(e->'history') AS (status text, actor_id uuid, note text))
          WITH ORDINALITY AS h(status, actor_id, note, k)
      WHERE i = ANY(v_ok) ORDER BY i, h.k;

    -- Outbox events in order (per aggregate), order.placed carrying the credited attribution.
    PERFORM platform_emit_events(
        array_agg(s.spec->>'type' ORDER BY x.i, s.k),
        array_agg(x.e->>'order_id' ORDER BY x.i, s.k),
        array_agg(s.spec->'payload' || CASE WHEN s.spec->>'type' = 'order.placed'
          THEN jsonb_build_object('attribution', v_results->(x.i::text)) ELSE '{}'::jsonb END ORDER BY x.i, s.k),
        array_agg(s.spec->'subscribers' ORDER BY x.i, s.k))
      FROM unnest(v_orders) WITH ORDINALITY AS x(e, i), jsonb_array_elements(x.e->'events') WITH ORDINALITY AS s(spec, k)
      WHERE x.i = ANY(v_ok);

    DELETE FROM cart_items c USING unnest(v_orders) WITH ORDINALITY AS x(e, i), jsonb_array_elements(e->'lines') l
      WHERE i = ANY(v_ok) AND c.user_id = (e->>'buyer_id')::uuid AND c.variant_id = (l->>'variant_id')::uuid;
  END IF;

  RETURN (SELECT jsonb_agg(CASE WHEN v_error[i] IS NULL THEN jsonb_build_object('ok', v_results->(i::text))
      ELSE jsonb_build_object('sqlstate', 'P0001', 'message', v_error[i], 'detail', v_detail[i]) END ORDER BY i)
    FROM generate_series(1, v_n) AS i);
END
$fn$;

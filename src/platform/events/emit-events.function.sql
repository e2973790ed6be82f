-- Emits domain events from inside the database: the outbox's one writer for code that runs there (the checkout
-- batch). Re-created on every migrate from this file (see src/platform/migrations/functions.ts).
--
-- Arrays of one element per event, in emit order: its type, aggregate id, payload and subscriber names (a JSON
-- array of strings, EventBus.subscribersOf in TypeScript). Writes each event and one pending delivery per
-- subscriber, in two set-based statements. Event ids follow the arrays' order, so the dispatcher delivers the
-- events of one aggregate in that order.
CREATE OR REPLACE FUNCTION platform_emit_events(
  p_types text[], p_aggregate_ids text[], p_payloads jsonb[], p_subscribers jsonb[]
) RETURNS void LANGUAGE plpgsql AS $fn$
BEGIN
  IF cardinality(p_aggregate_ids) IS DISTINCT FROM cardinality(p_types)
    OR cardinality(p_payloads) IS DISTINCT FROM cardinality(p_types)
    OR cardinality(p_subscribers) IS DISTINCT FROM cardinality(p_types) THEN
    RAISE EXCEPTION 'platform_emit_events: the arrays differ in length';
  END IF;
  WITH events AS (
    INSERT INTO outbox_events (type, aggregate_id, payload)
      SELECT x.type, x.aggregate_id, x.payload
      FROM unnest(p_types, p_aggregate_ids, p_payloads) WITH ORDINALITY AS x(type, aggregate_id, payload, n)
      ORDER BY x.n
      RETURNING id, aggregate_id
  ), numbered AS (
    -- ids follow the order of insertion, so the n-th smallest id is the n-th event of the arrays
    SELECT id, aggregate_id, row_number() OVER (ORDER BY id) AS n FROM events
  )
  INSERT INTO event_deliveries (subscriber, event_id, aggregate_id)
    SELECT s.subscriber, e.id, e.aggregate_id
    FROM numbered e, jsonb_array_elements_text(p_subscribers[e.n::int]) AS s(subscriber);
END
$fn$;

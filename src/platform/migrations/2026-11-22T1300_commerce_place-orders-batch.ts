import type { Kysely } from 'kysely';
import { sql } from 'kysely';

// Group commit for checkout: several buyers' orders written by one call, in one transaction and one commit.
// Measured reason (BENCHMARKS.md, flash deal): on PGlite a single commerce_place_order call cost about 3 ms, of
// which about 2 ms was the round trip and the commit; the same calls 64 to a statement cost about 1 ms each.
// Each order runs in its own subtransaction, so one order's failure (sold out, over the limit, a replayed
// Idempotency-Key) rolls back that order alone and is reported in its slot of the result:
// {"ok": <attribution>} or {"sqlstate": …, "message": …, "detail": …}.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(`
CREATE FUNCTION commerce_place_orders(p jsonb) RETURNS jsonb LANGUAGE plpgsql AS $fn$
DECLARE
  v_order jsonb;
  v_results jsonb := '[]'::jsonb;
  v_state text;
  v_message text;
  v_detail text;
BEGIN
  FOR v_order IN SELECT * FROM jsonb_array_elements(p) LOOP
    BEGIN
      v_results := v_results || jsonb_build_array(jsonb_build_object('ok', commerce_place_order(v_order)));
    EXCEPTION WHEN OTHERS THEN
      GET STACKED DIAGNOSTICS v_state = RETURNED_SQLSTATE, v_message = MESSAGE_TEXT, v_detail = PG_EXCEPTION_DETAIL;
      v_results := v_results || jsonb_build_array(jsonb_build_object('sqlstate', v_state, 'message', v_message, 'detail', v_detail));
    END;
  END LOOP;
  RETURN v_results;
END
$fn$`)
    .execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP FUNCTION commerce_place_orders(jsonb)`.execute(db);
}

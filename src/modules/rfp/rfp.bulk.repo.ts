import { sql } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';
import type { RfpTables } from './rfp.tables.ts';

/**
 * Set-based generation for benchmarks: `requests` open requests by one author, each asking every brand given and
 * pitched on by each of them with one quoted line of that brand's variant.
 */
export async function generateRequests(
  db: Executor<RfpTables>,
  input: {
    authorId: string;
    requests: number;
    brands: { orgId: string; productId: string; variantId: string }[];
    currency: string;
  },
) {
  const orgIds = input.brands.map((b) => b.orgId);
  await sql`
    INSERT INTO rfp_requests (id, author_id, title, details, budget_minor, currency, deadline, created_at)
    SELECT gen_random_uuid(), ${input.authorId}::uuid, 'Bench request ' || g, '', 100000, ${input.currency},
      now() + interval '30 days', now() - make_interval(secs => g)
    FROM generate_series(1, ${input.requests}::int) g`.execute(db);
  await sql`
    INSERT INTO rfp_targets (request_id, org_id, created_at, deadline)
    SELECT r.id, o, r.created_at, r.deadline FROM rfp_requests r CROSS JOIN unnest(${orgIds}::uuid[]) o
    WHERE r.author_id = ${input.authorId}::uuid`.execute(db);
  await sql`
    INSERT INTO rfp_pitches (id, request_id, org_id, author_id, title, terms, message, total_minor, currency)
    SELECT gen_random_uuid(), t.request_id, t.org_id, t.org_id, 'Bench pitch', 'Delivery in 3 days', 'Hello',
      90000, ${input.currency}
    FROM rfp_targets t JOIN rfp_requests r ON r.id = t.request_id WHERE r.author_id = ${input.authorId}::uuid`.execute(
    db,
  );
  await sql`
    INSERT INTO rfp_pitch_items (pitch_id, line, product_id, variant_id, title, quantity, unit_price_minor, list_price_minor)
    SELECT p.id, 0, b.product_id, b.variant_id, 'Bench product', 1, 90000, 100000
    FROM rfp_pitches p
    JOIN unnest(${orgIds}::uuid[], ${input.brands.map((b) => b.productId)}::uuid[], ${input.brands.map((b) => b.variantId)}::uuid[])
      AS b(org_id, product_id, variant_id) ON b.org_id = p.org_id
    JOIN rfp_requests r ON r.id = p.request_id WHERE r.author_id = ${input.authorId}::uuid`.execute(db);
  await sql`ANALYZE rfp_requests, rfp_targets, rfp_pitches, rfp_pitch_items`.execute(db);
}

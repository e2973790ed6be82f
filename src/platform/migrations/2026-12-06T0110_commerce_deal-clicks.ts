import type { Kysely } from 'kysely';
import { runSql } from './run-sql.ts';

// Conversion must count only orders that followed a click: a click on Buy by a signed-in person is kept with
// its account and time, so an order can be matched to the click before it. The deals.clicks counter stays the
// total (anonymous clicks and clicks from before this change included).
export async function up(db: Kysely<unknown>): Promise<void> {
  await runSql(
    db,
    `
    CREATE TABLE deal_clicks (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      deal_id uuid NOT NULL REFERENCES deals (id) ON DELETE CASCADE,
      account_id uuid NOT NULL,
      at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX deal_clicks_deal_account ON deal_clicks (deal_id, account_id, at);
    `,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runSql(db, 'DROP TABLE deal_clicks;');
}

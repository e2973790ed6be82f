import type { Kysely } from 'kysely';
import { runSql } from './run-sql.ts';

// An order ships in one or more parcels, each with its carrier, tracking number and link, and the order lines
// (and how many of each) it holds. The same tracking number twice on one order is one parcel, so a retried
// request adds nothing.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runSql(
    db,
    `
    CREATE TABLE shipments (
      id uuid PRIMARY KEY,
      order_id uuid NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
      org_id uuid NOT NULL,
      carrier text NOT NULL,
      tracking_number text NOT NULL,
      tracking_url text,
      created_by uuid NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (order_id, carrier, tracking_number)
    );
    CREATE TABLE shipment_items (
      shipment_id uuid NOT NULL REFERENCES shipments (id) ON DELETE CASCADE,
      order_id uuid NOT NULL,
      line int NOT NULL,
      quantity int NOT NULL CHECK (quantity > 0),
      PRIMARY KEY (shipment_id, line)
    );
    CREATE INDEX shipment_items_order ON shipment_items (order_id);
    `,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runSql(db, 'DROP TABLE shipment_items; DROP TABLE shipments;');
}

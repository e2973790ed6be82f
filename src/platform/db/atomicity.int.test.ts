import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from '../../../test/support/test-db.ts';
import type { DbHandle } from './kysely.ts';

// PGlite has one connection; a dialect that let two transactions share it would interleave their statements
// and lose updates. These tests pin that concurrent transactions stay atomic on whichever database runs them.
let handle: DbHandle;
beforeAll(async () => {
  handle = await createTestDb();
  await sql`CREATE TABLE atomicity_stock (id int PRIMARY KEY, stock int NOT NULL)`.execute(handle.db);
  await sql`CREATE TABLE atomicity_orders (id serial PRIMARY KEY, buyer int NOT NULL)`.execute(handle.db);
});
afterAll(() => handle.close());

describe(`concurrent transactions`, () => {
  it('should sell exactly the stock when 300 buyers race read-check-write transactions for 100 items', async () => {
    await sql`INSERT INTO atomicity_stock VALUES (1, 100)`.execute(handle.db);
    const buy = (buyer: number) =>
      handle.db.transaction().execute(async (trx) => {
        // Row lock on a server, one connection on PGlite: either way the check and the write are one unit.
        const { rows } = await sql<{
          stock: number;
        }>`SELECT stock FROM atomicity_stock WHERE id = 1 FOR UPDATE`.execute(trx);
        if (rows[0].stock <= 0) return false;
        await new Promise((resolve) => setImmediate(resolve)); // give other transactions every chance to interleave
        await sql`UPDATE atomicity_stock SET stock = ${rows[0].stock - 1} WHERE id = 1`.execute(trx);
        await sql`INSERT INTO atomicity_orders (buyer) VALUES (${buyer})`.execute(trx);
        return true;
      });
    const results = await Promise.all(Array.from({ length: 300 }, (_, i) => buy(i)));
    const { rows: stock } = await sql<{
      stock: number;
    }>`SELECT stock FROM atomicity_stock WHERE id = 1`.execute(handle.db);
    const { rows: orders } = await sql<{
      n: number;
    }>`SELECT count(*)::int AS n FROM atomicity_orders`.execute(handle.db);
    expect(results.filter(Boolean)).toHaveLength(100);
    expect(stock[0].stock).toBe(0);
    expect(orders[0].n).toBe(100);
  });

  it('should leave nothing of a transaction that fails halfway while others commit', async () => {
    await sql`DELETE FROM atomicity_orders`.execute(handle.db);
    const failing = handle.db.transaction().execute(async (trx) => {
      await sql`INSERT INTO atomicity_orders (buyer) VALUES (-1)`.execute(trx);
      throw new Error('payment declined');
    });
    const ok = handle.db
      .transaction()
      .execute((trx) => sql`INSERT INTO atomicity_orders (buyer) VALUES (7)`.execute(trx));
    await expect(failing).rejects.toThrow('payment declined');
    await ok;
    const { rows } = await sql<{ buyer: number }>`SELECT buyer FROM atomicity_orders`.execute(handle.db);
    expect(rows.map((r) => r.buyer)).toEqual([7]);
  });
});

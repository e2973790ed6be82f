import type { Kysely } from 'kysely';
import { runSql } from './run-sql.ts';

// The buyer hears of each step of a return (requested, approved, rejected, received, refunded).
export async function up(db: Kysely<unknown>): Promise<void> {
  await runSql(
    db,
    `
    INSERT INTO notification_kinds (kind) VALUES ('order_return');
    `,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runSql(
    db,
    `
    DELETE FROM notifications WHERE kind IN ('order_return');
    DELETE FROM notification_kinds WHERE kind IN ('order_return');
    `,
  );
}

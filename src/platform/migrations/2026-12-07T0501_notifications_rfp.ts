import type { Kysely } from 'kysely';
import { runSql } from './run-sql.ts';

// A consumer hears of each pitch on their request; every pitching brand hears whether it won or lost the award.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runSql(
    db,
    `
    INSERT INTO notification_kinds (kind) VALUES ('rfp_pitch'), ('rfp_won'), ('rfp_lost');
    `,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runSql(
    db,
    `
    DELETE FROM notifications WHERE kind IN ('rfp_pitch', 'rfp_won', 'rfp_lost');
    DELETE FROM notification_kinds WHERE kind IN ('rfp_pitch', 'rfp_won', 'rfp_lost');
    `,
  );
}

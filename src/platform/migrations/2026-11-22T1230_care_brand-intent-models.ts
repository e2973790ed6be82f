import type { Kysely } from 'kysely';
import { runSql } from './run-sql.ts';

// A brand's intent model: an adjustment learnt from its agents' corrections on top of the shipped model, one row
// per brand, replaced by each retrain. `base_model` names the shipped model it was learnt on, so that a newer
// shipped model is never combined with an adjustment learnt for an older one.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runSql(
    db,
    `
    CREATE TABLE care_intent_models (
      org_id uuid PRIMARY KEY,
      base_model text NOT NULL,
      adjustment jsonb NOT NULL,
      corrections_used int NOT NULL CHECK (corrections_used > 0),
      metrics jsonb NOT NULL,
      trained_at timestamptz NOT NULL DEFAULT now(),
      trained_by uuid
    );
    `,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runSql(db, 'DROP TABLE care_intent_models;');
}

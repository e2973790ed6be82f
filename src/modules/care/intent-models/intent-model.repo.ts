import type { Insertable } from 'kysely';
import type { BrandAdjustmentFile } from '../../../lib/triage/index.ts';
import type { Executor } from '../../../platform/db/database.ts';
import type { CareIntentModelsTable, IntentModelMetrics } from './intent-model.tables.ts';

/** Incoming messages whose intent an agent corrected, oldest first: what a brand's retrain learns from. */
export function correctionsOf(db: Executor, orgId: string) {
  return db
    .selectFrom('care_messages')
    .select(['id', 'text', 'corrected_intent'])
    .where('org_id', '=', orgId)
    .where('direction', '=', 'in')
    .where('corrected_intent', 'is not', null)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/** Recent incoming messages nobody corrected: the brand's ordinary traffic, which a retrain must leave alone. */
export async function uncorrectedTexts(db: Executor, orgId: string, limit: number): Promise<string[]> {
  const rows = await db
    .selectFrom('care_messages')
    .select('text')
    .where('org_id', '=', orgId)
    .where('direction', '=', 'in')
    .where('corrected_intent', 'is', null)
    .orderBy('created_at', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => r.text);
}

/** Brands with at least one correction, for `souk care retrain` without --brand. */
export async function orgsWithCorrections(db: Executor): Promise<string[]> {
  const rows = await db
    .selectFrom('care_messages')
    .select('org_id')
    .distinct()
    .where('direction', '=', 'in')
    .where('corrected_intent', 'is not', null)
    .execute();
  return rows.map((r) => r.org_id);
}

export function findIntentModel(db: Executor, orgId: string) {
  return db.selectFrom('care_intent_models').selectAll().where('org_id', '=', orgId).executeTakeFirst();
}

/** Only what tells whether a cached model is current: cheap enough to ask before each cache refresh. */
export function intentModelVersion(db: Executor, orgId: string) {
  return db
    .selectFrom('care_intent_models')
    .select(['trained_at', 'base_model'])
    .where('org_id', '=', orgId)
    .executeTakeFirst();
}

export async function saveIntentModel(
  db: Executor,
  row: Omit<Insertable<CareIntentModelsTable>, 'adjustment' | 'metrics' | 'trained_at'> & {
    adjustment: BrandAdjustmentFile;
    metrics: IntentModelMetrics;
  },
): Promise<Date> {
  const values = {
    ...row,
    adjustment: JSON.stringify(row.adjustment),
    metrics: JSON.stringify(row.metrics),
    trained_at: new Date(),
  };
  const saved = await db
    .insertInto('care_intent_models')
    .values(values)
    .onConflict((oc) =>
      oc.column('org_id').doUpdateSet({
        base_model: values.base_model,
        adjustment: values.adjustment,
        corrections_used: values.corrections_used,
        metrics: values.metrics,
        trained_at: values.trained_at,
        trained_by: values.trained_by,
      }),
    )
    .returning('trained_at')
    .executeTakeFirstOrThrow();
  return saved.trained_at;
}

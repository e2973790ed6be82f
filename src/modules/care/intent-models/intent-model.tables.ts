import type { ColumnType, Generated } from 'kysely';
import type { BrandAdjustmentFile } from '../../../lib/triage/index.ts';

/** What a retrain measured; also returned by the status endpoint and printed by `souk care retrain`. */
export type IntentModelMetrics = {
  /** Corrections the stored model learnt from (all of them). */
  correctionsUsed: number;
  /** How the before/after figures on the brand's corrections were made. */
  evaluation: 'held_out' | 'training_fit';
  /** Corrections scored (the held-out part, or all of them when too few to hold any out). */
  evaluatedOn: number;
  /** Accuracy on those corrections: shipped model, then the brand's model. */
  correctionsBefore: number;
  correctionsAfter: number;
  /** The shipped model's own held-out check, so that a brand's model cannot silently collapse. */
  guard: { set: string; size: number; shipped: number; brand: number };
};

export interface CareIntentModelsTable {
  org_id: string;
  base_model: string;
  adjustment: ColumnType<BrandAdjustmentFile, string, string>;
  corrections_used: number;
  metrics: ColumnType<IntentModelMetrics, string, string>;
  trained_at: Generated<Date>;
  trained_by: string | null;
}

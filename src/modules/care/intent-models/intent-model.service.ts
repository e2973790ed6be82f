import { fileURLToPath } from 'node:url';
import {
  accuracyOf,
  adjustedPredictor,
  classifyText,
  createTriage,
  decodeAdjustment,
  encodeAdjustment,
  expandIntentSeeds,
  type IntentPredictor,
  type LabelledMessage,
  resolveEvalDataDir,
  type ShippedCheckSet,
  shippedCheckSet,
  shippedIntentClassifier,
  shippedIntentModelId,
  splitHoldOut,
  type Triage,
  tokenizeText,
  trainBrandAdjustment,
} from '../../../lib/triage/index.ts';
import type { Db, Executor } from '../../../platform/db/database.ts';
import type { Principal } from '../../../platform/http/auth.ts';
import type { IdentityModule } from '../../identity/index.ts';
import { careError } from '../care.errors.ts';
import * as repo from './intent-model.repo.ts';
import type { IntentModelMetrics } from './intent-model.tables.ts';

/** Below this many corrections none are held out: each one is needed to learn from. */
export const MIN_CORRECTIONS_FOR_HOLD_OUT = 10;
const HOLD_OUT_SHARE = 0.25;
/** Recent uncorrected messages of the brand that anchor the adjustment to the shipped model's behaviour. */
const ANCHOR_MESSAGES = 500;
/** A brand model that loses more than this much accuracy on the shipped model's check set is not used. */
export const MAX_CHECK_DROP = 0.05;
/** How long a process trusts its cached model before asking the database whether another process retrained. */
const RECHECK_MS = 30_000;
const MAX_CACHED_BRANDS = 256;

export type RetrainOutcome =
  | { status: 'trained'; orgId: string; trainedAt: string; metrics: IntentModelMetrics }
  | { status: 'no_corrections'; orgId: string; message: string }
  | { status: 'rejected'; orgId: string; metrics: IntentModelMetrics; message: string };

type CacheEntry = { triage: Triage; version: string; checkedAt: number };

export type IntentModelDeps = {
  db: Db;
  identity: Pick<IdentityModule, 'orgs' | 'accounts'>;
  /** Public data folder with the shipped model's held-out test splits (default as for `npm run train:intent`). */
  dataDir?: string;
};

const repoRoot = fileURLToPath(new URL('../../../..', import.meta.url));

/** Per-brand intent models: retrain from the brand's corrections, report their status, triage with them. */
export function createIntentModelService(deps: IntentModelDeps) {
  const { db, identity } = deps;
  const cache = new Map<string, CacheEntry>();
  const running = new Set<string>();
  const shippedTriage = createTriage();
  let checkSet: { set: ShippedCheckSet; shippedAccuracy: number } | undefined;

  function check() {
    if (checkSet === undefined) {
      const set = shippedCheckSet(deps.dataDir ?? resolveEvalDataDir(repoRoot));
      const shipped = shippedIntentClassifier();
      checkSet = { set, shippedAccuracy: accuracyOf((t) => classifyText(shipped, t).label, set.examples) };
    }
    return checkSet;
  }

  function remember(orgId: string, entry: CacheEntry) {
    cache.delete(orgId);
    if (cache.size >= MAX_CACHED_BRANDS) cache.delete(cache.keys().next().value as string);
    cache.set(orgId, entry);
  }

  /** Learns, measures and (unless it collapsed on the check set) stores a brand's model. CPU-bound, ~1 s. */
  async function retrainOrg(orgId: string, by: string | null): Promise<RetrainOutcome> {
    const rows = await repo.correctionsOf(db, orgId);
    if (rows.length === 0)
      return {
        status: 'no_corrections',
        orgId,
        message: 'No corrected messages yet: correct a message’s intent in the inbox, then retrain',
      };
    const corrections: LabelledMessage[] = rows.map((r) => ({ text: r.text, label: r.corrected_intent! }));
    const anchors = [
      ...expandIntentSeeds(1).map((s) => s.text),
      ...(await repo.uncorrectedTexts(db, orgId, ANCHOR_MESSAGES)),
    ];
    const shipped = shippedIntentClassifier();
    const shippedLabel = (text: string) => classifyText(shipped, text).label;
    const holdOut = corrections.length >= MIN_CORRECTIONS_FOR_HOLD_OUT;
    const { train, heldOut } = holdOut
      ? splitHoldOut(corrections, HOLD_OUT_SHARE)
      : { train: corrections, heldOut: corrections };
    const trialAdjustment = trainBrandAdjustment(shipped, train, anchors);
    // The stored model learns from every correction; with a hold-out, its figures come from the trial one.
    const stored = holdOut ? trainBrandAdjustment(shipped, corrections, anchors) : trialAdjustment;
    const labelWith = (predict: IntentPredictor) => (text: string) => predict(tokenizeText(text)).label;
    const trial = labelWith(adjustedPredictor(shipped, trialAdjustment));
    const final = adjustedPredictor(shipped, stored);
    const { set, shippedAccuracy } = check();
    const metrics: IntentModelMetrics = {
      correctionsUsed: corrections.length,
      evaluation: holdOut ? 'held_out' : 'training_fit',
      evaluatedOn: heldOut.length,
      correctionsBefore: accuracyOf(shippedLabel, heldOut),
      correctionsAfter: accuracyOf(trial, heldOut),
      guard: {
        set: set.name,
        size: set.examples.length,
        shipped: shippedAccuracy,
        brand: accuracyOf(labelWith(final), set.examples),
      },
    };
    if (metrics.guard.brand < metrics.guard.shipped - MAX_CHECK_DROP)
      return {
        status: 'rejected',
        orgId,
        metrics,
        message: `Not used: accuracy on the shipped model's check set fell by more than ${MAX_CHECK_DROP * 100} points`,
      };
    const trainedAt = await repo.saveIntentModel(db, {
      org_id: orgId,
      base_model: shippedIntentModelId(),
      adjustment: encodeAdjustment(stored),
      corrections_used: corrections.length,
      metrics,
      trained_by: by,
    });
    remember(orgId, {
      triage: createTriage(final),
      version: versionKey({ trained_at: trainedAt, base_model: shippedIntentModelId() }),
      checkedAt: Date.now(),
    });
    return { status: 'trained', orgId, trainedAt: trainedAt.toISOString(), metrics };
  }

  async function guarded(orgId: string, by: string | null): Promise<RetrainOutcome> {
    if (running.has(orgId)) throw careError('retrain_running', 'A retrain of this brand is already running');
    running.add(orgId);
    try {
      return await retrainOrg(orgId, by);
    } finally {
      running.delete(orgId);
    }
  }

  return {
    /**
     * The triage function for a brand's messages: its own model when it has a current one, else the shipped one.
     * Cached per process; a retrain here replaces the entry, one elsewhere is seen within RECHECK_MS.
     */
    async triageFor(executor: Executor, orgId: string): Promise<Triage> {
      const entry = cache.get(orgId);
      if (entry && Date.now() - entry.checkedAt < RECHECK_MS) return entry.triage;
      const version = await repo.intentModelVersion(executor, orgId);
      const key = version ? versionKey(version) : 'shipped';
      if (entry && entry.version === key) {
        entry.checkedAt = Date.now();
        return entry.triage;
      }
      let triage = shippedTriage;
      if (version && version.base_model === shippedIntentModelId()) {
        const row = await repo.findIntentModel(executor, orgId);
        const shipped = shippedIntentClassifier();
        if (row) triage = createTriage(adjustedPredictor(shipped, decodeAdjustment(row.adjustment, shipped)));
      }
      remember(orgId, { triage, version: key, checkedAt: Date.now() });
      return triage;
    },

    /** Admins retrain their brand's model from the inbox (POST); one run per brand at a time. */
    async retrain(principal: Principal, handle: string) {
      const org = await identity.orgs.requireCapability(principal, handle, 'manageInbox');
      const outcome = await guarded(org.id, principal.userId);
      if (outcome.status === 'no_corrections') throw careError('no_corrections', outcome.message);
      if (outcome.status === 'rejected')
        throw careError('model_rejected', outcome.message).withDetails({
          metrics: outcome.metrics,
        });
      return this.status(principal, handle);
    },

    /** What the brand's triage runs on: its model (when, from how many corrections, how it measured) or the shipped one. */
    async status(principal: Principal, handle: string) {
      const org = await identity.orgs.requireCapability(principal, handle, 'manageInbox');
      const [row, corrections] = await Promise.all([
        repo.findIntentModel(db, org.id),
        repo.correctionsOf(db, org.id),
      ]);
      const current = row !== undefined && row.base_model === shippedIntentModelId();
      return {
        using: current ? ('brand' as const) : ('shipped' as const),
        correctionsAvailable: corrections.length,
        model: row
          ? {
              trainedAt: row.trained_at.toISOString(),
              correctionsUsed: row.corrections_used,
              current,
              metrics: row.metrics,
            }
          : null,
      };
    },

    /** For `souk care retrain`: the named brand, or every brand with corrections. */
    async retrainFromCli(handle?: string): Promise<{ handle: string; outcome: RetrainOutcome }[]> {
      let orgs: { id: string; handle: string }[];
      if (handle !== undefined) {
        const org = await identity.accounts.byHandle(handle.replace(/^@/, ''));
        if (!org || org.kind === 'person') throw careError('org_not_found', `Brand @${handle} not found`);
        orgs = [org];
      } else {
        const ids = await repo.orgsWithCorrections(db);
        orgs = await identity.accounts.byIds(ids);
      }
      const results = [];
      for (const org of orgs) results.push({ handle: org.handle, outcome: await guarded(org.id, null) });
      return results;
    },
  };
}

function versionKey(version: { trained_at: Date; base_model: string }): string {
  return `${version.base_model}@${version.trained_at.toISOString()}`;
}

export type IntentModelService = ReturnType<typeof createIntentModelService>;

// Trains Souk's shipped care-intent model and suggestion detector and writes
// src/lib/triage/intent-model.json and suggestion-model.json.
// Usage: npm run train:intent   (reads the public sets from SOUK_EVAL_DATA, default ../shared/data)
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  buildIntentTrainingSet,
  buildSuggestionTrainingSet,
  classifyText,
  DEFAULT_CLASSIFIER_OPTIONS,
  DEFAULT_SUGGESTION_OPTIONS,
  decodeIntentModel,
  encodeIntentModel,
  hasEvalDataSets,
  INTENT_SEED_COPIES,
  INTENT_SEED_SHARE,
  INTENTS,
  type IntentExample,
  PUBLIC_NEGATIVE_SHARE,
  resolveEvalDataDir,
  SHIPPED_MODEL_FILES,
  SUGGESTION_CUES,
  SUGGESTION_SEED_COPIES,
  type SuggestionTrainingExample,
  seededRandom,
  suggestionProbability,
  type TextClassifier,
  tokenizeText,
  trainSuggestionDetector,
  trainTextClassifier,
} from '../src/lib/triage/index.ts';

const TRAINING_SETS = ['banking77', 'clinc150', 'bitext-customer-service'];
const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const modelPath = fileURLToPath(SHIPPED_MODEL_FILES.intent);
const suggestionPath = fileURLToPath(SHIPPED_MODEL_FILES.suggestion);

function countBy(examples: readonly IntentExample[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const e of examples)
    counts[`${e.label} ← ${e.source}`] = (counts[`${e.label} ← ${e.source}`] ?? 0) + 1;
  return counts;
}

function train(examples: readonly IntentExample[]): TextClassifier {
  return trainTextClassifier(examples, DEFAULT_CLASSIFIER_OPTIONS, [...INTENTS]);
}

// A seeded 10% hold-out by group (a seed template's variants stay together), only to print a sanity figure;
// the shipped model is then trained on everything.
function holdOutReport(examples: readonly IntentExample[]): void {
  const random = seededRandom(11);
  const heldGroups = new Map<string, boolean>();
  for (const e of examples) if (!heldGroups.has(e.group)) heldGroups.set(e.group, random() < 0.1);
  const isHeldOut = examples.map((e) => heldGroups.get(e.group) === true);
  const model = train(examples.filter((_, i) => !isHeldOut[i]));
  const quantized = decodeIntentModel(encodeIntentModel(model, {}));
  const heldOut = examples.filter((_, i) => isHeldOut[i]);
  const bySource = new Map<string, { n: number; ok: number }>();
  let agree = 0;
  for (const e of heldOut) {
    const label = classifyText(model, e.text).label;
    agree += label === classifyText(quantized, e.text).label ? 1 : 0;
    const s = bySource.get(e.source) ?? { n: 0, ok: 0 };
    bySource.set(e.source, { n: s.n + 1, ok: s.ok + (label === e.label ? 1 : 0) });
  }
  for (const [source, s] of bySource)
    console.log(`held-out accuracy ${source}: ${((100 * s.ok) / s.n).toFixed(1)}% of ${s.n}`);
  console.log(
    `int8 model agrees with float model on ${((100 * agree) / heldOut.length).toFixed(2)}% of held-out`,
  );
}

// Same idea for the suggestion detector: a seeded 15% of the hand-written templates held out, F1 at 0.5.
function suggestionHoldOutReport(examples: readonly SuggestionTrainingExample[]): void {
  const random = seededRandom(5);
  const held = new Map<string, boolean>();
  for (const e of examples)
    if (!held.has(e.group)) held.set(e.group, e.source !== 'public' && random() < 0.15);
  const detector = trainSuggestionDetector(examples.filter((e) => held.get(e.group) !== true));
  const counts = { tp: 0, fp: 0, fn: 0 };
  for (const e of examples.filter((e) => held.get(e.group) === true)) {
    const said = suggestionProbability(detector, tokenizeText(e.text)) >= 0.5;
    if (said && e.isSuggestion) counts.tp++;
    else if (said) counts.fp++;
    else if (e.isSuggestion) counts.fn++;
  }
  const f1 = (2 * counts.tp) / (2 * counts.tp + counts.fp + counts.fn);
  console.log(`suggestion detector, held-out templates: F1 ${f1.toFixed(3)} (${JSON.stringify(counts)})`);
}

function trainSuggestionModel(dataDir: string): void {
  const examples = buildSuggestionTrainingSet(dataDir);
  const bySource: Record<string, number> = {};
  for (const e of examples) {
    const key = `${e.isSuggestion ? 'suggestion' : 'other'} ← ${e.source}`;
    bySource[key] = (bySource[key] ?? 0) + 1;
  }
  console.table(bySource);
  suggestionHoldOutReport(examples);
  const detector = trainSuggestionDetector(examples);
  const file = encodeIntentModel(detector, {
    sources: {
      banking77: 'CC BY 4.0',
      clinc150: 'CC BY 3.0',
      bitext: 'CDLA-Sharing-1.0',
      seed: 'CC0 1.0 (project-authored)',
    },
    examples: bySource,
    seedCopies: SUGGESTION_SEED_COPIES,
    publicNegativeShare: PUBLIC_NEGATIVE_SHARE,
    cues: SUGGESTION_CUES,
    minDf: DEFAULT_SUGGESTION_OPTIONS.minDf,
    train: DEFAULT_SUGGESTION_OPTIONS.train,
    features: detector.vocabulary.buckets.length,
  });
  writeFileSync(suggestionPath, `${JSON.stringify(file)}\n`);
  console.log(`wrote ${suggestionPath.slice(repoRoot.length)} (${JSON.stringify(file).length} bytes)`);
}

function main(): void {
  const dataDir = resolveEvalDataDir(repoRoot);
  if (!hasEvalDataSets(dataDir, TRAINING_SETS)) {
    console.error(
      `train-intent-model: needs ${TRAINING_SETS.join(', ')} under ${dataDir} (set SOUK_EVAL_DATA)`,
    );
    process.exit(1);
  }
  const examples = buildIntentTrainingSet(dataDir);
  const counts = countBy(examples);
  console.table(counts);
  holdOutReport(examples);
  const started = performance.now();
  const model = train(examples);
  console.log(
    `trained on ${examples.length} examples in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  const file = encodeIntentModel(model, {
    sources: {
      banking77: 'CC BY 4.0',
      clinc150: 'CC BY 3.0',
      bitext: 'CDLA-Sharing-1.0',
      seed: 'CC0 1.0 (project-authored)',
    },
    examples: counts,
    seedCopies: INTENT_SEED_COPIES,
    seedShare: INTENT_SEED_SHARE,
    minDf: DEFAULT_CLASSIFIER_OPTIONS.minDf,
    train: DEFAULT_CLASSIFIER_OPTIONS.train,
    features: model.vocabulary.buckets.length,
  });
  writeFileSync(modelPath, `${JSON.stringify(file)}\n`);
  console.log(`wrote ${modelPath.slice(repoRoot.length)} (${JSON.stringify(file).length} bytes)`);
  trainSuggestionModel(dataDir);
}

main();

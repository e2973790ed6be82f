// Trains Souk's shipped care-intent model and writes src/modules/care/triage/intent-model.json.
// Usage: npm run train:intent   (reads the public sets from SOUK_EVAL_DATA, default ../shared/data)
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { decodeIntentModel, encodeIntentModel } from '../src/modules/care/triage/intent-model.codec.ts';
import { mulberry32 } from '../src/modules/care/triage/softmax-regression.trainer.ts';
import {
  classifyText,
  DEFAULT_CLASSIFIER_OPTIONS,
  type TextClassifier,
  trainTextClassifier,
} from '../src/modules/care/triage/text.classifier.ts';
import { hasDataSets, resolveEvalDataDir } from '../src/modules/care/triage/training/eval-data.path.ts';
import {
  buildIntentTrainingSet,
  type IntentExample,
  SEED_COPIES,
  SEED_SHARE,
} from '../src/modules/care/triage/training/intent-training.set.ts';
import { INTENTS } from '../src/modules/care/triage/triage.types.ts';

const TRAINING_SETS = ['banking77', 'clinc150', 'bitext-customer-service'];
const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const modelPath = fileURLToPath(new URL('../src/modules/care/triage/intent-model.json', import.meta.url));

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
  const random = mulberry32(11);
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

function main(): void {
  const dataDir = resolveEvalDataDir(repoRoot);
  if (!hasDataSets(dataDir, TRAINING_SETS)) {
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
    seedCopies: SEED_COPIES,
    seedShare: SEED_SHARE,
    minDf: DEFAULT_CLASSIFIER_OPTIONS.minDf,
    train: DEFAULT_CLASSIFIER_OPTIONS.train,
    features: model.vocabulary.buckets.length,
  });
  writeFileSync(modelPath, `${JSON.stringify(file)}\n`);
  console.log(`wrote ${modelPath.slice(repoRoot.length)} (${JSON.stringify(file).length} bytes)`);
}

main();

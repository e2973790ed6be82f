// Trains Souk's shipped care-intent model and suggestion detector and writes
// src/lib/triage/intent-model.json and suggestion-model.json.
// Usage: npm run train:intent   (reads the public sets from SOUK_EVAL_DATA, default ../shared/data)
//        npm run train:intent -- --cv-only [--shares public,seed,social] [--no-cues]
// First a 5-fold cross-validation on social-intent-dev part A (each fold's posts held out of training): it prints
// the social-register figures, fits the confidence calibration on the out-of-fold predictions and chooses the
// default unsure threshold. Part B of that set is never read here.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  buildIntentTrainingSet,
  buildSuggestionTrainingSet,
  type Calibration,
  calibrate,
  classifyText,
  classifyTokens,
  createTriage,
  DEFAULT_CLASSIFIER_OPTIONS,
  DEFAULT_SUGGESTION_OPTIONS,
  decodeIntentModel,
  encodeIntentModel,
  fitCalibration,
  hasEvalDataSets,
  IDENTITY_CALIBRATION,
  INTENT_SEED_COPIES,
  INTENT_SOURCE_SHARES,
  INTENTS,
  type Intent,
  type IntentExample,
  loadSocialPosts,
  PUBLIC_NEGATIVE_SHARE,
  reliability,
  resolveEvalDataDir,
  SHIPPED_MODEL_FILES,
  SOCIAL_INTENT_SET,
  type SocialPost,
  SUGGESTION_CUES,
  SUGGESTION_SEED_COPIES,
  type SuggestionTrainingExample,
  scoreSentiment,
  seededRandom,
  shippedSuggestionDetector,
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

const args = process.argv.slice(2);
const sharesArg = args.includes('--shares')
  ? args[args.indexOf('--shares') + 1].split(',').map(Number)
  : undefined;
const shares = sharesArg
  ? { public: sharesArg[0], seed: sharesArg[1], social: sharesArg[2] }
  : INTENT_SOURCE_SHARES;
const options = {
  ...DEFAULT_CLASSIFIER_OPTIONS,
  features: { ...DEFAULT_CLASSIFIER_OPTIONS.features, socialCues: !args.includes('--no-cues') },
};

function train(examples: readonly IntentExample[]): TextClassifier {
  return trainTextClassifier(examples, options, [...INTENTS]);
}

/** Accuracy of the answered at which the default unsure threshold is set: the lowest calibrated confidence at
 * which the out-of-fold posts triage keeps are right this often. */
const TARGET_ANSWERED_ACCURACY = 0.85;

type CrossValidation = { calibration: Calibration; unsureBelow: number; figures: Record<string, number> };

function crossValidate(dataDir: string, posts: readonly SocialPost[]): CrossValidation {
  const folds = 5;
  const random = seededRandom(23);
  const order = posts
    .map((p, i) => ({ i, key: `${p.intent}/${random()}` }))
    .sort((a, b) => (a.key < b.key ? -1 : 1));
  const foldOf = new Array<number>(posts.length);
  order.forEach((o, rank) => {
    foldOf[o.i] = rank % folds;
  });
  const variants = { current: [] as boolean[], argmax: [] as boolean[], modelIdeaKept: [] as boolean[] };
  const rows: {
    gold: Intent;
    said: Intent;
    confidence: number;
    sentiment: number;
    goldSentiment: number;
    lexicon: number;
  }[] = [];
  for (let fold = 0; fold < folds; fold++) {
    const started = performance.now();
    const model = train(
      buildIntentTrainingSet(
        dataDir,
        posts.filter((_, i) => foldOf[i] !== fold),
        shares,
      ),
    );
    const triageFold = createTriage(model, shippedSuggestionDetector(), {
      calibration: IDENTITY_CALIBRATION,
      unsureBelow: 0,
    });
    posts.forEach((p, i) => {
      if (foldOf[i] !== fold) return;
      const r = triageFold(p.text);
      const tokens = tokenizeText(p.text);
      const prediction = classifyTokens(model, tokens);
      const suggestion = suggestionProbability(shippedSuggestionDetector(), tokens);
      variants.current.push(r.intent === p.intent);
      variants.argmax.push(prediction.label === p.intent);
      variants.modelIdeaKept.push(
        (prediction.label === 'idea' || prediction.label === 'complaint'
          ? prediction.label
          : suggestion >= 0.3
            ? 'idea'
            : prediction.label) === p.intent,
      );
      rows.push({
        gold: p.intent,
        said: r.intent,
        confidence: r.intentConfidence,
        sentiment: r.sentiment,
        goldSentiment: p.sentiment,
        lexicon: scoreSentiment(p.text),
      });
    });
    console.log(`  fold ${fold + 1}/${folds} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
  for (const [name, oks] of Object.entries(variants))
    console.log(`  decision rule ${name}: ${((100 * oks.filter(Boolean).length) / oks.length).toFixed(1)}%`);
  const correct = rows.map((r) => r.gold === r.said);
  const f1s = INTENTS.map((intent) => {
    const tp = rows.filter((r) => r.gold === intent && r.said === intent).length;
    const fp = rows.filter((r) => r.gold !== intent && r.said === intent).length;
    const fn = rows.filter((r) => r.gold === intent && r.said !== intent).length;
    return {
      intent,
      f1: (2 * tp) / Math.max(1, 2 * tp + fp + fn),
      p: tp / Math.max(1, tp + fp),
      r: tp / Math.max(1, tp + fn),
    };
  });
  const complaint = f1s.find((f) => f.intent === 'complaint');
  const scored = rows.map((r, i) => ({ confidence: r.confidence, correct: correct[i] }));
  const calibration = fitCalibration(scored);
  const calibrated = scored.map((r) => ({ ...r, confidence: calibrate(r.confidence, calibration) }));
  let unsureBelow = 0;
  for (let t = 0; t <= 0.95; t += 0.05) {
    const kept = calibrated.filter((r) => r.confidence >= t);
    if (kept.filter((r) => r.correct).length / Math.max(1, kept.length) >= TARGET_ANSWERED_ACCURACY) {
      unsureBelow = Number(t.toFixed(2));
      break;
    }
  }
  const kept = calibrated.filter((r) => r.confidence >= unsureBelow);
  const figures = {
    accuracy: correct.filter(Boolean).length / rows.length,
    macroF1: f1s.reduce((s, f) => s + f.f1, 0) / f1s.length,
    complaintRecall: complaint?.r ?? 0,
    complaintPrecision: complaint?.p ?? 0,
    eceRaw: reliability(scored).ece,
    eceCalibrated: reliability(calibrated).ece,
    coverageAtThreshold: kept.length / rows.length,
    answeredAccuracy: kept.filter((r) => r.correct).length / Math.max(1, kept.length),
  };
  console.log(`cross-validation on social-intent-dev part A (${rows.length} posts, 5 folds):`);
  console.log('  confusion (rows gold, columns said, in INTENTS order):');
  for (const g of INTENTS)
    console.log(
      `    ${g.padEnd(22)} ${INTENTS.map((c) => String(rows.filter((r) => r.gold === g && r.said === c).length).padStart(3)).join(' ')}`,
    );
  console.log(`  per-intent F1: ${f1s.map((f) => `${f.intent} ${(100 * f.f1).toFixed(0)}`).join(', ')}`);
  for (const [name, value] of Object.entries(figures)) console.log(`  ${name}: ${value.toFixed(3)}`);
  console.log(`  calibration ${JSON.stringify(calibration)}, default unsure threshold ${unsureBelow}`);
  return { calibration, unsureBelow, figures };
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
  if (!hasEvalDataSets(dataDir, [SOCIAL_INTENT_SET])) {
    console.error(`train-intent-model: needs ${SOCIAL_INTENT_SET} (part A) under ${dataDir}`);
    process.exit(1);
  }
  const posts = loadSocialPosts(dataDir, 'a');
  const cv = crossValidate(dataDir, posts);
  if (args.includes('--cv-only')) return;
  const examples = buildIntentTrainingSet(dataDir, posts, shares);
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
      'social-seed': 'CC0 1.0 (project-authored)',
      'social-dev-a': 'CC0 1.0 (social-intent-dev part A, written for Souk)',
    },
    examples: counts,
    seedCopies: INTENT_SEED_COPIES,
    sourceShares: shares,
    crossValidation: Object.fromEntries(
      Object.entries(cv.figures).map(([k, v]) => [k, Number(v.toFixed(4))]),
    ),
    minDf: DEFAULT_CLASSIFIER_OPTIONS.minDf,
    train: DEFAULT_CLASSIFIER_OPTIONS.train,
    features: model.vocabulary.buckets.length,
  });
  file.calibration = cv.calibration;
  file.unsureBelow = cv.unsureBelow;
  writeFileSync(modelPath, `${JSON.stringify(file)}\n`);
  console.log(`wrote ${modelPath.slice(repoRoot.length)} (${JSON.stringify(file).length} bytes)`);
  trainSuggestionModel(dataDir);
}

main();

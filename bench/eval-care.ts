// Scores Souk's care triage against public baselines: npm run eval:care
// Reads the public sets in place from SOUK_EVAL_DATA (default ../shared/data); skips what is absent.
import { existsSync } from 'node:fs';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import {
  adjustedPredictor,
  classifyText,
  classifyTokens,
  createTriage,
  hasEvalDataSets,
  INTENTS,
  type Intent,
  loadBanking77,
  loadClinc150,
  loadSocialPosts,
  mapBanking77Intent,
  reliability,
  resolveEvalDataDir,
  SOCIAL_INTENT_SET,
  SUGGESTION_THRESHOLD,
  scoreSentiment,
  seededRandom,
  shippedConfidence,
  shippedIntentClassifier,
  shippedSuggestionDetector,
  suggestionProbability,
  type TextTokens,
  tokenizeText,
  trainBrandAdjustment,
  trainTextClassifier,
  triage,
} from '../src/lib/triage/index.ts';
import {
  loadAirlineTweets,
  loadSuggestions,
  loadTweetEval,
  loadTweetEvalReferencePredictions,
  loadVaderTweets,
} from './care-eval.data.ts';
import {
  accuracy,
  confusion,
  f1Of,
  macroF1,
  macroRecall,
  pearson,
  polarityClass,
} from './care-eval.metrics.ts';

/** One reported number; `floor` fails the run when the value is below it (or equal, when `strict`). */
type Figure = {
  name: string;
  value: number;
  percent: boolean;
  baseline: string;
  floor?: number;
  strict?: boolean;
};
type Section = { needs: string[]; run: (dataDir: string) => Figure[]; name?: string };

const pct = (name: string, value: number, baseline: string, floor?: number, strict = false): Figure => ({
  name,
  value,
  percent: true,
  baseline,
  floor,
  strict,
});

function evalAirline(dataDir: string): Figure[] {
  const tweets = loadAirlineTweets(dataDir);
  const gold = tweets.map((t) => t.label);
  const product = confusion(
    gold,
    tweets.map((t) => polarityClass(triage(t.text).sentiment)),
    3,
  );
  const lexicon = confusion(
    gold,
    tweets.map((t) => polarityClass(scoreSentiment(t.text))),
    3,
  );
  return [
    pct(
      `airline 3-class accuracy (${tweets.length} tweets, zero-shot)`,
      accuracy(product),
      'majority 62.7; VADER ≈49.6; trained LR ≈78',
      0.627,
      true,
    ),
    pct('airline 3-class macro-F1', macroF1(product), 'none published here'),
    pct('airline accuracy, lexicon only (ablation)', accuracy(lexicon), 'VADER ≈49.6'),
  ];
}

function evalVaderTweets(dataDir: string): Figure[] {
  const tweets = loadVaderTweets(dataDir);
  const human = tweets.map((t) => t.label);
  const product = pearson(
    tweets.map((t) => triage(t.text).sentiment),
    human,
  );
  const lexicon = pearson(
    tweets.map((t) => scoreSentiment(t.text)),
    human,
  );
  return [
    {
      name: 'VADER tweets Pearson r (4,200)',
      value: product,
      percent: false,
      baseline: 'Hu-Liu 0.756; VADER 0.881',
      floor: 0.756,
      strict: true,
    },
    {
      name: 'VADER tweets r, lexicon only (ablation)',
      value: lexicon,
      percent: false,
      baseline: 'VADER 0.881',
    },
  ];
}

function evalTweetEval(dataDir: string): Figure[] {
  const tweets = loadTweetEval(dataDir, 'test');
  const gold = tweets.map((t) => t.label);
  const product = confusion(
    gold,
    tweets.map((t) => polarityClass(triage(t.text).sentiment)),
    3,
  );
  const lexicon = confusion(
    gold,
    tweets.map((t) => polarityClass(scoreSentiment(t.text))),
    3,
  );
  const reference = confusion(gold, loadTweetEvalReferencePredictions(dataDir), 3);
  return [
    pct(
      `TweetEval test macro-recall (${tweets.length})`,
      macroRecall(product),
      'chance 33.3; SVM 62.9; RoBERTa 72.8',
      0.55,
    ),
    pct('TweetEval macro-recall, lexicon only (ablation)', macroRecall(lexicon), 'SVM 62.9'),
    pct('scorer check: RoBERTa-RT predictions file', macroRecall(reference), 'leaderboard 72.8'),
  ];
}

function evalBanking77(dataDir: string): Figure[] {
  const model = trainTextClassifier(loadBanking77(dataDir, 'train'));
  const test = loadBanking77(dataDir, 'test');
  const correct = test.filter((e) => classifyText(model, e.text).label === e.label).length;
  return [
    pct(
      `banking77 test accuracy (${test.length}, trained on train)`,
      correct / test.length,
      'BERT 93.7 (ceiling)',
      0.88,
    ),
  ];
}

type OosPrediction = { gold: string; label: string; confidence: number };

function oosScores(predictions: readonly OosPrediction[], threshold: number) {
  let inScope = 0;
  let inScopeCorrect = 0;
  let oosCorrect = 0;
  for (const p of predictions) {
    const label = p.confidence < threshold ? 'oos' : p.label;
    if (p.gold === 'oos') oosCorrect += label === 'oos' ? 1 : 0;
    else [inScope, inScopeCorrect] = [inScope + 1, inScopeCorrect + (label === p.gold ? 1 : 0)];
  }
  const all = predictions.length;
  return {
    inScope: inScopeCorrect / inScope,
    oosRecall: oosCorrect / (all - inScope),
    all: (inScopeCorrect + oosCorrect) / all,
  };
}

// OOS is a 151st class trained on oos_train, plus a confidence threshold chosen on the validation split
// (the one with the best accuracy over all val queries), never on test.
function evalClinc150(dataDir: string): Figure[] {
  const splits = loadClinc150(dataDir);
  const model = trainTextClassifier(splits.train);
  const predict = (rows: typeof splits.val) =>
    rows.map((e) => ({ gold: e.label, ...classifyText(model, e.text) }));
  const val = predict(splits.val);
  let threshold = 0;
  for (let t = 0; t <= 0.95; t += 0.01)
    if (oosScores(val, t).all > oosScores(val, threshold).all) threshold = t;
  const test = oosScores(predict(splits.test), threshold);
  return [
    pct(
      `clinc150 in-scope accuracy (threshold ${threshold.toFixed(2)} from val)`,
      test.inScope,
      'SVM 91.0; BERT 96.9',
      0.91,
    ),
    pct('clinc150 out-of-scope recall', test.oosRecall, 'SVM 14.5; BERT 40.3', 0.145),
  ];
}

const IDEA = INTENTS.indexOf('idea');

/** Suggestion rate the trial split is reweighted to before a threshold is chosen on it: the rate of the task's
 * own training file (2,085 of 8,500 sentences, from its SOURCE.md counts), fixed before any run. The trial split
 * is half suggestions; a threshold that is F1-best there over-calls suggestions wherever they are rarer. */
const EXPECTED_SUGGESTION_RATE = 2085 / 8500;

type Scored = { label: number; p: number };

/** Positive-class F1 with each negative counted `negativeWeight` times (1 = plain F1). */
function weightedF1(rows: readonly Scored[], threshold: number, negativeWeight = 1): number {
  let [tp, fp, fn] = [0, 0, 0];
  for (const r of rows) {
    const said = r.p >= threshold;
    if (said && r.label === 1) tp++;
    else if (said) fp++;
    else if (r.label === 1) fn++;
  }
  return (2 * tp) / (2 * tp + negativeWeight * fp + fn);
}

/** Best threshold from 0.05 in steps of 0.01 (the first of equals). */
function bestThreshold(rows: readonly Scored[], negativeWeight = 1): number {
  let threshold = 0.05;
  for (let step = 5; step <= 95; step++) {
    const t = step / 100;
    if (weightedF1(rows, t, negativeWeight) > weightedF1(rows, threshold, negativeWeight)) threshold = t;
  }
  return threshold;
}

// Zero-shot: no SemEval sentence trains anything. The floored rule: the suggestion detector's P(suggestion) at
// or above a threshold chosen on the trial split (SubtaskA_Trial_Test_Labeled.csv, balanced, 592) with its
// negatives reweighted to EXPECTED_SUGGESTION_RATE, never on the test file. Also scored: triage's own rule
// (intent idea, which uses the shipped SUGGESTION_THRESHOLD) and, for comparison, the previous rule (the intent
// model's P(idea) with a plain trial-F1-best threshold). Official metric: positive-class F1.
function evalSuggestions(dataDir: string): Figure[] {
  const intents = shippedIntentClassifier();
  const detector = shippedSuggestionDetector();
  const score = (file: string, p: (tokens: TextTokens) => number): Scored[] =>
    loadSuggestions(dataDir, file).map((r) => ({ label: r.label, p: p(tokenizeText(r.text)) }));
  const detect = (tokens: TextTokens) => suggestionProbability(detector, tokens);
  const ideaP = (tokens: TextTokens) => classifyTokens(intents, tokens).probabilities[IDEA];
  const trialFile = 'SubtaskA_Trial_Test_Labeled.csv';
  const testFile = 'SubtaskA_EvaluationData_labeled.csv';
  const trial = score(trialFile, detect);
  const positives = trial.filter((r) => r.label === 1).length;
  const negativeWeight =
    ((1 - EXPECTED_SUGGESTION_RATE) / EXPECTED_SUGGESTION_RATE) * (positives / (trial.length - positives));
  const threshold = bestThreshold(trial, negativeWeight);
  const oldThreshold = bestThreshold(score(trialFile, ideaP));
  const test = score(testFile, detect);
  const rows = loadSuggestions(dataDir, testFile);
  const triageRule = rows.map((r) => ({ label: r.label, p: triage(r.text).intent === 'idea' ? 1 : 0 }));
  const info = (name: string, value: number, baseline: string): Figure => ({
    name,
    value,
    percent: false,
    baseline,
  });
  return [
    {
      name: `SemEval-2019 task 9 suggestion F1 (${rows.length}, zero-shot, detector P ≥ ${threshold.toFixed(2)} from trial at a ${(100 * EXPECTED_SUGGESTION_RATE).toFixed(1)}% rate)`,
      value: weightedF1(test, threshold),
      percent: false,
      baseline: 'ULMFiT 0.701; 1st 0.781',
      floor: 0.6,
    },
    info(
      `SemEval suggestion F1, triage rule (intent idea; shipped threshold ${SUGGESTION_THRESHOLD})`,
      weightedF1(triageRule, 0.5),
      'ULMFiT 0.701',
    ),
    info(
      `SemEval suggestion F1, previous rule (intent model P(idea) ≥ ${oldThreshold.toFixed(2)} from balanced trial)`,
      weightedF1(score(testFile, ideaP), oldThreshold),
      'ULMFiT 0.701',
    ),
    info(
      `trial split F1 of the detector at ${threshold.toFixed(2)} (balanced split, 592)`,
      weightedF1(trial, threshold),
      '—',
    ),
    info(
      'trial split F1, reweighted to the expected rate',
      weightedF1(trial, threshold, negativeWeight),
      '—',
    ),
  ];
}

// Part B of social-intent-dev is evaluation only: nothing is trained, chosen or thresholded on it. Every run of
// this section is recorded in EVALUATION.md ("social-intent-dev part B: every look").
function evalSocialIntent(dataDir: string): Figure[] {
  const posts = loadSocialPosts(dataDir, 'b');
  const results = posts.map((p) => triage(p.text));
  const gold = posts.map((p) => INTENTS.indexOf(p.intent));
  const said = results.map((r) => INTENTS.indexOf(r.intent));
  const matrix = confusion(gold, said, INTENTS.length);
  const COMPLAINT = INTENTS.indexOf('complaint');
  const complaintRecall = matrix[COMPLAINT][COMPLAINT] / matrix[COMPLAINT].reduce((a, b) => a + b, 0);
  const complaintPrecision = matrix[COMPLAINT][COMPLAINT] / matrix.reduce((s, row) => s + row[COMPLAINT], 0);
  const sentiment = confusion(
    posts.map((p) => p.sentiment),
    results.map((r) => polarityClass(r.sentiment)),
    3,
  );
  const rows = results.map((r, i) => ({ confidence: r.intentConfidence, correct: said[i] === gold[i] }));
  const { ece, curve } = reliability(rows);
  console.log('reliability curve (part B): bin | n | mean confidence | accuracy');
  for (const bin of curve)
    if (bin.n > 0)
      console.log(
        `  ${bin.from.toFixed(1)}–${(bin.from + 0.1).toFixed(1)} | ${bin.n} | ${bin.confidence.toFixed(3)} | ${bin.accuracy.toFixed(3)}`,
      );
  console.log('accuracy against coverage (part B): threshold | coverage | accuracy of the answered');
  const coverageFigures: Figure[] = [];
  const UNSURE_THRESHOLD = shippedConfidence().unsureBelow;
  for (const t of [0, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8]) {
    const kept = rows.filter((r) => r.confidence >= t);
    const acc = kept.filter((r) => r.correct).length / Math.max(1, kept.length);
    console.log(`  ${t.toFixed(2)} | ${(kept.length / rows.length).toFixed(3)} | ${acc.toFixed(3)}`);
    if (t === UNSURE_THRESHOLD) {
      coverageFigures.push(
        pct(`coverage at the default unsure threshold ${t}`, kept.length / rows.length, '—'),
      );
      coverageFigures.push(pct(`accuracy of the answered at threshold ${t}`, acc, '—'));
    }
  }
  const perIntent = INTENTS.map((intent, c) => `${intent} ${(100 * f1Of(matrix, c)).toFixed(0)}`).join(', ');
  console.log(`per-intent F1 (part B): ${perIntent}`);
  return [
    pct(
      `social-intent part B accuracy (${posts.length}, 8 intents)`,
      accuracy(matrix),
      'majority 12.6',
      0.75,
    ),
    pct('social-intent part B macro-F1', macroF1(matrix), '—', 0.75),
    pct('social-intent part B complaint recall', complaintRecall, '—', 0.85),
    pct('social-intent part B complaint precision', complaintPrecision, '—', 0.75),
    pct('social-intent part B sentiment 3-class accuracy', accuracy(sentiment), '—', 0.75),
    {
      name: 'social-intent part B expected calibration error (10 bins)',
      value: ece,
      percent: false,
      baseline: '—',
    },
    ...coverageFigures,
  ];
}

/** Corrections the simulated brand's agents make; the issue asks for 200. */
const SIMULATED_CORRECTIONS = 200;
const ANCHOR_MESSAGES = 500;

// A bank brand on Souk: its incoming messages are BANKING77 test queries (the shipped model trained on the train
// split only) with Souk's mapped intents. In arrival order (a seeded shuffle), agents correct each message triage
// got wrong until they have made 200 corrections; the brand retrains (the same adjustment as `souk care retrain`,
// with the next 500 messages as its uncorrected anchors); accuracy is then measured, before and after, on every
// later message: none of them was corrected, anchored or trained on.
function evalRetrainSimulation(dataDir: string): Figure[] {
  const random = seededRandom(31);
  const messages = loadBanking77(dataDir, 'test')
    .map((r) => ({ text: r.text, label: mapBanking77Intent(r.label) }))
    .filter((r): r is { text: string; label: Intent } => r.label !== null)
    .map((m) => ({ m, key: random() }))
    .sort((a, b) => a.key - b.key)
    .map((x) => x.m);
  const shipped = createTriage();
  const corrections: { text: string; label: string }[] = [];
  let reviewed = 0;
  while (corrections.length < SIMULATED_CORRECTIONS && reviewed < messages.length) {
    const m = messages[reviewed++];
    if (shipped(m.text).intent !== m.label) corrections.push({ text: m.text, label: m.label });
  }
  const anchors = messages.slice(reviewed, reviewed + ANCHOR_MESSAGES).map((m) => m.text);
  const unseen = messages.slice(reviewed + ANCHOR_MESSAGES);
  const base = shippedIntentClassifier();
  const brand = createTriage(adjustedPredictor(base, trainBrandAdjustment(base, corrections, anchors)));
  const before = unseen.filter((m) => shipped(m.text).intent === m.label).length / unseen.length;
  const after = unseen.filter((m) => brand(m.text).intent === m.label).length / unseen.length;
  const social = loadSocialPosts(dataDir, 'b');
  const socialBefore = social.filter((p) => shipped(p.text).intent === p.intent).length / social.length;
  const socialAfter = social.filter((p) => brand(p.text).intent === p.intent).length / social.length;
  console.log(
    `retrain simulation: ${corrections.length} corrections among the first ${reviewed} messages, ${anchors.length} anchors, ${unseen.length} unseen`,
  );
  return [
    pct(
      `bank brand, unseen messages (${unseen.length}): accuracy before its ${corrections.length} corrections`,
      before,
      '—',
    ),
    pct('bank brand, unseen messages: accuracy after retraining on them', after, 'before', before, true),
    pct(
      "social-intent part B accuracy with the bank brand's model (retention)",
      socialAfter,
      `shipped ${(100 * socialBefore).toFixed(1)}`,
    ),
  ];
}

const SECTIONS: Section[] = [
  { needs: [SOCIAL_INTENT_SET], run: evalSocialIntent, name: 'social' },
  { needs: ['banking77', SOCIAL_INTENT_SET], run: evalRetrainSimulation, name: 'retrain' },
  { needs: ['twitter-us-airline-sentiment'], run: evalAirline, name: 'airline' },
  { needs: ['vader-icwsm2014'], run: evalVaderTweets, name: 'vader' },
  { needs: ['tweeteval-sentiment'], run: evalTweetEval, name: 'tweeteval' },
  { needs: ['banking77'], run: evalBanking77, name: 'banking77' },
  { needs: ['clinc150'], run: evalClinc150, name: 'clinc150' },
  { needs: ['semeval2019-task9-suggestion-mining'], run: evalSuggestions, name: 'suggestions' },
];

function passes(f: Figure): boolean {
  if (f.floor === undefined) return true;
  return f.strict ? f.value > f.floor : f.value >= f.floor;
}

function show(f: Figure, value: number): string {
  return f.percent ? (100 * value).toFixed(1) : value.toFixed(3);
}

function printTable(figures: readonly Figure[]): void {
  console.log('\n| figure | Souk | baseline | floor | result |\n|---|---|---|---|---|');
  for (const f of figures) {
    const floor = f.floor === undefined ? '—' : `${f.strict ? '>' : '≥'} ${show(f, f.floor)}`;
    const result = f.floor === undefined ? 'info' : passes(f) ? 'pass' : '**FAIL**';
    console.log(`| ${f.name} | ${show(f, f.value)} | ${f.baseline} | ${floor} | ${result} |`);
  }
}

function main(): void {
  const dataDir = resolveEvalDataDir(fileURLToPath(new URL('..', import.meta.url)));
  if (!existsSync(dataDir)) {
    console.log(
      `eval:care skipped: no evaluation data at ${dataDir} (set SOUK_EVAL_DATA to the public data folder)`,
    );
    return;
  }
  console.log(
    `eval:care on ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, node ${process.version}`,
  );
  const figures: Figure[] = [];
  // --only social,airline,… runs the named sections only (names: social, retrain, airline, vader, tweeteval, banking77,
  // clinc150, suggestions), for iterating without the CPU-heavy BANKING77/CLINC150 training.
  const onlyAt = process.argv.indexOf('--only');
  const only = onlyAt < 0 ? undefined : (process.argv[onlyAt + 1] ?? '').split(',');
  for (const section of SECTIONS) {
    if (only !== undefined && !only.includes(section.name ?? '')) continue;
    if (!hasEvalDataSets(dataDir, section.needs)) {
      console.log(`skipped ${section.needs.join(', ')}: not found under the data folder`);
      continue;
    }
    const started = performance.now();
    const results = section.run(dataDir);
    for (const f of results) console.log(`${f.name}: ${show(f, f.value)}  (baseline ${f.baseline})`);
    console.log(`  … ${((performance.now() - started) / 1000).toFixed(1)} s`);
    figures.push(...results);
  }
  printTable(figures);
  const failed = figures.filter((f) => !passes(f));
  if (failed.length > 0) {
    console.error(
      `\neval:care: ${failed.length} figure(s) below their floor: ${failed.map((f) => f.name).join('; ')}`,
    );
    process.exitCode = 1;
  }
}

main();

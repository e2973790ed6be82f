// Spike detection and explanation, measured on planted spikes: a realistic background (daily and weekly cycles,
// day-to-day swings, a Zipf vocabulary) at three volumes, with spikes of known size, length and cause planted in
// the last four weeks of eight. Reports precision, recall, detection delay and whether the explanation names the
// planted cause; exits non-zero when a target is missed.
//
//   npm run eval:spikes [-- --seeds 5]
import { parseArgs } from 'node:util';
import { Rng } from '../src/demo/random.ts';
import { detectSpikes, HOURS_PER_WEEK, overrepresented } from '../src/lib/listening/index.ts';

const { values } = parseArgs({ options: { seeds: { type: 'string', default: '5' } } });
const SEEDS = Number(values.seeds);
const WEEKS = 8;
const HOURS = WEEKS * HOURS_PER_WEEK;
const FROM = 4 * HOURS_PER_WEEK + 24;
const VOCABULARY = 3000;
const WORDS_PER_MENTION = 7;
// Recall is held to surges of at least 4× the usual volume; smaller ones are reported (a 1.5× surge on a quiet day is
// within what the day-to-day swing alone produces, and a quiet topic's surge of fewer than 8 mentions is below the
// alerting minimum by design).
const TARGETS = { precision: 0.9, recallAt4x: 0.85, explained: 0.9, medianDelayHours: 3 };
const MULTIPLES = [1.5, 2.5, 4, 8];

type Planted = { start: number; end: number; extraPerHour: number; cause: string; multiple: number };

function poisson(rng: Rng, lambda: number) {
  if (lambda > 30) return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * rng.normal()));
  const limit = Math.exp(-lambda);
  let k = 0;
  let p = rng.next();
  while (p > limit) {
    k++;
    p *= rng.next();
  }
  return k;
}

/** The background rate per hour: busy afternoons, quiet nights, quieter weekends, and each day a little different. */
function backgroundRates(rng: Rng, perHour: number) {
  const rates = new Float64Array(HOURS);
  for (let day = 0; day < HOURS / 24; day++) {
    const swing = Math.exp(0.15 * rng.normal());
    const weekend = day % 7 >= 5 ? 0.65 : 1;
    for (let h = 0; h < 24; h++)
      rates[day * 24 + h] = perHour * swing * weekend * (1 + 0.75 * Math.sin(((h - 9) / 24) * 2 * Math.PI));
  }
  return rates;
}

/** Zipf word draws over a fixed vocabulary: the words every mention of the topic uses, and the long tail. */
function zipfSampler(rng: Rng) {
  const cumulative = new Float64Array(VOCABULARY);
  let sum = 0;
  for (let i = 0; i < VOCABULARY; i++) {
    sum += 1 / (i + 1);
    cumulative[i] = sum;
  }
  return () => {
    const u = rng.next() * sum;
    let lo = 0;
    let hi = VOCABULARY - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] < u) lo = mid + 1;
      else hi = mid;
    }
    return `w${lo}`;
  };
}

function plant(rng: Rng, counts: number[], rates: Float64Array, perHour: number, n: number): Planted[] {
  const planted: Planted[] = [];
  while (planted.length < n) {
    const length = [1, 3, 6, 12, 24][rng.int(5)];
    const start = FROM + 24 + rng.int(HOURS - FROM - 24 - length);
    if (planted.some((p) => start < p.end + 24 && p.start < start + length + 24)) continue;
    // Sizes from a modest to a large surge over the usual volume of those hours.
    let usual = 0;
    for (let h = start; h < start + length; h++) usual += rates[h];
    const multiple = MULTIPLES[rng.int(MULTIPLES.length)];
    const extraPerHour = Math.max((multiple * usual) / length, 10 / length, 0.5 * perHour);
    planted.push({ start, end: start + length, extraPerHour, cause: `cause${planted.length}`, multiple });
  }
  for (const p of planted) for (let h = p.start; h < p.end; h++) counts[h] += poisson(rng, p.extraPerHour);
  return planted.sort((a, b) => a.start - b.start);
}

/** Words of the mentions in [from, to): background mentions draw from the vocabulary, planted ones add their cause. */
function wordsOf(
  rng: Rng,
  word: () => string,
  counts: number[],
  planted: Planted[],
  from: number,
  to: number,
) {
  const bag = new Map<string, number>();
  const add = (w: string) => bag.set(w, (bag.get(w) ?? 0) + 1);
  for (let h = Math.max(0, from); h < to; h++) {
    const cause = planted.find((p) => h >= p.start && h < p.end);
    for (let m = 0; m < counts[h]; m++) {
      const caused = cause && rng.chance(cause.extraPerHour / (cause.extraPerHour + 1));
      const words = new Set<string>();
      while (words.size < WORDS_PER_MENTION) words.add(word());
      if (caused && rng.chance(0.7)) words.add(cause.cause);
      for (const w of words) add(w);
    }
  }
  return bag;
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) =>
  a.start < b.end && b.start < a.end;

type Tally = {
  detected: number;
  truePositive: number;
  planted: number;
  found: number;
  explained: number;
  delays: number[];
  byMultiple: Map<number, { planted: number; found: number }>;
};
const tallyOf = (): Tally => ({
  detected: 0,
  truePositive: 0,
  planted: 0,
  found: 0,
  explained: 0,
  delays: [],
  byMultiple: new Map(MULTIPLES.map((m) => [m, { planted: 0, found: 0 }])),
});
const rows: { volume: string; tally: Tally }[] = [];
for (const [volume, perHour] of [
  ['quiet (0.5/h)', 0.5],
  ['steady (5/h)', 5],
  ['loud (50/h)', 50],
] as const) {
  const tally = tallyOf();
  for (let seed = 1; seed <= SEEDS; seed++) {
    const rng = new Rng(seed * 1000 + perHour * 10);
    const rates = backgroundRates(rng.fork('rates'), perHour);
    const counts = Array.from(rates, (r) => poisson(rng, r));
    const planted = plant(rng.fork('plant'), counts, rates, perHour, 6);
    const spikes = detectSpikes(counts, { from: FROM });
    tally.detected += spikes.length;
    tally.truePositive += spikes.filter((s) => planted.some((p) => overlaps(s, p))).length;
    tally.planted += planted.length;
    const word = zipfSampler(rng.fork('words'));
    for (const p of planted) {
      const hit = spikes.find((s) => overlaps(s, p));
      const bySize = tally.byMultiple.get(p.multiple)!;
      bySize.planted++;
      if (!hit) continue;
      bySize.found++;
      tally.found++;
      // The explanation as the listening module builds it: the spike's mentions against the four weeks before it.
      const inSpike = wordsOf(rng, word, counts, planted, hit.start, hit.end);
      const before = wordsOf(rng, word, counts, planted, hit.start - 4 * HOURS_PER_WEEK, hit.start);
      const why = overrepresented(inSpike, before, { limit: 3 });
      if (why.some((w) => w.key === p.cause)) tally.explained++;
      // Delay: the hours of data after the spike began that the detector needed to flag it, run as it would be live.
      for (let t = p.start; t < p.end + 24 && t < HOURS; t++) {
        if (detectSpikes(counts.slice(0, t + 1), { from: FROM }).some((s) => overlaps(s, p))) {
          tally.delays.push(t - p.start + 1);
          break;
        }
      }
    }
  }
  rows.push({ volume, tally });
}

const pct = (a: number, b: number) => (b === 0 ? '–' : `${((100 * a) / b).toFixed(1)}%`);
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? Number.NaN : s[Math.floor(s.length / 2)];
};
console.log(
  `Spikes: ${SEEDS} seeds × 3 volumes × 6 planted spikes (1–24 h, 1.5–8× the usual volume), 4 weeks each`,
);
const sizes = MULTIPLES.map((m) => `recall ${m}×`);
console.log(
  `| volume | detected | precision | recall | ${sizes.join(' | ')} | explained (cause in top 3) | median delay (h) |`,
);
console.log(`|---|---:|---:|---:|${sizes.map(() => '---:|').join('')}---:|---:|`);
const all = tallyOf();
const line = (volume: string, t: Tally) =>
  `| ${volume} | ${t.detected} | ${pct(t.truePositive, t.detected)} | ${pct(t.found, t.planted)} | ${MULTIPLES.map((m) => pct(t.byMultiple.get(m)!.found, t.byMultiple.get(m)!.planted)).join(' | ')} | ${pct(t.explained, t.found)} | ${median(t.delays)} |`;
for (const { volume, tally } of rows) {
  console.log(line(volume, tally));
  for (const m of MULTIPLES) {
    all.byMultiple.get(m)!.planted += tally.byMultiple.get(m)!.planted;
    all.byMultiple.get(m)!.found += tally.byMultiple.get(m)!.found;
  }
  all.detected += tally.detected;
  all.truePositive += tally.truePositive;
  all.planted += tally.planted;
  all.found += tally.found;
  all.explained += tally.explained;
  all.delays.push(...tally.delays);
}
const precision = all.truePositive / all.detected;
const large = MULTIPLES.filter((m) => m >= 4).map((m) => all.byMultiple.get(m)!);
const recallAt4x = large.reduce((a, b) => a + b.found, 0) / large.reduce((a, b) => a + b.planted, 0);
const explained = all.explained / all.found;
const delay = median(all.delays);
console.log(line('all', all));
const missed = [
  precision < TARGETS.precision &&
    `precision ${pct(all.truePositive, all.detected)} < ${TARGETS.precision * 100}%`,
  recallAt4x < TARGETS.recallAt4x &&
    `recall of ≥ 4× surges ${(100 * recallAt4x).toFixed(1)}% < ${TARGETS.recallAt4x * 100}%`,
  explained < TARGETS.explained && `explained ${pct(all.explained, all.found)} < ${TARGETS.explained * 100}%`,
  delay > TARGETS.medianDelayHours && `median delay ${delay} h > ${TARGETS.medianDelayHours} h`,
].filter(Boolean);
if (missed.length > 0) {
  console.error(`targets missed: ${missed.join('; ')}`);
  process.exit(1);
}
console.log(
  `targets met: precision ≥ ${TARGETS.precision * 100}%, recall of ≥ 4× surges ≥ ${TARGETS.recallAt4x * 100}%, explained ≥ ${TARGETS.explained * 100}%, median delay ≤ ${TARGETS.medianDelayHours} h`,
);

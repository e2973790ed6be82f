/** A seeded pseudo-random generator (mulberry32): the same seed gives the same interval, run after run. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export type Lift = {
  treatedMean: number;
  controlMean: number;
  /** Relative lift: treated mean over control mean, minus 1 (0.2 is 20% more); null when a group is empty or the control mean is 0. */
  lift: number | null;
  /** The percentile bootstrap interval of the lift at `confidence`; null without enough data. */
  low: number | null;
  high: number | null;
  treated: number;
  control: number;
  confidence: number;
  iterations: number;
};

const mean = (xs: ArrayLike<number>) => {
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += xs[i];
  return xs.length ? s / xs.length : 0;
};

/** Mean of a resample with replacement of `xs`, drawn with `rand`. */
function resampleMean(xs: ArrayLike<number>, rand: () => number): number {
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += xs[Math.floor(rand() * xs.length)];
  return s / xs.length;
}

/** The q-quantile of sorted values, interpolated linearly. */
function quantile(sorted: number[], q: number): number {
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

/**
 * The lift of the treated group's mean over the control group's (spend per customer, repeat rate as 0/1, lifetime
 * value) with a percentile bootstrap confidence interval: each group is resampled with replacement on its own
 * (stratified), `iterations` times, from a seeded generator. Resamples whose control mean is 0 are skipped; fewer
 * than 2 people in a group gives no interval.
 */
export function bootstrapLift(
  treated: ArrayLike<number>,
  control: ArrayLike<number>,
  options: { iterations?: number; seed?: number; confidence?: number } = {},
): Lift {
  const iterations = options.iterations ?? 2000;
  const confidence = options.confidence ?? 0.95;
  const treatedMean = mean(treated);
  const controlMean = mean(control);
  const base = {
    treatedMean,
    controlMean,
    lift: controlMean === 0 || treated.length === 0 ? null : treatedMean / controlMean - 1,
    low: null,
    high: null,
    treated: treated.length,
    control: control.length,
    confidence,
    iterations,
  };
  if (treated.length < 2 || control.length < 2 || base.lift === null) return base;
  const rand = seededRandom(options.seed ?? 1);
  const lifts: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const t = resampleMean(treated, rand);
    const c = resampleMean(control, rand);
    if (c !== 0) lifts.push(t / c - 1);
  }
  if (lifts.length < iterations / 2) return base;
  lifts.sort((a, b) => a - b);
  const tail = (1 - confidence) / 2;
  return { ...base, low: quantile(lifts, tail), high: quantile(lifts, 1 - tail) };
}

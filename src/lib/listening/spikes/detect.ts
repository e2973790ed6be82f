// Spike detection against a topic's own seasonal baseline: each hour is compared with the same hour of the week
// in the weeks before (and its neighbouring hours, to steady small counts), windows of 1, 6 and 24 hours are
// tested so a quiet topic's slow day-long surge is found as well as a loud topic's sharp hour. The significance is
// the exact conditional test of two Poisson rates: given the window's count X and the baseline's count B over m
// times the window's hours, X is Binomial(X + B, 1/(m + 1)) when nothing changed, so a baseline estimated from few
// mentions is not mistaken for a sure one.

export const HOURS_PER_WEEK = 168;

export type SpikeOptions = {
  /** Weeks of history the baseline averages (the series must start that many weeks before `from`). */
  weeks: number;
  /** First hour (index into the series) that may be part of a spike. */
  from: number;
  /** A window is a spike when the chance of a count this high with an unchanged rate is below this. */
  maxPValue: number;
  /** …and it holds at least this many mentions… */
  minCount: number;
  /** …and at least this many times the expected count. */
  minRatio: number;
  /** Expected mentions per hour never below this, so an hour that was always silent is not infinitely surprising. */
  floorPerHour: number;
};

export const DEFAULT_SPIKE_OPTIONS: Omit<SpikeOptions, 'from'> = {
  weeks: 4,
  maxPValue: 1e-5,
  minCount: 8,
  minRatio: 2.5,
  floorPerHour: 0.05,
};

export type Spike = {
  /** Index of the first hour of the spike (inclusive) and of the hour after it. */
  start: number;
  end: number;
  observed: number;
  expected: number;
  /** observed / expected. */
  ratio: number;
  /** The smallest upper-tail probability of the windows that make up the spike. */
  pValue: number;
  /** The busiest hour inside it. */
  peak: number;
};

const WINDOWS = [1, 6, 24];

/**
 * For every hour of `counts` from `from` on, the expected count: the mean of the same hour of each previous week and
 * the hours either side, leaving out a week whose count stands far out of the others (a past spike must not raise
 * the bar for the next), never below `floorPerHour`. `exposure` is how many hours of history each hour's expectation
 * stands for, which the significance test weighs it by.
 */
export function seasonalBaseline(
  counts: ArrayLike<number>,
  from: number,
  weeks: number,
  floorPerHour: number,
) {
  if (weeks < 2) throw new RangeError('the baseline needs at least 2 weeks');
  if (from < weeks * HOURS_PER_WEEK + 1)
    throw new RangeError(`the series needs ${weeks} weeks and an hour of history before hour ${from}`);
  const expected = new Float64Array(counts.length);
  for (let i = from; i < counts.length; i++) {
    let sum = 0;
    let busiest = 0;
    for (let k = 1; k <= weeks; k++) {
      const j = i - k * HOURS_PER_WEEK;
      const week = counts[j - 1] + counts[j] + counts[j + 1];
      sum += week;
      busiest = Math.max(busiest, week);
    }
    const others = (sum - busiest) / (weeks - 1);
    const mean = busiest > 2 * others + 6 ? others / 3 : sum / (3 * weeks);
    expected[i] = Math.max(mean, floorPerHour);
  }
  return { expected, exposure: 3 * weeks };
}

/**
 * The spikes in `counts` (mentions per hour, oldest first) from `options.from` on. Every window of 1, 6 and 24 hours
 * that passes the thresholds is a candidate; the most significant are taken first and a candidate overlapping one
 * already taken is dropped (so a sharp hour inside a busy day is not also reported as the day), taken windows that
 * touch are joined, and each spike is trimmed to the hours above their expected count.
 */
export function detectSpikes(
  counts: ArrayLike<number>,
  options: Partial<SpikeOptions> & { from: number },
): Spike[] {
  const o = { ...DEFAULT_SPIKE_OPTIONS, ...options };
  const { expected, exposure } = seasonalBaseline(counts, o.from, o.weeks, o.floorPerHour);
  const n = counts.length;
  const candidates: { start: number; end: number; p: number }[] = [];
  for (const width of WINDOWS) {
    let observed = 0;
    let lambda = 0;
    for (let i = o.from; i < n; i++) {
      observed += counts[i];
      lambda += expected[i];
      if (i - width >= o.from) {
        observed -= counts[i - width];
        lambda -= expected[i - width];
      }
      if (i - o.from + 1 < width) continue;
      if (observed < o.minCount || observed < o.minRatio * lambda) continue;
      const p = binomialUpperTail(observed, observed + Math.round(lambda * exposure), 1 / (exposure + 1));
      if (p <= o.maxPValue) candidates.push({ start: i - width + 1, end: i + 1, p });
    }
  }
  candidates.sort((a, b) => a.p - b.p || a.end - a.start - (b.end - b.start) || a.start - b.start);
  const taken: typeof candidates = [];
  for (const c of candidates) if (!taken.some((t) => c.start < t.end && t.start < c.end)) taken.push(c);
  taken.sort((a, b) => a.start - b.start);

  const spikes: Spike[] = [];
  for (let k = 0; k < taken.length; k++) {
    let { start, end, p: pValue } = taken[k];
    while (k + 1 < taken.length && taken[k + 1].start <= end) {
      k++;
      end = Math.max(end, taken[k].end);
      pValue = Math.min(pValue, taken[k].p);
    }
    while (start < end - 1 && counts[start] <= expected[start]) start++;
    while (end - 1 > start && counts[end - 1] <= expected[end - 1]) end--;
    let observed = 0;
    let lambda = 0;
    let peak = start;
    for (let h = start; h < end; h++) {
      observed += counts[h];
      lambda += expected[h];
      if (counts[h] > counts[peak]) peak = h;
    }
    spikes.push({ start, end, observed, expected: lambda, ratio: observed / lambda, pValue, peak });
  }
  return spikes;
}

/** P(X ≥ x) for X ~ Binomial(n, p), summed in log space from x upwards (or as 1 − the lower part below the mean). */
export function binomialUpperTail(x: number, n: number, p: number) {
  if (x <= 0) return 1;
  if (x > n) return 0;
  const term = (k: number) =>
    Math.exp(
      logFactorial(n) - logFactorial(k) - logFactorial(n - k) + k * Math.log(p) + (n - k) * Math.log1p(-p),
    );
  if (x <= n * p) {
    let lower = 0;
    for (let k = 0; k < x; k++) lower += term(k);
    return Math.max(0, 1 - lower);
  }
  let sum = 0;
  for (let k = x; k <= n; k++) {
    const t = term(k);
    sum += t;
    if (t < sum * 1e-15) break;
  }
  return Math.min(1, sum);
}

function logFactorial(n: number) {
  // Stirling's series is exact to double precision beyond 20; below it the product is.
  if (n < 20) {
    let r = 0;
    for (let k = 2; k <= n; k++) r += Math.log(k);
    return r;
  }
  return n * Math.log(n) - n + 0.5 * Math.log(2 * Math.PI * n) + 1 / (12 * n) - 1 / (360 * n ** 3);
}

/**
 * Platt scaling of triage's confidence (Platt 1999; Guo et al. 2017 for why a modern classifier needs it): the
 * probability that the chosen intent is right is σ(slope · logit(confidence) + intercept). Fitted on out-of-fold
 * predictions of the training data (`npm run train:intent`), stored in the model file; monotone, so it never
 * changes which intent is chosen, only how sure triage says it is.
 */
export type Calibration = { slope: number; intercept: number };

export const IDENTITY_CALIBRATION: Calibration = { slope: 1, intercept: 0 };

const logit = (p: number) => {
  const q = Math.min(1 - 1e-6, Math.max(1e-6, p));
  return Math.log(q / (1 - q));
};

export function calibrate(confidence: number, calibration: Calibration): number {
  return 1 / (1 + Math.exp(-(calibration.slope * logit(confidence) + calibration.intercept)));
}

/** Fits slope and intercept by Newton's method on the log-loss of (confidence, was it right) pairs. */
export function fitCalibration(rows: readonly { confidence: number; correct: boolean }[]): Calibration {
  let a = 1;
  let b = 0;
  for (let iteration = 0; iteration < 50; iteration++) {
    let [ga, gb, haa, hab, hbb] = [0, 0, 0, 0, 0];
    for (const r of rows) {
      const x = logit(r.confidence);
      const p = 1 / (1 + Math.exp(-(a * x + b)));
      const y = r.correct ? 1 : 0;
      const w = Math.max(1e-9, p * (1 - p));
      ga += (p - y) * x;
      gb += p - y;
      haa += w * x * x;
      hab += w * x;
      hbb += w;
    }
    // A small ridge keeps the step finite when the rows are (nearly) separable.
    haa += 1e-6;
    hbb += 1e-6;
    const det = haa * hbb - hab * hab;
    const da = (hbb * ga - hab * gb) / det;
    const db = (haa * gb - hab * ga) / det;
    a -= da;
    b -= db;
    if (Math.abs(da) + Math.abs(db) < 1e-9) break;
  }
  return { slope: Number(a.toFixed(5)), intercept: Number(b.toFixed(5)) };
}

/** Expected calibration error over equal-width bins, and the bins themselves (the reliability curve). */
export function reliability(rows: readonly { confidence: number; correct: boolean }[], bins = 10) {
  const curve = Array.from({ length: bins }, (_, b) => ({
    from: b / bins,
    n: 0,
    confidence: 0,
    accuracy: 0,
  }));
  for (const r of rows) {
    const bin = curve[Math.min(bins - 1, Math.floor(r.confidence * bins))];
    bin.n++;
    bin.confidence += r.confidence;
    bin.accuracy += r.correct ? 1 : 0;
  }
  let ece = 0;
  for (const bin of curve) {
    if (bin.n === 0) continue;
    bin.confidence /= bin.n;
    bin.accuracy /= bin.n;
    ece += (bin.n / rows.length) * Math.abs(bin.accuracy - bin.confidence);
  }
  return { ece, curve };
}

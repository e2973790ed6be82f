/** Scoring helpers for eval-care; each matches the metric the data set's paper or README names. */

export type Confusion = number[][];

export function confusion(
  gold: readonly number[],
  predicted: readonly number[],
  nClasses: number,
): Confusion {
  const matrix = Array.from({ length: nClasses }, () => new Array<number>(nClasses).fill(0));
  gold.forEach((g, i) => {
    matrix[g][predicted[i]]++;
  });
  return matrix;
}

export function accuracy(matrix: Confusion): number {
  let correct = 0;
  let total = 0;
  matrix.forEach((row, g) => {
    correct += row[g];
    total += row.reduce((a, b) => a + b, 0);
  });
  return total === 0 ? 0 : correct / total;
}

function recallOf(matrix: Confusion, c: number): number {
  const support = matrix[c].reduce((a, b) => a + b, 0);
  return support === 0 ? 0 : matrix[c][c] / support;
}

function precisionOf(matrix: Confusion, c: number): number {
  const predicted = matrix.reduce((sum, row) => sum + row[c], 0);
  return predicted === 0 ? 0 : matrix[c][c] / predicted;
}

export function f1Of(matrix: Confusion, c: number): number {
  const p = precisionOf(matrix, c);
  const r = recallOf(matrix, c);
  return p + r === 0 ? 0 : (2 * p * r) / (p + r);
}

export function macroRecall(matrix: Confusion): number {
  return matrix.reduce((sum, _, c) => sum + recallOf(matrix, c), 0) / matrix.length;
}

export function macroF1(matrix: Confusion): number {
  return matrix.reduce((sum, _, c) => sum + f1Of(matrix, c), 0) / matrix.length;
}

export function pearson(xs: readonly number[], ys: readonly number[]): number {
  const n = xs.length;
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (xs[i] - mx) * (ys[i] - my);
    sxx += (xs[i] - mx) ** 2;
    syy += (ys[i] - my) ** 2;
  }
  return sxy / Math.sqrt(sxx * syy);
}

/** 0 negative, 1 neutral, 2 positive: VADER's ±0.05 cut on a −1..1 score (Hutto & Gilbert 2014). */
export function polarityClass(score: number, neutralBand = 0.05): number {
  return score >= neutralBand ? 2 : score <= -neutralBand ? 0 : 1;
}

// Why a spike happened: the features (terms, hashtags, authors) over-represented in the spike window against the
// baseline window, by the weighted log-odds ratio with an informative Dirichlet prior (Monroe, Colaresi and Quinn,
// "Fightin' Words", 2008), the prior being both windows' counts together. A raw count would name the words a topic
// always uses; the z-score names what is new, and discounts a word seen twice.

export type Overrepresented = {
  key: string;
  /** Occurrences in the spike window and in the baseline window. */
  spike: number;
  baseline: number;
  /** The log-odds ratio's z-score: above 1.96 is over-represented at the 5% level. */
  z: number;
};

/**
 * The features of `spike` over-represented against `baseline`, most significant first, keeping those with
 * z ≥ `minZ` and at least `minCount` occurrences in the spike.
 */
export function overrepresented(
  spike: ReadonlyMap<string, number>,
  baseline: ReadonlyMap<string, number>,
  { limit = 8, minZ = 1.96, minCount = 3 }: { limit?: number; minZ?: number; minCount?: number } = {},
): Overrepresented[] {
  const keys = new Set([...spike.keys(), ...baseline.keys()]);
  const nSpike = total(spike);
  const nBase = total(baseline);
  // The prior: each feature's share of both windows, scaled to the smaller window so it never swamps the data.
  const a0 = Math.max(1, Math.min(nSpike, nBase));
  const nAll = nSpike + nBase;
  if (nSpike === 0 || nAll === 0) return [];
  const out: Overrepresented[] = [];
  for (const key of keys) {
    const ys = spike.get(key) ?? 0;
    if (ys < minCount) continue;
    const yb = baseline.get(key) ?? 0;
    const a = (a0 * (ys + yb)) / nAll;
    // A feature that is the whole of both windows says nothing about what changed.
    if (nSpike + a0 - ys - a <= 0 || nBase + a0 - yb - a <= 0) continue;
    const delta = Math.log((ys + a) / (nSpike + a0 - ys - a)) - Math.log((yb + a) / (nBase + a0 - yb - a));
    const z = delta / Math.sqrt(1 / (ys + a) + 1 / (yb + a));
    if (z >= minZ) out.push({ key, spike: ys, baseline: yb, z });
  }
  return out.sort((x, y) => y.z - x.z || x.key.localeCompare(y.key)).slice(0, limit);
}

function total(m: ReadonlyMap<string, number>) {
  let n = 0;
  for (const v of m.values()) n += v;
  return n;
}

/** One rung of a brand's ladder: reached at `minPoints` rolling 12-month points. */
export type Tier = { key: string; name: string; minPoints: number; perks: string };

/** The ladder of a brand that has not set its own. */
export const DEFAULT_TIERS: Tier[] = [
  { key: 'member', name: 'Member', minPoints: 0, perks: 'Your contributions are counted' },
  {
    key: 'insider',
    name: 'Insider',
    minPoints: 100,
    perks: 'Early access to deals, a badge on your profile and replies',
  },
  {
    key: 'champion',
    name: 'Champion',
    minPoints: 400,
    perks: 'Everything Insiders get, exclusive products and invitations to co-design',
  },
];

export type LadderProblem = { index: number; field: 'minPoints' | 'key'; message: string };

/**
 * Why a ladder makes no sense, or null: thresholds are whole numbers from 0, the first rung starts at 0 (everyone
 * with points has a tier), each rung needs more points than the one below (no overlap), keys are unique.
 */
export function ladderProblem(tiers: Pick<Tier, 'key' | 'minPoints'>[]): LadderProblem | null {
  const keys = new Set<string>();
  for (const [index, t] of tiers.entries()) {
    if (t.minPoints < 0) return { index, field: 'minPoints', message: 'must be 0 or more' };
    if (index === 0 && t.minPoints !== 0)
      return { index, field: 'minPoints', message: 'the first tier starts at 0' };
    const below = tiers[index - 1];
    if (below && t.minPoints <= below.minPoints)
      return {
        index,
        field: 'minPoints',
        message: `must be more than the ${below.minPoints} of the tier below`,
      };
    if (keys.has(t.key)) return { index, field: 'key', message: 'is used by another tier' };
    keys.add(t.key);
  }
  return null;
}

/** The highest tier reached with these points (the ladder is sorted by threshold). */
export function tierFor<T extends Pick<Tier, 'minPoints'>>(ladder: T[], points: number): T {
  let reached = ladder[0];
  for (const t of ladder) if (points >= t.minPoints) reached = t;
  return reached;
}

/** Where a person stands: their tier, the next one and the points still missing. */
export function progressOf<T extends Pick<Tier, 'minPoints'>>(ladder: T[], points: number) {
  const tier = tierFor(ladder, points);
  const next = ladder.find((t) => t.minPoints > points) ?? null;
  return { tier, next, pointsToNext: next ? next.minPoints - points : null };
}

/** Whether `key` is at or above `atLeast` on the ladder (a tier audience includes the tiers above it). */
export function atOrAbove(ladder: Pick<Tier, 'key'>[], key: string, atLeast: string): boolean {
  const have = ladder.findIndex((t) => t.key === key);
  const need = ladder.findIndex((t) => t.key === atLeast);
  return have >= 0 && need >= 0 && have >= need;
}

import type { CommissionTier } from './rfp.tables.ts';

/**
 * Commission on a person's attributed revenue: `baseBp` basis points up to the target; above it, each tier's rate
 * applies to the revenue beyond `target × (1 + aboveTargetPercent/100)` up to the next tier (marginal brackets, so
 * crossing a threshold never lowers pay). Without tiers the base rate applies throughout; without a target, too.
 */
export function commissionMinor(
  revenueMinor: number,
  targetMinor: number | null,
  baseBp: number,
  tiers: CommissionTier[],
): number {
  if (revenueMinor <= 0) return 0;
  if (!targetMinor || tiers.length === 0) return Math.round((revenueMinor * baseBp) / 10_000);
  const brackets = [...tiers]
    .sort((a, b) => a.aboveTargetPercent - b.aboveTargetPercent)
    .map((t) => ({ from: Math.round(targetMinor * (1 + t.aboveTargetPercent / 100)), bp: t.bp }));
  let total = (Math.min(revenueMinor, brackets[0].from) * baseBp) / 10_000;
  brackets.forEach((b, i) => {
    const to = brackets[i + 1]?.from ?? Number.POSITIVE_INFINITY;
    if (revenueMinor > b.from) total += ((Math.min(revenueMinor, to) - b.from) * b.bp) / 10_000;
  });
  return Math.round(total);
}

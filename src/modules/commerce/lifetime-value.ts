/**
 * Customer lifetime value for one brand: what the customer has spent (net of refunds), plus a predicted next
 * twelve months. The prediction is deliberately simple and explainable: the customer's own purchase rate so far
 * (orders per month since the first order, at least one month of history assumed) times their average order
 * value, times 12, discounted by how likely they are to still be active: 0.8 if they bought in the last 90
 * days, 0.4 within a year, 0.1 after that (a recency heuristic in the spirit of BG/NBD "alive" probability).
 */
export function lifetimeValue(
  summary: { orders: number; spendMinor: number; firstAt: Date | null; lastAt: Date | null },
  now = new Date(),
) {
  if (summary.orders === 0 || !summary.firstAt || !summary.lastAt)
    return { historicMinor: 0, predictedMinor: 0, totalMinor: 0 };
  const monthMs = 30 * 86_400_000;
  const months = Math.max(1, (now.getTime() - summary.firstAt.getTime()) / monthMs);
  const perMonth = summary.orders / months;
  const averageOrder = summary.spendMinor / summary.orders;
  const idleDays = (now.getTime() - summary.lastAt.getTime()) / 86_400_000;
  const alive = idleDays <= 90 ? 0.8 : idleDays <= 365 ? 0.4 : 0.1;
  const predictedMinor = Math.round(perMonth * 12 * averageOrder * alive);
  return {
    historicMinor: summary.spendMinor,
    predictedMinor,
    totalMinor: summary.spendMinor + predictedMinor,
  };
}

/**
 * Customer lifetime value for one brand: what the customer has spent (net of refunds), plus a predicted next
 * twelve months, with how it was estimated and how sure it is.
 *
 * The prediction is deliberately simple and explainable: the customer's own purchase rate so far (orders per
 * month since the first order) times their average order value, times 12, discounted by how likely they are to
 * still be active: 0.8 if they bought in the last 90 days, 0.4 within a year, 0.1 after that (a recency heuristic
 * in the spirit of BG/NBD "alive" probability). A rate needs history: below `MIN_HISTORY_DAYS` since the first
 * order there is no prediction at all ("too early"): a customer of fifteen minutes with one order would otherwise be
 * extrapolated to an order a month. The range reflects how few orders the rate rests on (a Poisson count's
 * relative error, 1/√orders); confidence grows with orders and history.
 */
export const MIN_HISTORY_DAYS = 90;

export type LifetimeValueEstimate = {
  /** Spend to date, net of refunds. */
  historicMinor: number;
  /** The next twelve months' expected spend; 0 when there is no estimate. */
  predictedMinor: number;
  /** Spend to date plus the prediction: what routing rules compare against. */
  totalMinor: number;
  /** `too_early`: less than the minimum history, spend to date only. */
  status: 'no_orders' | 'too_early' | 'estimated';
  confidence: 'low' | 'medium' | 'high' | null;
  /** The likely span of the total (spend to date plus the prediction's range); null without an estimate. */
  rangeMinor: { low: number; high: number } | null;
  /** Days since the first order. */
  historyDays: number;
  /** How the figure was reached, in a sentence a person can check. */
  basis: string;
};

const DAY_MS = 86_400_000;

export function lifetimeValue(
  summary: { orders: number; spendMinor: number; firstAt: Date | null; lastAt: Date | null },
  now = new Date(),
): LifetimeValueEstimate {
  if (summary.orders === 0 || !summary.firstAt || !summary.lastAt)
    return {
      historicMinor: 0,
      predictedMinor: 0,
      totalMinor: 0,
      status: 'no_orders',
      confidence: null,
      rangeMinor: null,
      historyDays: 0,
      basis: 'No orders with this brand yet.',
    };
  const historyDays = Math.max(0, Math.floor((now.getTime() - summary.firstAt.getTime()) / DAY_MS));
  const orders = `${summary.orders} order${summary.orders === 1 ? '' : 's'}`;
  if (historyDays < MIN_HISTORY_DAYS)
    return {
      historicMinor: summary.spendMinor,
      predictedMinor: 0,
      totalMinor: summary.spendMinor,
      status: 'too_early',
      confidence: null,
      rangeMinor: null,
      historyDays,
      basis: `Too early to estimate: ${orders} in ${historyDays === 0 ? 'less than a day' : `${historyDays} day${historyDays === 1 ? '' : 's'}`}; a prediction needs ${MIN_HISTORY_DAYS} days of history. Spend to date only.`,
    };
  const months = historyDays / 30;
  const perMonth = summary.orders / months;
  const averageOrder = summary.spendMinor / summary.orders;
  const idleDays = (now.getTime() - summary.lastAt.getTime()) / DAY_MS;
  const alive = idleDays <= 90 ? 0.8 : idleDays <= 365 ? 0.4 : 0.1;
  const predictedMinor = Math.round(perMonth * 12 * averageOrder * alive);
  const spread = 1 / Math.sqrt(summary.orders);
  const confidence =
    summary.orders >= 6 && historyDays >= 365
      ? 'high'
      : summary.orders >= 3 && historyDays >= 180
        ? 'medium'
        : 'low';
  return {
    historicMinor: summary.spendMinor,
    predictedMinor,
    totalMinor: summary.spendMinor + predictedMinor,
    status: 'estimated',
    confidence,
    rangeMinor: {
      low: summary.spendMinor + Math.round(predictedMinor * Math.max(0, 1 - spread)),
      high: summary.spendMinor + Math.round(predictedMinor * (1 + spread)),
    },
    historyDays,
    basis: `${orders} in ${historyDays} days (${perMonth.toFixed(2)} a month, average order ${(averageOrder / 100).toFixed(2)}), over the next 12 months, × ${alive} chance still active (last order ${Math.floor(idleDays)} days ago).`,
  };
}

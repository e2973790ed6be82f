/** A brand's margin rule for one product; every part optional. */
export type MarginRule = {
  costMinor: number | null;
  minMarginPercent: number | null;
  minPriceMinor: number | null;
};

export type PricingFacts = {
  listPriceMinor: number;
  /** The reseller floor; it binds only products that are not own-store exclusives. */
  resellerFloorMinor: number | null;
  exclusive: boolean;
  rule: MarginRule | null;
};

/** Why the floor is what it is, for the agent: the highest of these binds. */
export type FloorReason = 'margin' | 'min_price' | 'reseller_floor' | 'none';

/**
 * The lowest unit price a quote may offer: the highest of cost plus the minimum margin, the minimum price and
 * (for non-exclusive products) the reseller floor.
 */
export function floorOf(f: PricingFacts): { floorMinor: number; reason: FloorReason } {
  const parts: [number, FloorReason][] = [[0, 'none']];
  const r = f.rule;
  if (r?.costMinor != null && r.minMarginPercent != null)
    parts.push([Math.ceil((r.costMinor * (100 + r.minMarginPercent)) / 100), 'margin']);
  if (r?.minPriceMinor != null) parts.push([r.minPriceMinor, 'min_price']);
  if (!f.exclusive && f.resellerFloorMinor != null) parts.push([f.resellerFloorMinor, 'reseller_floor']);
  const [floorMinor, reason] = parts.reduce((a, b) => (b[0] > a[0] ? b : a));
  return { floorMinor, reason };
}

/**
 * The unit price Souk suggests for a customer's ask: what they asked when the brand can afford it (never above
 * the list price), else the floor, the best the brand can do. Without an ask, the list price.
 */
export function suggestUnitPrice(f: PricingFacts, askedUnitMinor: number | null): number {
  const { floorMinor } = floorOf(f);
  if (askedUnitMinor === null) return Math.max(f.listPriceMinor, floorMinor);
  return Math.max(floorMinor, Math.min(askedUnitMinor, f.listPriceMinor));
}

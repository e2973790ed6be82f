import type { DiscountKind } from '../commerce.tables.ts';

export type CodeTerms = {
  kind: DiscountKind;
  percentOff: number | null;
  amountMinor: number | null;
  /** Empty: every product of the brand. */
  productIds: string[];
};

export type PricedLine = {
  productId: string;
  title: string;
  quantity: number;
  unitPriceMinor: number;
  floorMinor: number | null;
  exclusive: boolean;
};

export type FloorViolation = {
  productId: string;
  title: string;
  floorMinor: number;
  /** The unit price the code would make (rounded down to a whole minor unit). */
  discountedUnitMinor: number;
};

/**
 * Each line's share of a code's discount. A percentage comes off each eligible line; a fixed amount (never more
 * than the eligible lines cost) is spread over them in proportion to their price, the last one taking the
 * rounding remainder so the shares add up to the whole.
 */
export function allocateDiscount(terms: CodeTerms, lines: PricedLine[]): number[] {
  const eligible = (l: PricedLine) => terms.productIds.length === 0 || terms.productIds.includes(l.productId);
  const totals = lines.map((l) => (eligible(l) ? l.unitPriceMinor * l.quantity : 0));
  if (terms.kind === 'percent') return totals.map((t) => Math.round((t * (terms.percentOff ?? 0)) / 100));
  const base = totals.reduce((a, b) => a + b, 0);
  const amount = Math.min(terms.amountMinor ?? 0, base);
  const last = totals.reduce((at, t, i) => (t > 0 ? i : at), -1);
  let given = 0;
  return totals.map((t, i) => {
    if (t === 0) return 0;
    const share = i === last ? amount - given : Math.floor((amount * t) / base);
    given += share;
    return share;
  });
}

/** Whether any line is eligible for the code at all. */
export const appliesTo = (terms: CodeTerms, lines: PricedLine[]) =>
  terms.productIds.length === 0 || lines.some((l) => terms.productIds.includes(l.productId));

/**
 * The channel guard for codes: after the code, no product resellers also sell (not own-store exclusive, with a
 * floor) may cost less per unit than its floor.
 */
export function discountViolations(lines: PricedLine[], discounts: number[]): FloorViolation[] {
  return lines.flatMap((l, i) => {
    if (l.exclusive || l.floorMinor === null || discounts[i] === 0) return [];
    const paid = l.unitPriceMinor * l.quantity - discounts[i];
    if (paid >= l.floorMinor * l.quantity) return [];
    return [
      {
        productId: l.productId,
        title: l.title,
        floorMinor: l.floorMinor,
        discountedUnitMinor: Math.floor(paid / l.quantity),
      },
    ];
  });
}

export type Breakdown = {
  itemsMinor: number;
  discountMinor: number;
  shippingMinor: number;
  taxMinor: number;
  taxRateBp: number;
  taxIncluded: boolean;
  totalMinor: number;
};

/**
 * An order's totals. Shipping is free once the discounted items reach the zone's threshold. Tax (VAT-style)
 * applies to the goods after the discount and to shipping: inside the prices when the brand shows prices
 * tax-inclusive (its part is shown, the total unchanged), added on top otherwise.
 */
export function breakdown(input: {
  itemsMinor: number;
  discountMinor: number;
  zone: { rateMinor: number; freeOverMinor: number | null } | null;
  taxRateBp: number;
  taxIncluded: boolean;
}): Breakdown {
  const goods = input.itemsMinor - input.discountMinor;
  const shippingMinor =
    !input.zone || (input.zone.freeOverMinor !== null && goods >= input.zone.freeOverMinor)
      ? 0
      : input.zone.rateMinor;
  const base = goods + shippingMinor;
  const r = input.taxRateBp;
  const taxMinor = input.taxIncluded ? Math.round((base * r) / (10000 + r)) : Math.round((base * r) / 10000);
  return {
    itemsMinor: input.itemsMinor,
    discountMinor: input.discountMinor,
    shippingMinor,
    taxMinor,
    taxRateBp: r,
    taxIncluded: input.taxIncluded,
    totalMinor: input.taxIncluded ? base : base + taxMinor,
  };
}

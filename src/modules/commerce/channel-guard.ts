import type { DealType } from './commerce.tables.ts';

export type GuardItem = {
  productId: string;
  title: string;
  priceMinor: number;
  floorMinor: number | null;
  exclusive: boolean;
  role: 'main' | 'addon';
};

export type DealTerms = { type: DealType; percentOff?: number | null; valueMinor?: number | null };

export type Violation = {
  productId: string;
  title: string;
  floorMinor: number;
  dealPriceMinor: number;
  shortByMinor: number;
};

/**
 * The advertised unit price of each item under a deal. Bundles spread the bundle price over their items in
 * proportion to list price (the last item takes the rounding remainder, so the parts add up to the whole);
 * a free add-on is advertised at zero.
 */
export function dealPrices(terms: DealTerms, items: GuardItem[]): Map<string, number> {
  const prices = new Map<string, number>();
  if (terms.type === 'bundle') {
    const listTotal = items.reduce((sum, i) => sum + i.priceMinor, 0);
    const bundle = terms.valueMinor ?? 0;
    let allocated = 0;
    items.forEach((item, index) => {
      const share =
        index === items.length - 1
          ? bundle - allocated
          : Math.floor((bundle * item.priceMinor) / Math.max(listTotal, 1));
      allocated += share;
      prices.set(item.productId, share);
    });
    return prices;
  }
  for (const item of items) {
    if (item.role === 'addon') {
      prices.set(item.productId, terms.type === 'free_addon' ? 0 : item.priceMinor);
      continue;
    }
    const price =
      terms.type === 'percent_off'
        ? Math.round((item.priceMinor * (100 - (terms.percentOff ?? 0))) / 100)
        : terms.type === 'amount_off'
          ? Math.max(0, item.priceMinor - (terms.valueMinor ?? 0))
          : terms.type === 'fixed_price'
            ? (terms.valueMinor ?? item.priceMinor)
            : item.priceMinor;
    prices.set(item.productId, price);
  }
  return prices;
}

/**
 * The channel guard: a deal may not advertise a product resellers also sell below the floor the brand promised
 * them. Own-store exclusive items are never compared, and a bundle that includes one is value-added by definition.
 */
export function checkChannel(terms: DealTerms, items: GuardItem[]): Violation[] {
  if (terms.type === 'bundle' && items.some((i) => i.exclusive)) return [];
  const prices = dealPrices(terms, items);
  return items.flatMap((item) => {
    const dealPrice = prices.get(item.productId) ?? item.priceMinor;
    if (item.exclusive || item.floorMinor === null || dealPrice >= item.floorMinor) return [];
    return [
      {
        productId: item.productId,
        title: item.title,
        floorMinor: item.floorMinor,
        dealPriceMinor: dealPrice,
        shortByMinor: item.floorMinor - dealPrice,
      },
    ];
  });
}

/** What the brand can do instead, in words a marketer can act on. */
export function alternatives(
  violations: Violation[],
  exclusiveTitles: string[],
  format: (minor: number) => string,
): string[] {
  const out = violations.map(
    (v) =>
      `Raise the deal price of "${v.title}" to at least ${format(v.floorMinor)} (now ${format(v.dealPriceMinor)}).`,
  );
  out.push(
    exclusiveTitles.length
      ? `Make it a value-added bundle with an own-store exclusive item, such as ${exclusiveTitles
          .slice(0, 3)
          .map((t) => `"${t}"`)
          .join(', ')}.`
      : 'Make it a value-added bundle with an own-store exclusive item (personalisation, extended warranty): mark such a product as exclusive in the catalog first.',
  );
  out.push('An owner or admin may publish anyway with a recorded reason.');
  return out;
}

/** Integer minor units as a human price, e.g. 12999 EUR → "€129.99". */
export function formatMoney(minor: number, currency: string): string {
  return new Intl.NumberFormat('en', { style: 'currency', currency }).format(minor / 100);
}

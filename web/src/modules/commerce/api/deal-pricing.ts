import type { DealRole, DealType, GuardViolation, Product } from './commerce.types.ts';

export type PricedItem = { product: Product; role: DealRole };
export type DealTerms = { type: DealType; percentOff?: number; valueMinor?: number };

/**
 * The advertised unit price of each product under the terms: the same arithmetic as the server, so the
 * composer can preview prices and the channel guard before publishing. The server's answer still decides.
 */
export function previewPrices(terms: DealTerms, items: PricedItem[]): Map<string, number> {
  const prices = new Map<string, number>();
  if (terms.type === 'bundle') {
    const listTotal = items.reduce((sum, i) => sum + i.product.priceMinor, 0);
    const bundle = terms.valueMinor ?? 0;
    let allocated = 0;
    items.forEach((item, index) => {
      const share =
        index === items.length - 1
          ? bundle - allocated
          : Math.floor((bundle * item.product.priceMinor) / Math.max(listTotal, 1));
      allocated += share;
      prices.set(item.product.id, share);
    });
    return prices;
  }
  for (const { product, role } of items) {
    const list = product.priceMinor;
    if (role === 'addon') {
      prices.set(product.id, terms.type === 'free_addon' ? 0 : list);
      continue;
    }
    const price =
      terms.type === 'percent_off'
        ? Math.round((list * (100 - (terms.percentOff ?? 0))) / 100)
        : terms.type === 'amount_off'
          ? Math.max(0, list - (terms.valueMinor ?? 0))
          : terms.type === 'fixed_price'
            ? (terms.valueMinor ?? list)
            : list;
    prices.set(product.id, price);
  }
  return prices;
}

/** Products the guard would refuse: not exclusive, with a floor, advertised below it. */
export function previewViolations(terms: DealTerms, items: PricedItem[]): GuardViolation[] {
  if (terms.type === 'bundle' && items.some((i) => i.product.exclusive)) return [];
  const prices = previewPrices(terms, items);
  return items.flatMap(({ product }) => {
    const dealPrice = prices.get(product.id) ?? product.priceMinor;
    const floor = product.resellerFloorMinor;
    if (product.exclusive || floor == null || dealPrice >= floor) return [];
    return [
      {
        productId: product.id,
        title: product.title,
        floorMinor: floor,
        dealPriceMinor: dealPrice,
        shortByMinor: floor - dealPrice,
      },
    ];
  });
}

export const DEAL_TYPE_LABELS: Record<DealType, string> = {
  percent_off: 'Percent off',
  amount_off: 'Amount off',
  fixed_price: 'Fixed price',
  bundle: 'Bundle price',
  free_addon: 'Free add-on',
};

/** Deals that are bought whole: every product once, in equal quantities. */
export const isWholeDeal = (type: DealType) => type === 'bundle' || type === 'free_addon';

import type { Db } from '../../platform/db/database.ts';
import * as catalogRepo from './catalog.repo.ts';
import { formatMoney } from './channel-guard.ts';
import { commerceError } from './commerce.errors.ts';

/** One line of a brand's quote: a variant of its catalog, a quantity and the unit price it offers. */
export type QuoteLineInput = { variantId: string; quantity: number; unitPriceMinor: number };

export type PricedQuoteLine = QuoteLineInput & {
  productId: string;
  title: string;
  listPriceMinor: number;
};

export type PricedQuote = { currency: string; totalMinor: number; lines: PricedQuoteLine[] };

const invalid = (message: string, field: string) =>
  commerceError('invalid_quote', message, [{ field, message }]);

/**
 * Checks a quote against the brand's catalog: every line a variant of the brand's, on sale, in one currency, each
 * variant once; no unit price below the reseller floor of a non-exclusive product (the channel guard, as for deals).
 */
export async function priceQuote(db: Db, orgId: string, lines: QuoteLineInput[]): Promise<PricedQuote> {
  if (new Set(lines.map((l) => l.variantId)).size !== lines.length)
    throw invalid('Each variant may appear once; raise its quantity instead', 'items');
  const variants = new Map(
    (
      await catalogRepo.findVariants(
        db,
        lines.map((l) => l.variantId),
      )
    ).map((v) => [v.id, v]),
  );
  const products = new Map(
    (
      await catalogRepo.findProductsByIds(db, [...new Set([...variants.values()].map((v) => v.product_id))])
    ).map((p) => [p.id, p]),
  );
  const priced = lines.map((line, index) => {
    const variant = variants.get(line.variantId);
    const product = variant && products.get(variant.product_id);
    if (!variant || !product || product.org_id !== orgId)
      throw invalid(
        `No product variant ${line.variantId} in the brand's catalog`,
        `items[${index}].variantId`,
      );
    if (product.archived_at)
      throw invalid(`"${product.title}" is no longer sold`, `items[${index}].variantId`);
    if (
      !product.exclusive &&
      product.reseller_floor_minor !== null &&
      line.unitPriceMinor < product.reseller_floor_minor
    ) {
      throw commerceError(
        'channel_guard',
        `"${product.title}" may not be offered below its reseller floor of ${formatMoney(product.reseller_floor_minor, product.currency)}`,
        [{ field: `items[${index}].unitPriceMinor`, message: 'is below the reseller floor' }],
      );
    }
    return {
      ...line,
      productId: product.id,
      title: variant.name ? `${product.title} (${variant.name})` : product.title,
      listPriceMinor: product.price_minor,
      currency: product.currency,
    };
  });
  const currency = priced[0]?.currency;
  if (!currency) throw invalid('A quote has at least one line', 'items');
  if (priced.some((l) => l.currency !== currency))
    throw invalid('The quoted products are priced in different currencies', 'items');
  return {
    currency,
    totalMinor: priced.reduce((sum, l) => sum + l.unitPriceMinor * l.quantity, 0),
    lines: priced.map(({ currency: _, ...l }) => l),
  };
}

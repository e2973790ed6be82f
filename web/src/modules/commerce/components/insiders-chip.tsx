import type { Product } from '../api/commerce.types.ts';

/** Who may buy an Insiders-only product, in the brand's words: "Champion and above", or the segment's name. */
export function insidersWho(product: Pick<Product, 'audience' | 'audienceLabel'>): string | null {
  if (!product.audience) return null;
  const label = product.audienceLabel ?? product.audience.replace(/^(tier|segment):/, '');
  return product.audience.startsWith('tier:') ? `${label} members and above` : `members of “${label}”`;
}

/** "Insiders only" on a tile or a product page, with who may buy it. */
export function InsidersChip({
  product,
  long = false,
}: {
  product: Pick<Product, 'audience' | 'audienceLabel'>;
  long?: boolean;
}) {
  const who = insidersWho(product);
  if (!who) return null;
  return (
    <span className="insiders-chip" data-testid="insiders-chip" title={`Insiders only: for ${who}`}>
      Insiders only{long ? ` · for ${who}` : ''}
    </span>
  );
}

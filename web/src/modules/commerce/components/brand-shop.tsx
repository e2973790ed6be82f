import { Link } from 'react-router';
import { formatMoney } from '../../../shared/format/money.ts';
import { safeHttpUrl } from '../../../shared/ui/safe-url.ts';
import { EmptyState, ErrorBanner, Loading } from '../../../shared/ui/status.tsx';
import { MediaImage } from '../../media/index.ts';
import type { Product } from '../api/commerce.types.ts';
import { useProducts } from '../hooks/use-catalog.ts';
import { useOrgDeals } from '../hooks/use-deals.ts';
import { DealCardView } from './deal-card.tsx';
import { InsidersChip } from './insiders-chip.tsx';

export function ProductTile({ product }: { product: Product }) {
  const image = safeHttpUrl(product.images[0]);
  return (
    <Link to={`/products/${product.id}`} className="product-tile" data-testid="product-tile">
      {product.gallery[0] ? (
        <MediaImage media={product.gallery[0]} alt="" sizes="200px" className="product-tile-image" />
      ) : image ? (
        <img className="product-tile-image" src={image} alt="" loading="lazy" />
      ) : (
        <span className="product-tile-image" aria-hidden="true">
          {product.title.slice(0, 1)}
        </span>
      )}
      <span className="product-tile-title">{product.title}</span>
      <span>
        <strong>{formatMoney(product.priceMinor, product.currency)}</strong>
        {product.exclusive && <span className="exclusive-chip"> Exclusive</span>}
        <InsidersChip product={product} />
      </span>
      {product.stock <= 0 && <span className="muted small">Sold out</span>}
    </Link>
  );
}

/** A brand profile's Shop tab: its live deals, then its products. */
export function BrandShop({ handle }: { handle: string }) {
  const products = useProducts(handle);
  const deals = useOrgDeals(handle);
  const live = (deals.data?.items ?? []).filter((d) => d.status === 'live' || d.status === 'scheduled');
  if (products.isPending) return <Loading label="Loading the shop…" />;
  if (products.error) return <ErrorBanner error={products.error} />;
  const items = (products.data?.items ?? []).filter((p) => !p.archived);
  return (
    <div className="brand-shop" data-testid="brand-shop">
      {live.length > 0 && (
        <section className="panel" aria-labelledby="shop-deals">
          <h2 id="shop-deals">Deals</h2>
          {live.map((card) => (
            <DealCardView key={card.id} card={card} />
          ))}
        </section>
      )}
      {items.length === 0 ? (
        <EmptyState title={`@${handle} has no products yet`} />
      ) : (
        <div className="product-grid">
          {items.map((p) => (
            <ProductTile key={p.id} product={p} />
          ))}
        </div>
      )}
    </div>
  );
}

import { ErrorBanner, Loading } from '../../../shared/ui/status.tsx';
import { useSearchProducts } from '../hooks/use-catalog.ts';
import { ProductTile } from './brand-shop.tsx';

/** Products on sale that match a search (the search page shows them above posts); nothing when none match. */
export function ProductResults({ q }: { q: string }) {
  const products = useSearchProducts(q);
  if (products.isPending) return <Loading label="Looking for products…" />;
  if (products.error) return <ErrorBanner error={products.error} />;
  const items = products.data.pages.flatMap((p) => p.items);
  if (items.length === 0) return null;
  return (
    <section className="search-products" aria-labelledby="search-products" data-testid="search-products">
      <h2 className="section-title" id="search-products">
        Products
      </h2>
      <div className="product-grid">
        {items.map((p) => (
          <ProductTile key={p.id} product={p} />
        ))}
      </div>
      {products.hasNextPage && (
        <button
          type="button"
          className="btn btn-ghost btn-sm"
          disabled={products.isFetchingNextPage}
          onClick={() => void products.fetchNextPage()}
        >
          More products
        </button>
      )}
    </section>
  );
}

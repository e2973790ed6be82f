import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { errorMessage } from '../../../shared/api/api-error.ts';
import { formatMoney } from '../../../shared/format/money.ts';
import { EmptyState, ErrorBanner, Loading } from '../../../shared/ui/status.tsx';
import type { Product } from '../api/commerce.types.ts';
import { useArchiveProduct, useProducts } from '../hooks/use-catalog.ts';
import { CsvImport } from './csv-import.tsx';
import { InsidersChip } from './insiders-chip.tsx';
import { ProductForm } from './product-form.tsx';
import { Workspace } from './workspace-page.tsx';

function ProductRow({ product, onEdit, handle }: { product: Product; onEdit: () => void; handle: string }) {
  const archive = useArchiveProduct(handle);
  return (
    <tr data-testid="catalog-row" className={product.archived ? 'muted' : undefined}>
      <td>
        <Link to={`/products/${product.id}`}>{product.title}</Link>
        {product.exclusive && <span className="exclusive-chip"> Exclusive</span>}
        <InsidersChip product={product} />
        {product.archived && <span className="chip">Archived</span>}
        <div className="muted small">{product.variants.map((v) => v.sku).join(', ')}</div>
      </td>
      <td className="num">{formatMoney(product.priceMinor, product.currency)}</td>
      <td className="num">
        {product.resellerFloorMinor == null ? '—' : formatMoney(product.resellerFloorMinor, product.currency)}
      </td>
      <td className="num">{product.stock}</td>
      <td>
        {!product.archived && (
          <span className="button-row">
            <button type="button" className="btn btn-ghost btn-xs" onClick={onEdit}>
              Edit
            </button>
            <button
              type="button"
              className="btn btn-ghost btn-xs"
              disabled={archive.isPending}
              onClick={() => window.confirm(`Archive “${product.title}”?`) && archive.mutate(product.id)}
            >
              Archive
            </button>
          </span>
        )}
        {archive.error && <p className="inline-error">{errorMessage(archive.error)}</p>}
      </td>
    </tr>
  );
}

function Catalog({ handle }: { handle: string }) {
  const products = useProducts(handle);
  const [params, setParams] = useSearchParams();
  const [creating, setCreating] = useState(false);
  const editId = params.get('edit');
  const editing = products.data?.items.find((p) => p.id === editId);
  const close = () => {
    setCreating(false);
    setParams({}, { replace: true });
  };
  if (products.isPending) return <Loading />;
  if (products.error) return <ErrorBanner error={products.error} />;
  const items = products.data?.items ?? [];
  return (
    <>
      <section className="panel" aria-label="Products">
        <div className="workspace-toolbar">
          <h2 className="section-title">Products</h2>
          <span className="spacer" />
          {!creating && !editing && (
            <button
              type="button"
              className="btn btn-primary btn-sm"
              data-testid="product-new"
              onClick={() => setCreating(true)}
            >
              New product
            </button>
          )}
        </div>
        {(creating || editing) && (
          <ProductForm key={editing?.id ?? 'new'} handle={handle} product={editing} onDone={close} />
        )}
        {items.length === 0 ? (
          <EmptyState title="No products yet">Add one, or import a CSV file.</EmptyState>
        ) : (
          <div className="table-wrap">
            <table className="data-table">
              <thead>
                <tr>
                  <th>Product</th>
                  <th className="num">Price</th>
                  <th className="num">Floor</th>
                  <th className="num">Stock</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {items.map((p) => (
                  <ProductRow
                    key={p.id}
                    product={p}
                    handle={handle}
                    onEdit={() => setParams({ edit: p.id })}
                  />
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <section className="panel" aria-labelledby="catalog-csv">
        <h2 id="catalog-csv">CSV import and export</h2>
        <CsvImport handle={handle} />
      </section>
    </>
  );
}

/** `/orgs/:handle/catalog`: the brand's products, their editor and CSV import/export. */
export function CatalogPage() {
  return (
    <Workspace area="catalog" title="Catalog">
      {({ handle }) => <Catalog handle={handle} />}
    </Workspace>
  );
}

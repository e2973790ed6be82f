import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { errorMessage } from '../../../shared/api/api-error.ts';
import { formatMoney } from '../../../shared/format/money.ts';
import { PageHeader } from '../../../shared/ui/page-header.tsx';
import { safeHttpUrl } from '../../../shared/ui/safe-url.ts';
import { Loading, PageError } from '../../../shared/ui/status.tsx';
import { useViewer } from '../../identity/index.ts';
import { Gallery } from '../../media/index.ts';
import type { Product } from '../api/commerce.types.ts';
import { accessOf } from '../hooks/use-brand-roles.ts';
import { useProduct } from '../hooks/use-catalog.ts';
import { useCart, useSetCartItem } from '../hooks/use-shopper.ts';
import { CheckoutForm } from './checkout-form.tsx';
import { CheckoutSheet } from './checkout-sheet.tsx';
import { BoxIcon } from './commerce-icons.tsx';
import { InsidersChip } from './insiders-chip.tsx';
import { ProductFriendsBought } from './purchase-sharing.tsx';
import { defaultVariant, QuantityInput, VariantSelect } from './variant-select.tsx';

function ProductBuy({ product }: { product: Product }) {
  const me = useViewer();
  const navigate = useNavigate();
  const cart = useCart(Boolean(me));
  const setItem = useSetCartItem();
  const [variantId, setVariantId] = useState(() => defaultVariant(product));
  const [quantity, setQuantity] = useState(1);
  const [buying, setBuying] = useState(false);
  const [added, setAdded] = useState(false);
  const variant = product.variants.find((v) => v.id === variantId);
  const stock = variant?.stock ?? 0;
  const inCart = cart.data?.items.find((l) => l.variantId === variantId)?.quantity ?? 0;
  const needLogin = () => navigate(`/login?next=${encodeURIComponent(`/products/${product.id}`)}`);
  const addToCart = () => {
    if (!me) return needLogin();
    setItem.mutate(
      { variantId, quantity: Math.min(100, inCart + quantity) },
      { onSuccess: () => setAdded(true) },
    );
  };
  if (product.archived) return <p className="muted">This product is no longer sold.</p>;
  return (
    <div className="product-buy">
      <VariantSelect product={product} value={variantId} onChange={setVariantId} testId="product-variant" />
      <QuantityInput value={quantity} max={Math.min(10, stock)} onChange={setQuantity} />
      <button
        type="button"
        className="btn btn-secondary"
        data-testid="product-add-to-cart"
        disabled={stock <= 0 || setItem.isPending}
        onClick={addToCart}
      >
        Add to cart
      </button>
      <button
        type="button"
        className="btn btn-primary"
        data-testid="product-buy-now"
        disabled={stock <= 0}
        onClick={() => (me ? setBuying(true) : needLogin())}
      >
        {stock <= 0 ? 'Sold out' : 'Buy now'}
      </button>
      {added && (
        <span className="success-text" role="status">
          Added. <Link to="/cart">View cart ({inCart})</Link>
        </span>
      )}
      {setItem.error && <p className="inline-error">{errorMessage(setItem.error)}</p>}
      {buying && (
        <CheckoutSheet title={`Buy ${product.title}`} onClose={() => setBuying(false)}>
          <CheckoutForm
            lines={[
              {
                variantId,
                quantity,
                unitPriceMinor: product.priceMinor,
                label: variant?.name ? `${product.title} (${variant.name})` : product.title,
              },
            ]}
            currency={product.currency}
            onClose={() => setBuying(false)}
          />
        </CheckoutSheet>
      )}
    </div>
  );
}

/** A product: pictures, price, options, Add to cart and Buy now. */
export function ProductPage() {
  const { id = '' } = useParams();
  const product = useProduct(id);
  const me = useViewer();
  if (!product.data) {
    return (
      <>
        <PageHeader title="Product" back />
        {product.isPending ? (
          <Loading />
        ) : (
          <PageError error={product.error} notFoundTitle="No such product" />
        )}
      </>
    );
  }
  const p = product.data;
  const membership = me?.memberships.find((m) => m.org.id === p.orgId);
  const images = p.images.map((url) => safeHttpUrl(url)).filter((url): url is string => url !== null);
  return (
    <>
      <PageHeader title={p.title} back>
        {membership && accessOf(membership.role).catalog && (
          <Link
            to={`/orgs/${membership.org.handle}/catalog?edit=${p.id}`}
            className="btn btn-secondary btn-sm"
          >
            Edit
          </Link>
        )}
      </PageHeader>
      <article className="product-page" data-testid="product-page">
        {me && <ProductFriendsBought productId={p.id} />}
        {p.gallery.length > 0 ? (
          <Gallery items={p.gallery} />
        ) : images.length > 0 ? (
          <div className="product-gallery">
            {images.map((src) => (
              <img key={src} src={src} alt="" />
            ))}
          </div>
        ) : (
          <div
            className="product-placeholder"
            role="img"
            aria-label="No picture of this product yet"
            data-testid="product-image-placeholder"
          >
            <BoxIcon />
          </div>
        )}
        <div>
          <h2 className="product-title">{p.title}</h2>
          {p.org && (
            <Link to={`/@${p.org.handle}/shop`} className="muted">
              by {p.org.name}
            </Link>
          )}
        </div>
        <p className="product-price" data-testid="product-price">
          {formatMoney(p.priceMinor, p.currency)}
        </p>
        {p.exclusive && <span className="exclusive-chip">Only in our own store</span>}
        <InsidersChip product={p} long />
        {p.description && <p className="product-description">{p.description}</p>}
        <ProductBuy product={p} />
        <p className="muted small">
          {p.stock > 0 ? `${p.stock} in stock` : 'Out of stock'} · SKU{' '}
          {p.variants.map((v) => v.sku).join(', ')}
        </p>
      </article>
    </>
  );
}

import type { RouteObject } from 'react-router';
import { BrandOrdersPage } from './components/brand-orders-page.tsx';
import { CartPage } from './components/cart-page.tsx';
import { CatalogPage } from './components/catalog-page.tsx';
import { DealComposerPage } from './components/deal-composer.tsx';
import { DealPage } from './components/deal-page.tsx';
import { DealsPage } from './components/deals-page.tsx';
import { DiscountCodesPage } from './components/discount-codes-page.tsx';
import { OrderDetailPage } from './components/order-detail-page.tsx';
import { OrdersPage } from './components/orders-page.tsx';
import { ProductPage } from './components/product-page.tsx';
import { ReturnsPage } from './components/returns-page.tsx';
import { ShippingPage } from './components/shipping-page.tsx';

// The sales dashboard carries the charts: loaded only when a brand opens it.
const sales = async () => ({ Component: (await import('./components/sales-page.tsx')).SalesPage });

/** Pages anyone may open: a product and a shared deal. */
export const commercePublicRoutes: RouteObject[] = [
  { path: 'products/:id', element: <ProductPage /> },
  { path: 'deals/:id', element: <DealPage /> },
];

/** Pages for signed-in users: their cart and orders. */
export const commerceSignedInRoutes: RouteObject[] = [
  { path: 'cart', element: <CartPage /> },
  { path: 'orders', element: <OrdersPage /> },
  { path: 'orders/:id', element: <OrderDetailPage /> },
];

/** The shop pages of the brands a user works for: brand workspace pages. */
export const commerceBrandRoutes: RouteObject[] = [
  { path: 'orgs/:handle/catalog', element: <CatalogPage /> },
  { path: 'orgs/:handle/deals', element: <DealsPage /> },
  { path: 'orgs/:handle/deals/new', element: <DealComposerPage /> },
  { path: 'orgs/:handle/orders', element: <BrandOrdersPage /> },
  { path: 'orgs/:handle/discounts', element: <DiscountCodesPage /> },
  { path: 'orgs/:handle/returns', element: <ReturnsPage /> },
  { path: 'orgs/:handle/shipping', element: <ShippingPage /> },
  { path: 'orgs/:handle/sales', lazy: sales },
  { path: 'orgs/:handle/deals/:dealId/sales', lazy: sales },
];

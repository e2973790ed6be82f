// The commerce module's door: the only file the app and other modules import. It brings the module's styles.
import './commerce.css';

/** A cancellation note in words, the payment failure code kept apart (notifications show it). */
export { cancelReason } from './api/checkout-errors.ts';
/** Product and shared-deal pages anyone may open; cart and orders for signed-in users; the brand's shop pages. */
export { commerceBrandRoutes, commercePublicRoutes, commerceSignedInRoutes } from './commerce.routes.tsx';
/** The person's shipping addresses, shown on the settings page. */
export { AddressBook } from './components/address-book.tsx';
/** A brand's products on its profile. */
export { BrandShop } from './components/brand-shop.tsx';
/** Navigation entries: the brand workspace and the shopper's cart and orders; the shop pages of a workspace. */
export {
  BrandNav,
  commerceWorkspaceTools,
  ShopperNav,
  useShopperEntries,
} from './components/commerce-nav.tsx';
/** The deal card under a deal post. */
export { DealPostCard } from './components/deal-card.tsx';
/** Product results for a search, and a product's picture or its neutral placeholder. */
export { ProductResults } from './components/product-results.tsx';
/** The buyer's purchase-sharing switch, for Settings. */
export { PurchaseSharingSetting } from './components/purchase-sharing.tsx';

import type { ApiBody, ApiResponse, Schema } from '../../../shared/api/types.ts';
import type { OrgRole } from '../../identity/index.ts';

export type Product = Schema<'Product'>;

export type Variant = Product['variants'][number];

export type ProductInput = ApiBody<'/orgs/{handle}/products'>;

export type DealInput = ApiBody<'/orgs/{handle}/deals'>;

// From the request body: the DealCard response schema types `type` and `items[].role` as plain strings.
export type DealType = DealInput['type'];
export type DealRole = NonNullable<DealInput['items'][number]['role']>;

// Schema<'DealCard'> once the server's DealCard schema types `type` and `items[].role` as the unions above.
export type DealCard = Omit<Schema<'DealCard'>, 'type' | 'items'> & {
  type: DealType;
  items: { role: DealRole; product: Product; dealPriceMinor: number }[];
};

export type DealStatus = DealCard['status'];

/** What the channel guard found: a product advertised below the floor promised to resellers. */
export type GuardViolation = {
  productId: string;
  title: string;
  floorMinor: number;
  dealPriceMinor: number;
  shortByMinor: number;
};

export type AddressInput = ApiBody<'/me/addresses'>;

export type Address = ApiResponse<'/me/addresses'>['items'][number];

export type CheckoutInput = ApiBody<'/orders'>;

export type CheckoutItem = CheckoutInput['items'][number];

export type Order = Schema<'Order'>;

export type OrderStatus = Order['status'];

export type OrderHistoryEntry = Order['history'][number];

export type CartLine = ApiResponse<'/me/cart'>['items'][number];

export type SalesReport = ApiResponse<'/orgs/{handle}/sales'>;

export type SalesSource = SalesReport['revenueBySource'][number];

export type CommerceSettings = ApiResponse<'/orgs/{handle}/commerce-settings'>;

/** A row the CSV import refused (the `errors[]` of its problem+json). */
export type CsvRowError = { line: number; field: string; message: string };

/** Who may do what in a brand's shop, by role (mirrors the server's capabilities). */
export const CATALOG_ROLES: OrgRole[] = ['owner', 'admin', 'marketer'];
export const ORDER_ROLES: OrgRole[] = ['owner', 'admin', 'sales'];
export const SALES_ROLES: OrgRole[] = ['owner', 'admin', 'marketer', 'sales'];
export const OVERRIDE_ROLES: OrgRole[] = ['owner', 'admin'];

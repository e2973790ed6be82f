import type { ApiBody, ApiResponse, Schema } from '../../../shared/api/types.ts';
import type { OrgRole } from '../../identity/index.ts';

export type Product = Schema<'Product'>;

export type Variant = Product['variants'][number];

export type ProductInput = ApiBody<'/orgs/{handle}/products'>;

export type DealInput = ApiBody<'/orgs/{handle}/deals'>;

export type DealCard = Schema<'DealCard'>;

export type DealEdit = ApiBody<'/deals/{id}', 'patch'>;

export type DealHistoryEntry = ApiResponse<'/deals/{id}/history'>['items'][number];

export type DealType = DealCard['type'];
export type DealRole = DealCard['items'][number]['role'];

export type DealStatus = DealCard['status'];

/**
 * What the channel guard found: a product advertised below the floor promised to resellers. Written by hand: it
 * arrives in the `violations` member of a channel_guard problem body, which the OpenAPI does not describe.
 */
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

export type ShipmentInput = ApiBody<'/orders/{id}/shipments'>;

export type Carrier = ShipmentInput['carrier'];

export type OrderStatus = Order['status'];

export type OrderHistoryEntry = Order['history'][number];

export type CartLine = ApiResponse<'/me/cart'>['items'][number];

export type SalesReport = ApiResponse<'/orgs/{handle}/sales'>;

export type SalesSource = SalesReport['revenueBySource'][number];

export type CommerceSettings = ApiResponse<'/orgs/{handle}/commerce-settings'>;

/** A row the CSV import refused: written by hand, it arrives in the `errors[]` of a csv_invalid problem body. */
export type CsvRowError = { line: number; field: string; message: string };

/** Who may do what in a brand's shop, by role (mirrors the server's capabilities). */
export const CATALOG_ROLES: OrgRole[] = ['owner', 'admin', 'marketer'];
export const ORDER_ROLES: OrgRole[] = ['owner', 'admin', 'sales'];
export const SALES_ROLES: OrgRole[] = ['owner', 'admin', 'marketer', 'sales'];
export const OVERRIDE_ROLES: OrgRole[] = ['owner', 'admin'];

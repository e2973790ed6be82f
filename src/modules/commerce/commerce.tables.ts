import type { ColumnType, Generated } from 'kysely';

export type DealType = 'percent_off' | 'amount_off' | 'fixed_price' | 'bundle' | 'free_addon';
export type OrderStatus = 'pending' | 'paid' | 'fulfilled' | 'cancelled' | 'refunded';
export type AttributionKind = 'direct' | 'post' | 'reshare' | 'referral';
export type Address = {
  name: string;
  line1: string;
  line2: string;
  city: string;
  postalCode: string;
  country: string;
};
type Json<T> = ColumnType<T, string | undefined, string>;

export interface ProductsTable {
  id: string;
  org_id: string;
  slug: string;
  title: string;
  description: Generated<string>;
  images: Json<string[]>;
  price_minor: number;
  currency: string;
  reseller_floor_minor: number | null;
  exclusive: Generated<boolean>;
  /** `tier:<key>` or `segment:<id>`: only that group of the brand's advocates may buy it; null: anyone. */
  audience: Generated<string | null>;
  archived_at: Date | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface ProductVariantsTable {
  id: string;
  org_id: string;
  product_id: string;
  sku: string;
  name: Generated<string>;
  stock: number;
  position: Generated<number>;
}

/** A buyer's choice to let the people who follow them see what they bought; no row: not asked, not shared. */
export interface PurchaseSharingTable {
  account_id: string;
  share: boolean;
  decided_at: Generated<Date>;
}

export interface DealsTable {
  id: string;
  org_id: string;
  type: DealType;
  value_minor: number | null;
  percent_off: number | null;
  currency: string;
  starts_at: Date;
  ends_at: Date;
  quantity_cap: number | null;
  sold: Generated<number>;
  per_customer_limit: number | null;
  audience: Generated<string>;
  guard_override_reason: string | null;
  guard_override_by: string | null;
  impressions: Generated<number>;
  clicks: Generated<number>;
  created_by: string;
  created_at: Generated<Date>;
  /** Shown to everyone before it starts; otherwise only the brand's people see it until then. */
  announce_early: Generated<boolean>;
  /** The card's name; null shows the products' titles. */
  title: string | null;
  /** Set when the brand ended the deal before its planned end (ends_at is then that moment). */
  ended_early_at: Date | null;
  /** A segment or tier (`tier:<key>`) that may buy from `early_starts_at`, before everyone else's `starts_at`. */
  early_audience: string | null;
  early_starts_at: Date | null;
}

/** Each edit of a deal and its early end: who, when, and each changed field's value before and after. */
export interface DealHistoryTable {
  id: Generated<number>;
  deal_id: string;
  actor_id: string;
  action: 'edited' | 'ended';
  changes: Json<Record<string, { from: unknown; to: unknown }>>;
  at: Generated<Date>;
}

/** A click on Buy by a signed-in person: an order after it on the same deal by the same account converted it. */
export interface DealClicksTable {
  id: Generated<number>;
  deal_id: string;
  account_id: string;
  at: Generated<Date>;
}

export interface DealItemsTable {
  deal_id: string;
  product_id: string;
  role: 'main' | 'addon';
}

export interface DealPurchasesTable {
  deal_id: string;
  buyer_id: string;
  quantity: number;
}

export interface OrdersTable {
  id: string;
  org_id: string;
  buyer_id: string;
  status: OrderStatus;
  currency: string;
  total_minor: number;
  refunded_minor: Generated<number>;
  deal_id: string | null;
  payment_ref: string | null;
  shipping_address: Json<Address>;
  attribution_kind: AttributionKind;
  attribution_post_id: string | null;
  attribution_chain: Json<string[]>;
  attribution_referrer_id: string | null;
  idempotency_key: string | null;
  idempotency_hash: string | null;
  expires_at: Date | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  /** Sum of the lines before the discount; null on orders placed before the breakdown was kept. */
  items_minor: number | null;
  discount_minor: Generated<number>;
  discount_code: string | null;
  shipping_minor: Generated<number>;
  /** The tax part: inside the total when `tax_included`, added to it otherwise. */
  tax_minor: Generated<number>;
  tax_rate_bp: Generated<number>;
  tax_included: Generated<boolean>;
}

export interface OrderItemsTable {
  order_id: string;
  line: number;
  product_id: string;
  variant_id: string;
  title: string;
  sku: string;
  quantity: number;
  unit_price_minor: number;
  /** This line's share of the order's discount code. */
  discount_minor: Generated<number>;
}

export interface OrderHistoryTable {
  id: Generated<number>;
  order_id: string;
  status: string;
  actor_id: string | null;
  note: string | null;
  amount_minor: number | null;
  idempotency_key: string | null;
  at: Generated<Date>;
}

export interface AddressesTable {
  id: string;
  user_id: string;
  name: string;
  line1: string;
  line2: Generated<string>;
  city: string;
  postal_code: string;
  country: string;
  created_at: Generated<Date>;
}

export interface CartItemsTable {
  user_id: string;
  variant_id: string;
  quantity: number;
  added_at: Generated<Date>;
}

export interface AttributionTouchesTable {
  id: Generated<number>;
  org_id: string;
  buyer_id: string;
  deal_id: string | null;
  kind: 'post' | 'reshare' | 'referral';
  post_id: string | null;
  chain: Json<string[]>;
  referrer_id: string | null;
  at: Generated<Date>;
}

export interface CommerceSettingsTable {
  org_id: string;
  attribution_window_days: Generated<number>;
  attribution_model: Generated<'last_touch' | 'first_touch'>;
  prices_include_tax: Generated<boolean>;
  return_window_days: Generated<number>;
}

export type DiscountKind = 'percent' | 'amount';

export interface DiscountCodesTable {
  id: string;
  org_id: string;
  /** Upper case; buyers type it in any case. */
  code: string;
  kind: DiscountKind;
  percent_off: number | null;
  amount_minor: number | null;
  currency: string;
  min_order_minor: number | null;
  starts_at: Date;
  ends_at: Date | null;
  usage_limit: number | null;
  per_customer_limit: number | null;
  product_ids: Json<string[]>;
  deal_ids: Json<string[]>;
  /** Orders holding the code now (paid, or pending and not yet cancelled). */
  used: Generated<number>;
  disabled_at: Date | null;
  created_by: string;
  created_at: Generated<Date>;
}

/** One order's use of a code; released (not deleted) when the order is cancelled before payment. */
export interface DiscountRedemptionsTable {
  order_id: string;
  code_id: string;
  buyer_id: string;
  amount_minor: number;
  released_at: Date | null;
  at: Generated<Date>;
}

export interface ShippingZonesTable {
  id: string;
  org_id: string;
  name: string;
  countries: Json<string[]>;
  rate_minor: number;
  free_over_minor: number | null;
  currency: string;
  created_at: Generated<Date>;
}

/** VAT-style rate in basis points (2000 = 20%). */
export interface TaxRatesTable {
  org_id: string;
  country: string;
  rate_bp: number;
}

export type ReturnStatus = 'requested' | 'approved' | 'rejected' | 'received' | 'refunded';

export interface OrderReturnsTable {
  id: string;
  org_id: string;
  order_id: string;
  buyer_id: string;
  line: number;
  quantity: number;
  reason: string;
  note: Generated<string>;
  status: ReturnStatus;
  decision_note: string | null;
  refund_minor: number | null;
  decided_by: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface ShipmentsTable {
  id: string;
  order_id: string;
  org_id: string;
  carrier: string;
  tracking_number: string;
  tracking_url: string | null;
  created_by: string;
  created_at: Generated<Date>;
}

/** Which order lines, and how many of each, a shipment holds. */
export interface ShipmentItemsTable {
  shipment_id: string;
  order_id: string;
  line: number;
  quantity: number;
}

export type CommerceTables = {
  products: ProductsTable;
  purchase_sharing: PurchaseSharingTable;
  product_variants: ProductVariantsTable;
  deals: DealsTable;
  deal_items: DealItemsTable;
  deal_clicks: DealClicksTable;
  deal_purchases: DealPurchasesTable;
  deal_history: DealHistoryTable;
  orders: OrdersTable;
  order_items: OrderItemsTable;
  order_history: OrderHistoryTable;
  addresses: AddressesTable;
  cart_items: CartItemsTable;
  attribution_touches: AttributionTouchesTable;
  commerce_settings: CommerceSettingsTable;
  shipments: ShipmentsTable;
  shipment_items: ShipmentItemsTable;
  discount_codes: DiscountCodesTable;
  discount_redemptions: DiscountRedemptionsTable;
  shipping_zones: ShippingZonesTable;
  tax_rates: TaxRatesTable;
  order_returns: OrderReturnsTable;
};

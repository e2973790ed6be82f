import type { AccountSummary, OrgRole } from '../../identity/api/identity.types.ts';

export type Variant = { id: string; sku: string; name: string; stock: number };

export type Product = {
  id: string;
  orgId: string;
  /** The brand, when the server includes it; older servers send only orgId. */
  org?: AccountSummary | null;
  slug: string;
  title: string;
  description: string;
  images: string[];
  priceMinor: number;
  currency: string;
  /** The brand's reseller floor: the server sends it to the brand's staff only. */
  resellerFloorMinor?: number | null;
  exclusive: boolean;
  archived: boolean;
  stock: number;
  variants: Variant[];
};

export type ProductInput = {
  slug?: string;
  title: string;
  description?: string;
  images?: string[];
  priceMinor: number;
  currency: string;
  resellerFloorMinor?: number | null;
  exclusive?: boolean;
  variants: { sku: string; name?: string; stock: number }[];
};

export type DealType = 'percent_off' | 'amount_off' | 'fixed_price' | 'bundle' | 'free_addon';
export type DealStatus = 'scheduled' | 'live' | 'ended' | 'sold_out';
export type DealRole = 'main' | 'addon';

export type DealCard = {
  id: string;
  org: AccountSummary | null;
  type: DealType;
  percentOff: number | null;
  valueMinor: number | null;
  currency: string;
  startsAt: string;
  endsAt: string;
  status: DealStatus;
  quantityCap: number | null;
  sold: number;
  remaining: number | null;
  perCustomerLimit: number | null;
  audience: string;
  items: { role: DealRole; product: Product; dealPriceMinor: number }[];
  exclusiveTitles: string[];
  resellersUrl: string | null;
  viewer: { bought: number };
};

export type DealInput = {
  text: string;
  items: { productId: string; role?: DealRole }[];
  type: DealType;
  percentOff?: number;
  valueMinor?: number;
  startsAt?: string;
  /** Show the deal before it starts; by default only the brand's members see it until then. */
  announceEarly?: boolean;
  endsAt: string;
  quantityCap?: number;
  perCustomerLimit?: number;
  audience?: 'followers' | 'everyone';
  override?: { reason: string };
};

/** What the channel guard found: a product advertised below the floor promised to resellers. */
export type GuardViolation = {
  productId: string;
  title: string;
  floorMinor: number;
  dealPriceMinor: number;
  shortByMinor: number;
};

export type AddressInput = {
  name: string;
  line1: string;
  line2?: string;
  city: string;
  postalCode: string;
  country: string;
};

export type Address = AddressInput & { id: string; line2: string };

export type CheckoutItem = { variantId: string; quantity: number };

export type CheckoutInput = {
  dealId?: string;
  items: CheckoutItem[];
  shippingAddressId?: string;
  shippingAddress?: AddressInput;
  expectedTotalMinor?: number;
  currency?: string;
  source?: { postId?: string; ref?: string };
  card: { number: string };
};

export type OrderStatus = 'pending' | 'paid' | 'fulfilled' | 'cancelled' | 'refunded';

export type OrderHistoryEntry = {
  status: string;
  at: string;
  actor: AccountSummary | null;
  note: string | null;
  amountMinor: number | null;
};

export type Order = {
  id: string;
  org: AccountSummary | null;
  buyer: AccountSummary | null;
  status: OrderStatus;
  currency: string;
  totalMinor: number;
  refundedMinor: number;
  dealId: string | null;
  items: {
    productId: string;
    variantId: string;
    title: string;
    sku: string;
    quantity: number;
    unitPriceMinor: number;
  }[];
  shippingAddress: Omit<Address, 'id'>;
  attribution: {
    kind: string;
    postId: string | null;
    chain: AccountSummary[];
    referrer: AccountSummary | null;
  };
  history: OrderHistoryEntry[];
  createdAt: string;
  expiresAt: string | null;
};

export type CartLine = { variantId: string; quantity: number; product: Product };

export type SalesSource = {
  kind: 'post' | 'reshare' | 'referral' | 'direct' | string;
  account: { handle: string; name: string } | null;
  orders: number;
  revenueMinor: number;
};

export type SalesReport = {
  dealId: string | null;
  impressions: number;
  clicks: number;
  orders: number;
  units: number;
  revenueMinor: number;
  conversionRate: number | null;
  revenueByDay: { day: string; revenueMinor: number; orders: number }[];
  revenueBySource: SalesSource[];
};

export type CommerceSettings = {
  attributionWindowDays: number;
  attributionModel: 'last_touch' | 'first_touch';
};

export type CsvRowError = { line: number; field: string; message: string };

/** Who may do what in a brand's shop, by role (mirrors the server's capabilities). */
export const CATALOG_ROLES: OrgRole[] = ['owner', 'admin', 'marketer'];
export const ORDER_ROLES: OrgRole[] = ['owner', 'admin', 'sales'];
export const SALES_ROLES: OrgRole[] = ['owner', 'admin', 'marketer', 'sales'];
export const OVERRIDE_ROLES: OrgRole[] = ['owner', 'admin'];

import type { OrderStatus } from '../api/commerce.types.ts';

/** Every commerce query lives under ['commerce'], so one invalidation refreshes a whole area. */
export const commerceKeys = {
  all: ['commerce'] as const,
  deal: (id: string) => ['commerce', 'deal', id] as const,
  deals: ['commerce', 'deal'] as const,
  dealHistory: (id: string) => ['commerce', 'deal', id, 'history'] as const,
  orgDeals: (handle: string) => ['commerce', 'org', handle.toLowerCase(), 'deals'] as const,
  products: (handle: string) => ['commerce', 'org', handle.toLowerCase(), 'products'] as const,
  product: (id: string) => ['commerce', 'product', id] as const,
  orgOrders: (handle: string, status?: OrderStatus) =>
    ['commerce', 'org', handle.toLowerCase(), 'orders', status ?? 'all'] as const,
  orgOrdersAll: (handle: string) => ['commerce', 'org', handle.toLowerCase(), 'orders'] as const,
  sales: (handle: string, dealId?: string) =>
    ['commerce', 'org', handle.toLowerCase(), 'sales', dealId ?? 'all'] as const,
  orders: ['commerce', 'orders'] as const,
  order: (id: string) => ['commerce', 'orders', 'one', id] as const,
  myOrders: ['commerce', 'orders', 'mine'] as const,
  cart: ['commerce', 'cart'] as const,
  addresses: ['commerce', 'addresses'] as const,
  search: (q: string) => ['commerce', 'search', q] as const,
};

import { api } from '../../../shared/api/client.ts';
import type { ApiResponse, Items, Page } from '../../../shared/api/types.ts';
import type {
  Address,
  AddressInput,
  CartLine,
  CheckoutInput,
  CommerceSettings,
  DealCard,
  DealEdit,
  DealHistoryEntry,
  DealInput,
  Order,
  OrderStatus,
  Product,
  ProductInput,
  SalesReport,
  ShipmentInput,
} from './commerce.types.ts';

const enc = encodeURIComponent;
const idempotent = (key: string) => ({ 'Idempotency-Key': key });

export const commerceApi = {
  products: (handle: string) => api<Items<Product>>(`/orgs/${enc(handle)}/products`),
  product: (id: string) => api<Product>(`/products/${enc(id)}`),
  searchProducts: (q: string, cursor?: string) =>
    api<Page<Product>>('/search/products', { query: { q, cursor } }),
  createProduct: (handle: string, input: ProductInput) =>
    api<Product>(`/orgs/${enc(handle)}/products`, { method: 'POST', body: input }),
  updateProduct: (id: string, input: ProductInput) =>
    api<Product>(`/products/${enc(id)}`, { method: 'PUT', body: input }),
  archiveProduct: (id: string) => api<void>(`/products/${enc(id)}`, { method: 'DELETE' }),
  importCsv: (handle: string, csv: string) =>
    api<ApiResponse<'/orgs/{handle}/products/import', 'post'>>(`/orgs/${enc(handle)}/products/import`, {
      method: 'POST',
      body: csv,
      contentType: 'text/csv',
    }),
  /** A plain link: the browser downloads it with the session cookie. */
  exportCsvUrl: (handle: string) => `/api/v1/orgs/${enc(handle)}/products.csv`,

  deal: (id: string) => api<DealCard>(`/deals/${enc(id)}`),
  /** Cards for the deal posts on screen; the server counts them as impressions. */
  dealCards: (ids: string[]) => api<Items<DealCard>>('/deals', { query: { ids: ids.join(',') } }),
  click: (id: string) => api<void>(`/deals/${enc(id)}/click`, { method: 'POST' }),
  orgDeals: (handle: string) => api<Items<DealCard>>(`/orgs/${enc(handle)}/deals`),
  publishDeal: (handle: string, input: DealInput) =>
    api<DealCard>(`/orgs/${enc(handle)}/deals`, { method: 'POST', body: input }),
  editDeal: (id: string, edit: DealEdit) =>
    api<DealCard>(`/deals/${enc(id)}`, { method: 'PATCH', body: edit }),
  endDeal: (id: string) => api<DealCard>(`/deals/${enc(id)}/end`, { method: 'POST' }),
  dealHistory: (id: string) => api<Items<DealHistoryEntry>>(`/deals/${enc(id)}/history`),

  placeOrder: (input: CheckoutInput, key: string) =>
    api<Order>('/orders', { method: 'POST', body: input, headers: idempotent(key) }),
  order: (id: string) => api<Order>(`/orders/${enc(id)}`),
  myOrders: (cursor?: string) => api<Page<Order>>('/me/orders', { query: { cursor } }),
  orgOrders: (handle: string, status: OrderStatus | undefined, cursor?: string) =>
    api<Page<Order>>(`/orgs/${enc(handle)}/orders`, { query: { status, cursor } }),
  fulfil: (id: string) => api<Order>(`/orders/${enc(id)}/fulfil`, { method: 'POST' }),
  ship: (id: string, shipment: ShipmentInput) =>
    api<Order>(`/orders/${enc(id)}/shipments`, { method: 'POST', body: shipment }),
  cancel: (id: string) => api<Order>(`/orders/${enc(id)}/cancel`, { method: 'POST' }),
  refund: (id: string, amountMinor: number | undefined, key: string) =>
    api<Order>(`/orders/${enc(id)}/refund`, {
      method: 'POST',
      body: amountMinor === undefined ? {} : { amountMinor },
      headers: idempotent(key),
    }),

  addresses: () => api<Items<Address>>('/me/addresses'),
  addAddress: (input: AddressInput) => api<Address>('/me/addresses', { method: 'POST', body: input }),
  removeAddress: (id: string) => api<void>(`/me/addresses/${enc(id)}`, { method: 'DELETE' }),

  cart: () => api<Items<CartLine>>('/me/cart'),
  setCartItem: (variantId: string, quantity: number) =>
    api<Items<CartLine>>(`/me/cart/${enc(variantId)}`, { method: 'PUT', body: { quantity } }),

  sales: (handle: string, dealId?: string) =>
    api<SalesReport>(
      dealId ? `/orgs/${enc(handle)}/deals/${enc(dealId)}/sales` : `/orgs/${enc(handle)}/sales`,
    ),
  saveSettings: (handle: string, settings: Partial<CommerceSettings>) =>
    api<CommerceSettings>(`/orgs/${enc(handle)}/commerce-settings`, { method: 'PUT', body: settings }),
};

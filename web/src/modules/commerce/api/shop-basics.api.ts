import { api } from '../../../shared/api/client.ts';
import type { ApiBody, ApiResponse, Items, Schema } from '../../../shared/api/types.ts';

export type DiscountCode = Schema<'DiscountCode'>;
export type DiscountCodeInput = ApiBody<'/orgs/{handle}/discount-codes'>;
export type ShippingRules = Schema<'ShippingRules'>;
export type ZoneInput = ApiBody<'/orgs/{handle}/shipping/zones'>;
export type TaxInput = ApiBody<'/orgs/{handle}/shipping/tax', 'put'>;
export type OrderReturn = Schema<'OrderReturn'>;
export type ReturnInput = ApiBody<'/orders/{id}/returns'>;
export type Quote = ApiResponse<'/orders/quote', 'post'>;
export type QuoteInput = ApiBody<'/orders/quote'>;

const enc = encodeURIComponent;

/** Discount codes, shipping zones and tax, returns, and the checkout quote. */
export const shopApi = {
  codes: (handle: string) => api<Items<DiscountCode>>(`/orgs/${enc(handle)}/discount-codes`),
  createCode: (handle: string, input: DiscountCodeInput) =>
    api<DiscountCode>(`/orgs/${enc(handle)}/discount-codes`, { method: 'POST', body: input }),
  disableCode: (handle: string, id: string) =>
    api<DiscountCode>(`/orgs/${enc(handle)}/discount-codes/${enc(id)}/disable`, { method: 'POST' }),

  shipping: (handle: string) => api<ShippingRules>(`/orgs/${enc(handle)}/shipping`),
  addZone: (handle: string, input: ZoneInput) =>
    api<ShippingRules>(`/orgs/${enc(handle)}/shipping/zones`, { method: 'POST', body: input }),
  deleteZone: (handle: string, id: string) =>
    api<ShippingRules>(`/orgs/${enc(handle)}/shipping/zones/${enc(id)}`, { method: 'DELETE' }),
  saveTax: (handle: string, input: TaxInput) =>
    api<ShippingRules>(`/orgs/${enc(handle)}/shipping/tax`, { method: 'PUT', body: input }),

  quote: (input: QuoteInput) => api<Quote>('/orders/quote', { method: 'POST', body: input }),

  requestReturn: (orderId: string, input: ReturnInput) =>
    api<OrderReturn>(`/orders/${enc(orderId)}/returns`, { method: 'POST', body: input }),
  orgReturns: (handle: string) => api<Items<OrderReturn>>(`/orgs/${enc(handle)}/returns`),
  approveReturn: (id: string, note?: string) =>
    api<OrderReturn>(`/returns/${enc(id)}/approve`, { method: 'POST', body: note ? { note } : {} }),
  rejectReturn: (id: string, note: string) =>
    api<OrderReturn>(`/returns/${enc(id)}/reject`, { method: 'POST', body: { note } }),
  receiveReturn: (id: string) =>
    api<OrderReturn>(`/returns/${enc(id)}/receive`, {
      method: 'POST',
      headers: { 'Idempotency-Key': `receive-${id}` },
    }),
};

export const RETURN_REASONS: { value: ReturnInput['reason']; label: string }[] = [
  { value: 'damaged', label: 'Arrived damaged' },
  { value: 'defective', label: 'Does not work' },
  { value: 'wrong_item', label: 'Wrong item sent' },
  { value: 'not_as_described', label: 'Not as described' },
  { value: 'does_not_fit', label: 'Does not fit' },
  { value: 'changed_mind', label: 'Changed my mind' },
  { value: 'arrived_late', label: 'Arrived too late' },
  { value: 'other', label: 'Other' },
];

export const RETURN_STATUS_TEXT: Record<OrderReturn['status'], string> = {
  requested: 'Return requested',
  approved: 'Return approved: send it back',
  rejected: 'Return rejected',
  received: 'Return received',
  refunded: 'Returned and refunded',
};

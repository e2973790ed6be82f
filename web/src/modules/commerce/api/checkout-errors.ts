import { ApiError, errorMessage } from '../../../shared/api/api-error.ts';
import { formatMoney } from '../../../shared/format/money.ts';
import type { Order } from './commerce.types.ts';

const MESSAGES: Record<string, string> = {
  deal_sold_out: 'Sorry, this deal just sold out.',
  deal_limit_reached: 'You already bought as many as this deal allows per customer.',
  deal_expired: 'This deal has ended.',
  deal_not_started: 'This deal has not started yet. Come back when it goes live.',
  deal_not_found: 'This deal no longer exists.',
  followers_only: 'This deal is for the brand’s followers. Follow the brand to buy it.',
  currency_mismatch: 'The prices are in another currency now. Reload the page and try again.',
  mixed_currencies: 'These items are priced in different currencies; buy them separately.',
  mixed_brands: 'One order buys from one brand. Check out each brand separately.',
  incomplete_bundle: 'This offer is bought whole: one of every product in it, in equal quantities.',
  not_in_deal: 'Something in your order is not part of this deal. Reload and try again.',
  product_unavailable: 'One of these products is no longer sold.',
  unknown_product: 'One of these products no longer exists.',
  duplicate_item: 'The same item is listed twice; change its quantity instead.',
  address_required: 'Choose or enter a shipping address.',
  unknown_address: 'That address is no longer in your address book. Choose another.',
  idempotency_key_reused: 'Your order changed while it was being sent. Please press Pay again.',
  validation_failed: 'Please check the card number and the address.',
  unauthorized: 'Please sign in to buy.',
  rate_limited: 'That was a lot of tries. Wait a moment and try again.',
  network_error: 'We could not reach Souk. Your card was not charged twice: press Pay again to retry.',
};

/** Each payment failure code a provider reports, as a sentence for the buyer; the code is shown beside it. */
export const PAYMENT_FAILURES: Record<string, string> = {
  card_declined: 'Your card was declined by its bank.',
  insufficient_funds: 'Your card has insufficient funds.',
  processing_error:
    'Your bank could not process the payment; trying again later or another card usually works.',
  expired_card: 'Your card has expired.',
  incorrect_cvc: 'The card’s security code was wrong.',
  unknown_test_card: 'That card number was declined. Try one of the test cards below.',
};

/** A provider's decline reason ("insufficient_funds") in words. */
function reasonMessage(reason: string | undefined): string {
  const why = (reason && PAYMENT_FAILURES[reason]) ?? 'Your payment did not go through.';
  return `${why} Nothing was charged.`;
}

/** The payment failure code in a cancellation note ("payment failed: processing_error"), if it is one. */
export function failureCode(note: string | null | undefined): string | null {
  return note?.match(/payment (?:declined|failed): (\w+)/)?.[1] ?? null;
}

const CANCEL_NOTES: Record<string, string> = {
  'payment timed out':
    'The payment was not confirmed in time, so the order was released. Nothing was charged.',
  'cancelled by the customer': 'Cancelled by the customer.',
  'cancelled by the brand': 'Cancelled by the brand.',
};

/** Why an order was cancelled, in words, with the provider's code kept apart (null when there is none). */
export function cancelReason(note: string | null | undefined): { text: string; code: string | null } {
  const code = failureCode(note);
  if (code) return { text: reasonMessage(code), code };
  return { text: (note && CANCEL_NOTES[note]) ?? note ?? 'The order was cancelled.', code: null };
}

/** Why a declined or failed order was cancelled, in words, from the note in its history. */
export function declineMessage(order: Order | undefined): string {
  const note = order?.history.find((h) => h.status === 'cancelled')?.note ?? '';
  const code = failureCode(note);
  return `${reasonMessage(code ?? undefined)}${code ? ` (${code})` : ''}`;
}

/** The sentence to show a buyer for a failed checkout, for every code the API answers with. */
export function checkoutErrorMessage(error: unknown): string {
  if (!(error instanceof ApiError)) return errorMessage(error);
  if (error.code === 'payment_declined') {
    const order = error.extra.order as Order | undefined;
    return order ? declineMessage(order) : reasonMessage(error.detail.match(/\((\w+)\)/)?.[1]);
  }
  if (error.code === 'price_changed') {
    const total = error.extra.totalMinor;
    const currency = error.extra.currency;
    return typeof total === 'number' && typeof currency === 'string'
      ? `The price changed since you opened this: the total is now ${formatMoney(total, currency)}. Check it and pay again.`
      : 'The price changed since you opened this. Check the new total and pay again.';
  }
  if (error.code === 'sold_out') return `Sorry, not enough left in stock: ${error.detail}`;
  if (error.status === 401) return MESSAGES.unauthorized;
  return MESSAGES[error.code] ?? error.detail;
}

/** A failure worth retrying with the same Idempotency-Key: the request may never have reached the server. */
export function isTransient(error: unknown): boolean {
  return error instanceof ApiError && (error.status === 0 || error.status >= 500);
}

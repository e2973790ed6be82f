import { defineErrors } from '../../platform/errors.ts';

/** Commerce's error codes: catalog, deals and the channel guard, checkout, orders, payments. */
export const commerceError = defineErrors('commerce', {
  // catalog
  product_not_found: {
    kind: 'not_found',
    description: 'No product with that id (archived products are gone)',
  },
  invalid_product: {
    kind: 'unprocessable',
    description: 'The product is invalid; errors[] names each field',
  },
  slug_taken: { kind: 'conflict', description: 'Another product of the brand has this slug' },
  csv_invalid: {
    kind: 'unprocessable',
    description: 'The CSV file has problems (errors[] lists line, field and message); nothing was imported',
  },
  currency_mismatch: { kind: 'unprocessable', description: 'The currency differs from the prices’ currency' },
  // deals
  deal_not_found: { kind: 'not_found', description: 'No deal with that id' },
  invalid_deal: {
    kind: 'unprocessable',
    description: 'The deal terms are invalid; errors[] names the field',
  },
  channel_guard: {
    kind: 'unprocessable',
    description:
      'The deal would advertise a product below its reseller floor; `violations` and `alternatives` say by how much and what to do',
  },
  deal_ended: {
    kind: 'conflict',
    description: 'The deal has ended; an ended deal cannot be edited or ended again',
  },
  deal_locked: {
    kind: 'conflict',
    description:
      'Units were already sold at these terms, so the price cannot change; end the deal and publish a new one',
  },
  override_not_allowed: {
    kind: 'forbidden',
    description: 'Only an owner or admin may override the channel guard',
  },
  // checkout
  unknown_product: { kind: 'unprocessable', description: 'No such product or variant' },
  duplicate_item: { kind: 'unprocessable', description: 'A variant appears twice in the order' },
  product_unavailable: { kind: 'unprocessable', description: 'The product is no longer sold' },
  mixed_brands: { kind: 'unprocessable', description: 'One order buys from one brand' },
  mixed_currencies: { kind: 'unprocessable', description: 'The items are priced in different currencies' },
  not_in_deal: { kind: 'unprocessable', description: 'An item is not part of the deal' },
  incomplete_bundle: {
    kind: 'unprocessable',
    description: 'A bundle or add-on deal is bought whole: one variant of each product, equal quantities',
  },
  followers_only: { kind: 'forbidden', description: 'The deal is for followers of the brand' },
  segment_only: {
    kind: 'forbidden',
    description: 'The deal or product is for a segment or a tier of the brand’s advocates',
  },
  product_exclusive: {
    kind: 'forbidden',
    description:
      'The product is for a tier (or segment) of the brand’s advocates the buyer is not in; `audience` names it',
  },
  audience_segment_not_found: {
    kind: 'unprocessable',
    description: 'The deal’s audience or early-access group names a segment or tier this brand does not have',
  },
  price_changed: {
    kind: 'conflict',
    description: 'The price changed since it was shown; `totalMinor` and `currency` give the new total',
  },
  address_required: { kind: 'unprocessable', description: 'No shipping address was chosen or entered' },
  unknown_address: { kind: 'unprocessable', description: 'No such address in your address book' },
  invalid_address: {
    kind: 'unprocessable',
    description:
      'The country is not an ISO 3166-1 code, or the postal code does not fit the country; errors[] names the field',
  },
  not_in_quote: {
    kind: 'unprocessable',
    description: 'An item bought at a quoted price is not a line of the accepted quote',
  },
  invalid_quote: {
    kind: 'unprocessable',
    description:
      'A quoted line is not a product of the brand, is archived, repeats a variant or is in another currency',
  },
  idempotency_key_reused: {
    kind: 'unprocessable',
    description: 'The Idempotency-Key was used for a different order',
  },
  payment_declined: {
    kind: 'payment_required',
    description: 'The card was declined and nothing was charged; `reason` says why',
  },
  sold_out: { kind: 'conflict', description: 'Not enough stock left for an item; errors[] names the line' },
  deal_not_started: { kind: 'conflict', description: 'The deal has not started yet' },
  deal_expired: { kind: 'gone', description: 'The deal has ended' },
  deal_sold_out: { kind: 'conflict', description: 'The deal is sold out' },
  deal_limit_reached: { kind: 'conflict', description: 'The per-customer limit of the deal is reached' },
  // orders, payments, addresses
  order_not_found: { kind: 'not_found', description: 'No order with that id that the caller may see' },
  role_not_allowed: { kind: 'forbidden', description: "The caller's role in the brand does not allow this" },
  not_cancellable: { kind: 'conflict', description: 'The order can no longer be cancelled' },
  not_fulfillable: { kind: 'conflict', description: 'Only a paid order can be fulfilled' },
  invalid_shipment: {
    kind: 'unprocessable',
    description:
      "The tracking number does not fit the carrier's format, or the items are not lines of the order left to ship; errors[] names the field",
  },
  already_shipped: { kind: 'conflict', description: 'Every item of the order has already shipped' },
  not_refundable: { kind: 'conflict', description: 'Only a paid or fulfilled order can be refunded' },
  refund_exceeds_total: {
    kind: 'unprocessable',
    description: 'The refund is more than what is left to refund',
  },
  payment_not_found: { kind: 'not_found', description: 'No order with that payment reference' },
  unknown_provider: { kind: 'not_found', description: 'No payment provider of that name' },
  bad_signature: { kind: 'unauthorized', description: 'The webhook signature does not match' },
  address_not_found: { kind: 'not_found', description: 'No such address in your address book' },
  // discount codes
  invalid_discount_code: {
    kind: 'unprocessable',
    description: 'The discount code definition is invalid; errors[] names the field',
  },
  discount_code_taken: { kind: 'conflict', description: 'The brand already has a code with this text' },
  discount_code_not_found: {
    kind: 'not_found',
    description: "No such code at this brand (another brand's codes are never revealed)",
  },
  discount_code_not_started: { kind: 'unprocessable', description: 'The code is not valid yet' },
  discount_code_expired: { kind: 'unprocessable', description: 'The code has expired or was disabled' },
  discount_code_used_up: { kind: 'unprocessable', description: 'The code has reached its total usage limit' },
  discount_code_limit_reached: {
    kind: 'unprocessable',
    description: 'You have used this code as many times as it allows per customer',
  },
  discount_code_minimum: {
    kind: 'unprocessable',
    description: 'The order is below the minimum the code requires (`minOrderMinor` in the details)',
  },
  discount_code_not_applicable: {
    kind: 'unprocessable',
    description: 'None of the items (or not this deal) is one the code applies to',
  },
  discount_below_floor: {
    kind: 'unprocessable',
    description:
      'The code would sell a product below the reseller floor the channel guard allows; `violations` name the product, the floor and the price the code would make',
  },
  // shipping and tax
  invalid_shipping_zone: {
    kind: 'unprocessable',
    description:
      'The shipping zone is invalid (a country in two zones, a wrong currency); errors[] names the field',
  },
  shipping_zone_not_found: { kind: 'not_found', description: 'No such shipping zone at this brand' },
  no_shipping_to_country: {
    kind: 'unprocessable',
    description: 'The brand does not ship to the country of the address (no zone holds it)',
  },
  // returns
  return_not_found: { kind: 'not_found', description: 'No such return' },
  invalid_return: {
    kind: 'unprocessable',
    description: 'The return names no line of the order, or more than was bought; errors[] names the field',
  },
  not_returnable: {
    kind: 'conflict',
    description: 'Only a delivered (fulfilled) or shipped order line can be returned',
  },
  return_window_closed: {
    kind: 'conflict',
    description: "The brand's return window for this order has closed",
  },
  already_returned: { kind: 'conflict', description: 'A return was already requested for this order line' },
  return_state: {
    kind: 'conflict',
    description: 'The return is not in a state that allows this step (e.g. receiving before approval)',
  },
});

export type CommerceErrorCode = Parameters<typeof commerceError>[0];

import { defineErrors } from '../../platform/errors.ts';

/** Requests for proposals: requests, pitches, the award. */
export const rfpError = defineErrors('rfp', {
  request_not_found: { kind: 'not_found', description: 'No request for proposals with that id' },
  pitch_not_found: { kind: 'not_found', description: 'No pitch with that id' },
  unknown_brand: {
    kind: 'unprocessable',
    description: 'A brand asked is not a brand account on Souk; errors[] names the handle',
  },
  deadline_in_past: { kind: 'unprocessable', description: 'The deadline must be in the future' },
  deadline_too_far: { kind: 'unprocessable', description: 'The deadline is at most 90 days away' },
  request_limit: {
    kind: 'too_many_requests',
    description: 'Too many requests for proposals in the last 24 hours; try again later',
  },
  request_closed: {
    kind: 'conflict',
    description: 'The request is closed (its deadline passed, it was awarded or withdrawn)',
  },
  not_asked: {
    kind: 'forbidden',
    description: 'The request is limited to the brands it names, and this brand is not one of them',
  },
  not_brand_member: {
    kind: 'forbidden',
    description: 'Only members of the brand with a sales, marketing or admin role can do this',
  },
  not_requester: { kind: 'forbidden', description: 'Only the person who posted the request can do this' },
  already_pitched: {
    kind: 'conflict',
    description: 'The brand already has an active pitch on this request; edit or withdraw it',
  },
  pitch_not_active: { kind: 'conflict', description: 'The pitch was withdrawn, declined, won or lost' },
  currency_mismatch: { kind: 'unprocessable', description: 'The currency differs from the prices’ currency' },
  already_awarded: { kind: 'conflict', description: 'The request was already awarded to a pitch' },
  award_in_progress: {
    kind: 'conflict',
    description: 'An award of this request is being placed right now; retry with the same Idempotency-Key',
  },
  dm_already_invited: {
    kind: 'conflict',
    description: 'The brand already invited the requester to continue by direct message',
  },
  no_conversation: {
    kind: 'conflict',
    description: 'The request has not reached the brand’s care inbox yet (it arrives within seconds); retry',
  },
  no_dm_invitation: {
    kind: 'conflict',
    description: 'That brand has no open invitation to continue by direct message',
  },
  // VRM quotes
  quote_not_found: { kind: 'not_found', description: 'No quote with that id for you' },
  product_not_found: {
    kind: 'not_found',
    description: 'No product with that id on sale in the brand’s catalog',
  },
  unknown_product: {
    kind: 'unprocessable',
    description: 'A quoted variant is not on sale in the brand’s catalog; errors[] names the line',
  },
  conversation_not_found: { kind: 'not_found', description: 'No conversation with that id in this brand' },
  unknown_customer: {
    kind: 'unprocessable',
    description: 'A quote names its conversation or its customer (a person on Souk)',
  },
  incomplete_margin: {
    kind: 'unprocessable',
    description: 'A minimum margin needs the product’s cost, and a cost needs the margin',
  },
  below_floor: {
    kind: 'unprocessable',
    description:
      'A quoted price is below the brand’s floor for the product (cost plus minimum margin, or minimum price); details name the floor',
  },
  not_customer: { kind: 'forbidden', description: 'Only the customer the quote was made for can do this' },
  quote_expired: { kind: 'unprocessable', description: 'The quote has expired; ask the brand for a new one' },
  quote_closed: { kind: 'conflict', description: 'The quote was already accepted or declined' },
  // social sales teams
  not_sales_manager: {
    kind: 'forbidden',
    description: 'Only the brand’s owners and admins set sales targets and commission rules',
  },
  not_team_member: { kind: 'unprocessable', description: 'The person named is not a member of the brand' },
  idempotency_key_reused: {
    kind: 'unprocessable',
    description: 'This Idempotency-Key was used for a different award',
  },
});

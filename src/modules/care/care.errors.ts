import { defineErrors } from '../../platform/errors.ts';

/** Every error code the care module answers with (listed in the OpenAPI). */
export const careError = defineErrors('care', {
  conversation_not_found: { kind: 'not_found', description: 'No conversation with that id in this inbox' },
  post_not_in_inbox: {
    kind: 'not_found',
    description:
      'The post never reached this inbox (not a customer’s message to the brand, or not yet taken in)',
  },
  message_not_found: { kind: 'not_found', description: 'No incoming message with that id in this inbox' },
  customer_not_found: { kind: 'not_found', description: 'That account never wrote to this brand' },
  rule_not_found: { kind: 'not_found', description: 'No routing rule with that id in this inbox' },
  queue_not_found: { kind: 'not_found', description: 'No queue with that id in this inbox' },
  canned_not_found: { kind: 'not_found', description: 'No canned reply with that id in this inbox' },
  identity_link_not_found: { kind: 'not_found', description: 'No identity link of yours with that id' },
  org_not_found: { kind: 'not_found', description: 'No brand with that handle' },
  empty_update: { kind: 'bad_request', description: 'The change names no field to change' },
  merge_into_itself: { kind: 'bad_request', description: 'A conversation cannot be merged into itself' },
  merge_target_not_found: {
    kind: 'bad_request',
    description: 'The conversation to merge into is not in this inbox',
  },
  unknown_timezone: { kind: 'bad_request', description: 'The business hours name an unknown IANA time zone' },
  invalid_business_hours: { kind: 'bad_request', description: 'The business hours are not a valid schedule' },
  invalid_sla_policies: {
    kind: 'bad_request',
    description: 'An SLA policy names another brand’s queue or repeats a queue and priority',
  },
  reply_limit_out_of_range: {
    kind: 'bad_request',
    description: 'The public reply limit is outside 1 to the longest post',
  },
  unsure_threshold_out_of_range: {
    kind: 'bad_request',
    description: 'The unsure threshold is outside 0 to 0.95',
  },
  reply_too_long: { kind: 'unprocessable', description: 'The reply is longer than the brand’s limit' },
  order_in_public_reply: {
    kind: 'unprocessable',
    description:
      'A public reply would show the customer’s order details (an order variable or order id): send them by private message',
  },
  not_an_agent: { kind: 'unprocessable', description: 'The assignee does not work this inbox' },
  deadline_in_past: { kind: 'unprocessable', description: 'A proposed request’s deadline is in the past' },
  unknown_queue: { kind: 'unprocessable', description: 'The queue is not one of this inbox' },
  unknown_intent: { kind: 'unprocessable', description: 'The intent is not one triage knows' },
  no_corrections: { kind: 'unprocessable', description: 'No corrected messages to retrain from yet' },
  model_rejected: {
    kind: 'unprocessable',
    description: 'The retrained model fell too far on the shipped model’s check set and is not used',
  },
  consent_required: {
    kind: 'conflict',
    description: 'A private reply needs the customer’s consent (or a conversation begun by direct message)',
  },
  consent_already_asked: { kind: 'conflict', description: 'The customer was already asked to go private' },
  no_idea_request: { kind: 'conflict', description: 'There is no open request to post an idea' },
  idea_already_asked: { kind: 'conflict', description: 'The customer was already asked to post this idea' },
  conversion_already_asked: {
    kind: 'conflict',
    description:
      'The customer is being asked already, or said yes: a proposal can be made again once declined',
  },
  conversion_unavailable: {
    kind: 'unprocessable',
    description: 'This server cannot turn a conversation into that (its module is not running)',
  },
  no_conversion_request: { kind: 'conflict', description: 'There is no open proposal to answer or withdraw' },
  no_consent_request: { kind: 'conflict', description: 'There is no open request to continue privately' },
  not_resolved: { kind: 'conflict', description: 'Only a resolved conversation can be rated' },
  already_rated: { kind: 'conflict', description: 'The conversation was already rated' },
  canned_title_taken: { kind: 'conflict', description: 'A canned reply with that title exists' },
  queue_exists: { kind: 'conflict', description: 'A queue with that name exists' },
  queue_name_taken: { kind: 'conflict', description: 'Another queue of this inbox has that name' },
  conversation_merged: {
    kind: 'conflict',
    description: 'The conversation was merged into another one (mergedIntoId): work on that one',
  },
  merge_target_merged: { kind: 'conflict', description: 'The conversation to merge into was itself merged' },
  merge_customer_mismatch: {
    kind: 'conflict',
    description: 'Only conversations of the same customer can be merged',
  },
  identity_link_exists: {
    kind: 'conflict',
    description: 'That identity was already proposed to this customer',
  },
  identity_link_answered: { kind: 'conflict', description: 'The identity link was already answered' },
  identity_link_not_linked: { kind: 'conflict', description: 'The identity link is not active' },
  retrain_running: { kind: 'conflict', description: 'A retrain of this brand is already running' },
});

export type CareErrorCode = Parameters<typeof careError>[0];

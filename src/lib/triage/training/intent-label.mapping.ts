import type { Intent } from '../triage.types.ts';

// How the public sets' labels become Souk intents. The rule of thumb: a message that reports something
// gone wrong or money or goods missing is a `complaint`; one that asks how, when or whether is a `question`;
// one that wants to get or buy something is `purchase_intent`. Labels that fit no Souk intent well are left
// out (null) rather than forced, so they teach the model nothing wrong.

const BANKING77_COMPLAINT = [
  'card_arrival',
  'card_not_working',
  'contactless_not_working',
  'virtual_card_not_working',
  'card_swallowed',
  'declined_card_payment',
  'declined_cash_withdrawal',
  'declined_transfer',
  'failed_transfer',
  'top_up_failed',
  'top_up_reverted',
  'reverted_card_payment?',
  'transaction_charged_twice',
  'extra_charge_on_statement',
  'card_payment_fee_charged',
  'transfer_fee_charged',
  'wrong_amount_of_cash_received',
  'wrong_exchange_rate_for_cash_withdrawal',
  'card_payment_wrong_exchange_rate',
  'card_payment_not_recognised',
  'cash_withdrawal_not_recognised',
  'direct_debit_payment_not_recognised',
  'balance_not_updated_after_bank_transfer',
  'balance_not_updated_after_cheque_or_cash_deposit',
  'Refund_not_showing_up',
  'transfer_not_received_by_recipient',
  'pending_card_payment',
  'pending_cash_withdrawal',
  'pending_top_up',
  'pending_transfer',
  'compromised_card',
  'lost_or_stolen_card',
  'lost_or_stolen_phone',
  'pin_blocked',
  'unable_to_verify_identity',
  'beneficiary_not_allowed',
];

// Asking for a new card is the banking set's nearest thing to wanting a product.
const BANKING77_PURCHASE = [
  'order_physical_card',
  'getting_spare_card',
  'get_disposable_virtual_card',
  'getting_virtual_card',
];

/** BANKING77: every label not listed above is an information or service question. */
export function mapBanking77(label: string): Intent | null {
  if (BANKING77_COMPLAINT.includes(label)) return 'complaint';
  if (BANKING77_PURCHASE.includes(label)) return 'purchase_intent';
  return 'question';
}

const BITEXT: Record<string, Intent | null> = {
  complaint: 'complaint',
  payment_issue: 'complaint',
  registration_problems: 'complaint',
  get_refund: 'complaint',
  track_refund: 'complaint',
  place_order: 'purchase_intent',
  // "I want to leave a review" announces feedback without giving it: neither praise nor idea.
  review: null,
};

/** Bitext customer service: labels not listed are questions or service requests. */
export function mapBitext(label: string): Intent | null {
  return label in BITEXT ? BITEXT[label] : 'question';
}

const CLINC_CHATTER = [
  'greeting',
  'goodbye',
  'tell_joke',
  'fun_fact',
  'meaning_of_life',
  'who_made_you',
  'what_is_your_name',
  'are_you_a_bot',
  'how_old_are_you',
  'where_are_you_from',
  'do_you_have_pets',
  'what_are_your_hobbies',
  'who_do_you_work_for',
  'yes',
  'no',
  'maybe',
];
const CLINC_COMPLAINT = [
  'damaged_card',
  'card_declined',
  'report_lost_card',
  'report_fraud',
  'account_blocked',
  'lost_luggage',
];
const CLINC_PURCHASE = [
  'order',
  'book_flight',
  'book_hotel',
  'car_rental',
  'restaurant_reservation',
  'order_checks',
  'new_card',
];
// Information requests a customer could put to a brand; the other in-scope labels are commands to a voice
// assistant (set a timer, play a song) that a care inbox does not receive, and `oos` is a mixed bag.
const CLINC_QUESTION_DOMAINS = [
  'banking',
  'credit_cards',
  'travel',
  'kitchen_and_dining',
  'auto_and_commute',
];

/** CLINC150: needs its domains.json to tell which labels are customer questions. */
export function mapClinc150(label: string, domainOf: ReadonlyMap<string, string>): Intent | null {
  if (label === 'thank_you') return 'praise';
  if (CLINC_CHATTER.includes(label)) return 'chatter';
  if (CLINC_COMPLAINT.includes(label)) return 'complaint';
  if (CLINC_PURCHASE.includes(label)) return 'purchase_intent';
  const domain = domainOf.get(label);
  return domain !== undefined && CLINC_QUESTION_DOMAINS.includes(domain) ? 'question' : null;
}

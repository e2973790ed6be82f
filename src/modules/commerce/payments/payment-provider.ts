/** What a payment provider is asked to do; real providers (Stripe) implement the same shape. */
export type ChargeRequest = {
  orderId: string;
  amountMinor: number;
  currency: string;
  card: { number: string };
};

export type ChargeResult =
  | { status: 'succeeded'; providerRef: string }
  | { status: 'declined'; providerRef: string; reason: string }
  /** Settled later through the provider's webhook (or its absence, by the reservation timeout). */
  | { status: 'pending'; providerRef: string };

export type PaymentOutcome = { providerRef: string; status: 'succeeded' | 'failed'; reason?: string };

export type PaymentProvider = {
  name: string;
  charge(request: ChargeRequest): Promise<ChargeResult>;
  refund(providerRef: string, amountMinor: number): Promise<void>;
  /** Checks a webhook's signature and reads the outcome it reports, or returns null when it is not authentic. */
  verifyWebhook(signature: string | undefined, rawBody: string): PaymentOutcome | null;
};

import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import type { ChargeRequest, ChargeResult, PaymentOutcome, PaymentProvider } from './payment-provider.ts';

/** Documented test cards (see README): succeed, decline, or fail after a delay via the webhook path. */
export const TEST_CARDS = {
  succeeds: '4242424242424242',
  declined: '4000000000000002',
  insufficientFunds: '4000000000009995',
  failsAfterDelay: '4000000000000341',
  succeedsAfterDelay: '4000000000003063',
} as const;

export type TestProviderOptions = {
  /** Secret that signs webhook bodies (HMAC-SHA256, hex, in X-Souk-Signature). */
  webhookSecret: string;
  /** How long the delayed cards wait before their webhook arrives. */
  delayMs?: number;
  /** Where the delayed outcome is delivered: the same function the webhook route calls. */
  deliver?: (outcome: PaymentOutcome) => Promise<void>;
};

export const signBody = (secret: string, body: string) =>
  createHmac('sha256', secret).update(body).digest('hex');

/** A provider that never leaves the machine, for demos and tests. Card numbers decide the outcome. */
export function createTestProvider(
  options: TestProviderOptions,
): PaymentProvider & { setDeliver(fn: TestProviderOptions['deliver']): void } {
  let deliver = options.deliver;
  const later = (outcome: PaymentOutcome) => {
    setTimeout(() => void deliver?.(outcome).catch(() => {}), options.delayMs ?? 2000).unref();
  };
  return {
    name: 'test',
    setDeliver(fn) {
      deliver = fn;
    },
    async charge(request: ChargeRequest): Promise<ChargeResult> {
      const providerRef = `test_${randomUUID()}`;
      const card = request.card.number.replace(/\s+/g, '');
      if (card === TEST_CARDS.succeeds) return { status: 'succeeded', providerRef };
      if (card === TEST_CARDS.declined) return { status: 'declined', providerRef, reason: 'card_declined' };
      if (card === TEST_CARDS.insufficientFunds)
        return { status: 'declined', providerRef, reason: 'insufficient_funds' };
      if (card === TEST_CARDS.failsAfterDelay) {
        later({ providerRef, status: 'failed', reason: 'processing_error' });
        return { status: 'pending', providerRef };
      }
      if (card === TEST_CARDS.succeedsAfterDelay) {
        later({ providerRef, status: 'succeeded' });
        return { status: 'pending', providerRef };
      }
      return { status: 'declined', providerRef, reason: 'unknown_test_card' };
    },
    async refund() {},
    verifyWebhook(signature, rawBody) {
      const expected = Buffer.from(signBody(options.webhookSecret, rawBody));
      const given = Buffer.from(signature ?? '');
      if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
      const body = JSON.parse(rawBody) as PaymentOutcome;
      return typeof body.providerRef === 'string' && (body.status === 'succeeded' || body.status === 'failed')
        ? body
        : null;
    },
  };
}

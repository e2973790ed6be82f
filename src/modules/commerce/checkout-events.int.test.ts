import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestClient, type TestContext } from '../../../test/support/test-app.ts';
import type { DomainEvent } from '../../platform/events/event-map.ts';
import { TEST_CARDS } from './payments/test-provider.ts';

// The checkout batch writes its events in the database (commerce_place_orders through platform_emit_events); a
// subscriber must get them like any other event.
let t: TestContext;
let owner: TestClient;
let variantId: string;
const seen: DomainEvent[] = [];

beforeAll(async () => {
  t = await createTestApp();
  for (const type of ['order.placed', 'order.paid'] as const)
    t.events.subscribe('test.checkout-events', type, async (event) => {
      seen.push(event);
    });
  owner = await t.signup('evowner');
  await t.brand(owner, 'eventwind', { verified: true });
  const res = await owner.post('/api/v1/orgs/eventwind/products', {
    title: 'Kettle',
    currency: 'EUR',
    priceMinor: 4_000,
    variants: [{ sku: 'KET-1', stock: 100 }],
  });
  expect(res.statusCode, res.body).toBe(201);
  variantId = res.json().variants[0].id;
});
afterAll(() => t.close());

describe('checkout events', () => {
  it('should deliver order.placed with the credited attribution, then order.paid, for each of two checkouts at once', async () => {
    const buyers = [await t.signup('evbuyer1'), await t.signup('evbuyer2')];
    const responses = await Promise.all(
      buyers.map((b) =>
        b.request(
          'POST',
          '/api/v1/orders',
          {
            items: [{ variantId, quantity: 1 }],
            shippingAddress: {
              name: b.handle,
              line1: '1 Main St',
              city: 'Leeds',
              postalCode: 'LS1 1AA',
              country: 'GB',
            },
            card: { number: TEST_CARDS.succeeds },
          },
          { 'idempotency-key': randomUUID() },
        ),
      ),
    );
    for (const res of responses) expect(res.statusCode, res.body).toBe(201);
    await t.drain();
    for (const [i, res] of responses.entries()) {
      const order = res.json();
      const events = seen.filter((e) => e.aggregateId === order.id);
      expect(events.map((e) => e.type)).toEqual(['order.placed', 'order.paid']);
      const ref = { orderId: order.id, buyerId: buyers[i].userId, totalMinor: 4_000, currency: 'EUR' };
      expect(events[0].payload).toMatchObject({
        ...ref,
        dealId: null,
        attribution: { kind: 'direct', postId: null, chain: [], referrerId: null },
      });
      expect(events[1].payload).toMatchObject(ref);
      expect(events[0].id).toBeLessThan(events[1].id);
    }
  });
});

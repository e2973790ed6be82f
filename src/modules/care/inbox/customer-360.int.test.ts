import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestClient, type TestContext } from '../../../../test/support/test-app.ts';
import { TEST_CARDS } from '../../commerce/index.ts';

// The customer 360 lists the customer's orders with the brand, and a lifetime value that says how it was reached:
// no twelve-month prediction from a first quarter of an hour.
let t: TestContext;
let owner: TestClient;
let customer: TestClient;

beforeAll(async () => {
  t = await createTestApp();
  owner = await t.signup('atlas_owner');
  customer = await t.signup('new_buyer');
  await t.brand(owner, 'atlasgear');
});
afterAll(() => t.close());

describe('customer 360', () => {
  it('should list the orders and show spend to date, too early to estimate, for a new customer', async () => {
    const product = (
      await owner.post('/api/v1/orgs/atlasgear/products', {
        title: 'Tent',
        priceMinor: 35_450,
        currency: 'EUR',
        variants: [{ sku: 'T-1', stock: 5 }],
      })
    ).json();
    const order = await customer.request(
      'POST',
      '/api/v1/orders',
      {
        items: [{ variantId: product.variants[0].id, quantity: 1 }],
        shippingAddress: { name: 'N', line1: '1 St', city: 'Porto', postalCode: '4000', country: 'PT' },
        card: { number: TEST_CARDS.succeeds },
      },
      { 'idempotency-key': randomUUID() },
    );
    expect(order.statusCode, order.body).toBe(201);
    await customer.post('/api/v1/posts', { text: '@atlasgear when does my tent ship?' });
    await t.drain();
    const [conversation] = (await owner.get('/api/v1/orgs/atlasgear/care/conversations')).json().items;
    const c360 = (await owner.get(`/api/v1/orgs/atlasgear/care/conversations/${conversation.id}`)).json()
      .customer360;
    expect(c360.recentOrders).toEqual([
      {
        id: order.json().id,
        reference: `#${order.json().id.replace(/-/g, '').slice(-8).toUpperCase()}`,
        status: 'paid',
        totalMinor: 35_450,
        refundedMinor: 0,
        currency: 'EUR',
        createdAt: expect.any(String),
      },
    ]);
    expect(c360.lifetimeValue).toMatchObject({
      status: 'too_early',
      historicMinor: 35_450,
      predictedMinor: 0,
      totalMinor: 35_450,
      rangeMinor: null,
    });
    expect(c360.lifetimeValue.basis).toContain('Too early to estimate');
  });
});

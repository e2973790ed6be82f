import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestClient, type TestContext } from '../../../test/support/test-app.ts';
import { TEST_CARDS } from './index.ts';

let t: TestContext;
let owner: TestClient;
let dealId: string;
let productId: string;
let variantId: string;

function buy(client: TestClient) {
  return client.request(
    'POST',
    '/api/v1/orders',
    {
      dealId,
      items: [{ variantId, quantity: 1 }],
      shippingAddress: {
        name: client.handle,
        line1: '1 Road',
        city: 'Leeds',
        postalCode: 'LS1 1AA',
        country: 'GB',
      },
      card: { number: TEST_CARDS.succeeds },
    },
    { 'idempotency-key': randomUUID() },
  );
}

beforeAll(async () => {
  t = await createTestApp();
  owner = await t.signup('fbowner');
  await t.brand(owner, 'fbco');
  const product = (
    await owner.post('/api/v1/orgs/fbco/products', {
      title: 'Mug',
      currency: 'EUR',
      priceMinor: 1_500,
      variants: [{ sku: 'M-1', stock: 100 }],
    })
  ).json();
  productId = product.id;
  variantId = product.variants[0].id;
  dealId = (
    await owner.post('/api/v1/orgs/fbco/deals', {
      text: 'Mugs',
      endsAt: new Date(Date.now() + 86_400_000).toISOString(),
      type: 'percent_off',
      percentOff: 10,
      items: [{ productId }],
      audience: 'everyone',
    })
  ).json().id;
});
afterAll(() => t.close());

describe('friends bought', () => {
  it('should count and name only followed buyers who chose to share, never a private buyer', async () => {
    const viewer = await t.signup('fbviewer');
    const sharer = await t.signup('fbsharer');
    const private1 = await t.signup('fbprivate');
    const undecided = await t.signup('fbundecided');
    const stranger = await t.signup('fbstranger');
    for (const p of [sharer, private1, undecided]) await viewer.post(`/api/v1/accounts/${p.handle}/follow`);

    expect((await sharer.get('/api/v1/me/purchase-sharing')).json()).toEqual({
      sharePurchases: false,
      asked: false,
    });
    expect(
      (await sharer.request('PUT', '/api/v1/me/purchase-sharing', { sharePurchases: true })).json(),
    ).toEqual({
      sharePurchases: true,
      asked: true,
    });
    await private1.request('PUT', '/api/v1/me/purchase-sharing', { sharePurchases: false });
    await stranger.request('PUT', '/api/v1/me/purchase-sharing', { sharePurchases: true });
    for (const p of [sharer, private1, undecided, stranger]) expect((await buy(p)).statusCode).toBe(201);
    await t.drain();

    const card = (await viewer.get(`/api/v1/deals/${dealId}`)).json();
    expect(card.viewer.friendsBought.count).toBe(1);
    expect(card.viewer.friendsBought.people.map((p: { handle: string }) => p.handle)).toEqual(['fbsharer']);
    const page = (await viewer.get(`/api/v1/products/${productId}/friends-bought`)).json();
    expect(page).toMatchObject({ count: 1, people: [{ handle: 'fbsharer' }] });
    const body = JSON.stringify([card, page]);
    for (const hidden of ['fbprivate', 'fbundecided', 'fbstranger']) expect(body).not.toContain(hidden);

    // The sharer changes their mind in Settings: they are no longer counted.
    await sharer.request('PUT', '/api/v1/me/purchase-sharing', { sharePurchases: false });
    expect((await viewer.get(`/api/v1/deals/${dealId}`)).json().viewer.friendsBought).toEqual({
      count: 0,
      people: [],
    });
    expect((await t.anonymous.get(`/api/v1/deals/${dealId}`)).json().viewer.friendsBought.count).toBe(0);
    expect(
      (await viewer.request('PUT', '/api/v1/me/purchase-sharing', { sharePurchases: 'yes' })).statusCode,
    ).toBe(400);
  });
});

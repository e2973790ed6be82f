import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestClient, type TestContext } from '../../../test/support/test-app.ts';

let t: TestContext;
let owner: TestClient;
let seller: TestClient;
let outsider: TestClient;
let otherBrandOwner: TestClient;
let productId: string;
let dealId: string;

beforeAll(async () => {
  t = await createTestApp();
  owner = await t.signup('rf_owner');
  seller = await t.signup('rf_sales');
  outsider = await t.signup('rf_customer');
  otherBrandOwner = await t.signup('rf_rival');
  await t.brand(owner, 'floorco', { verified: true });
  await t.brand(otherBrandOwner, 'rivalco');
  const inv = await owner.post('/api/v1/orgs/floorco/invitations', { handle: 'rf_sales', role: 'sales' });
  await seller.post(`/api/v1/invitations/${inv.json().id}/accept`);
  const product = await owner.post('/api/v1/orgs/floorco/products', {
    title: 'Kettle',
    currency: 'EUR',
    priceMinor: 5_000,
    resellerFloorMinor: 4_200,
    variants: [{ sku: 'K-1', stock: 10 }],
  });
  expect(product.statusCode, product.body).toBe(201);
  productId = product.json().id;
  const deal = await owner.post('/api/v1/orgs/floorco/deals', {
    text: 'Kettle week',
    type: 'percent_off',
    percentOff: 10,
    items: [{ productId }],
    audience: 'everyone',
    endsAt: new Date(Date.now() + 3600_000).toISOString(),
  });
  expect(deal.statusCode, deal.body).toBe(201);
  dealId = deal.json().id;
});
afterAll(() => t.close());

type Reader = Pick<TestClient, 'get'>;
const views = (who: Reader) => [
  who.get(`/api/v1/products/${productId}`).then((r) => r.json()),
  who.get('/api/v1/orgs/floorco/products').then((r) => r.json().items[0]),
  who.get(`/api/v1/deals/${dealId}`).then((r) => r.json().items[0].product),
  who.get('/api/v1/orgs/floorco/deals').then((r) => r.json().items[0].items[0].product),
  who.get(`/api/v1/deals?ids=${dealId}`).then((r) => r.json().items[0].items[0].product),
];

describe('reseller floors', () => {
  it('should not show the reseller floor to anonymous visitors, customers or another brand', async () => {
    for (const who of [t.anonymous, outsider, otherBrandOwner]) {
      for (const product of await Promise.all(views(who))) {
        expect(product.id).toBe(productId);
        expect(product).not.toHaveProperty('resellerFloorMinor');
      }
    }
  });

  it("should show the reseller floor to the brand's staff", async () => {
    for (const who of [owner, seller]) {
      for (const product of await Promise.all(views(who))) expect(product.resellerFloorMinor).toBe(4_200);
    }
  });
});

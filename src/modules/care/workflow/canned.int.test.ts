import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestClient, type TestContext } from '../../../../test/support/test-app.ts';
import { TEST_CARDS } from '../../commerce/index.ts';

// Canned replies: editable, and order details never filled into (nor sent in) a public reply.
let t: TestContext;
let owner: TestClient;
let agent: TestClient;
let customer: TestClient;
let conversationId: string;
let orderId: string;

const base = '/api/v1/orgs/lumen/care';

beforeAll(async () => {
  t = await createTestApp();
  owner = await t.signup('lumen_owner');
  agent = await t.signup('lumen_agent');
  customer = await t.signup('nina_lumen');
  await t.brand(owner, 'lumen');
  const inv = await owner.post('/api/v1/orgs/lumen/invitations', { handle: 'lumen_agent', role: 'agent' });
  await agent.post(`/api/v1/invitations/${inv.json().id}/accept`);
  const product = (
    await owner.post('/api/v1/orgs/lumen/products', {
      title: 'Desk lamp',
      priceMinor: 3_500,
      currency: 'EUR',
      variants: [{ sku: 'DL-1', stock: 10 }],
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
  orderId = order.json().id;
  await customer.post('/api/v1/posts', { text: '@lumen where is my lamp? It has not arrived' });
  await t.drain();
  conversationId = (await customer.get('/api/v1/me/care/conversations')).json().items[0].id;
});
afterAll(() => t.close());

describe('canned replies', () => {
  it('should let an owner edit a canned reply, and no agent', async () => {
    const added = (
      await owner.post(`${base}/canned-replies`, { title: 'Delay', body: 'Sorry for the wait.' })
    ).json();
    const byAgent = await agent.request('PATCH', `${base}/canned-replies/${added.id}`, { body: 'x' });
    expect(byAgent.statusCode).toBe(403);
    const edited = await owner.request('PATCH', `${base}/canned-replies/${added.id}`, {
      body: 'Sorry for the wait, {first_name}.',
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toEqual({
      id: added.id,
      title: 'Delay',
      body: 'Sorry for the wait, {first_name}.',
    });
    expect((await owner.get(`${base}/canned-replies`)).json().items).toContainEqual(edited.json());
    expect((await owner.request('PATCH', `${base}/canned-replies/${added.id}`, {})).statusCode).toBe(400);
    await owner.post(`${base}/canned-replies`, { title: 'Other', body: 'Hello' });
    const clash = await owner.request('PATCH', `${base}/canned-replies/${added.id}`, { title: 'Other' });
    expect(clash.json().code).toBe('canned_title_taken');
    const missing = await owner.request('PATCH', `${base}/canned-replies/${randomUUID()}`, { title: 'Z' });
    expect(missing.json().code).toBe('canned_not_found');
  });

  it('should refuse to fill order details for a public reply, and fill a short reference in a private one', async () => {
    const canned = (
      await owner.post(`${base}/canned-replies`, {
        title: 'Order update',
        body: 'Hi {first_name}, order {order_ref} ships today.',
      })
    ).json();
    const url = `${base}/conversations/${conversationId}/canned-replies/${canned.id}`;
    const pub = await agent.get(`${url}?mode=public`);
    expect(pub.statusCode).toBe(422);
    expect(pub.json()).toMatchObject({ code: 'order_in_public_reply' });
    expect(pub.json().detail).toContain('{order_ref}');
    const priv = await agent.get(`${url}?mode=private`);
    expect(priv.statusCode, priv.body).toBe(200);
    const reference = `#${orderId.replace(/-/g, '').slice(-8).toUpperCase()}`;
    expect(priv.json().text).toMatch(new RegExp(`^Hi \\S+, order ${reference} ships today\\.$`));
    expect(priv.json().text).toContain(reference);
    expect(priv.json().text).not.toContain(orderId);
  });

  it('should refuse a public reply that names the customer’s order', async () => {
    for (const text of [
      `Your order ${orderId} ships today`,
      `Order #${orderId.replace(/-/g, '').slice(-8)} ships`,
    ]) {
      const res = await agent.post(`${base}/conversations/${conversationId}/replies`, {
        text,
        mode: 'public',
      });
      expect(res.statusCode, text).toBe(422);
      expect(res.json().code).toBe('order_in_public_reply');
    }
    const fine = await agent.post(`${base}/conversations/${conversationId}/replies`, {
      text: 'Your lamp ships today, details by message.',
      mode: 'public',
    });
    expect(fine.statusCode, fine.body).toBe(201);
  });
});

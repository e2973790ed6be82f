import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestClient, type TestContext } from '../../../test/support/test-app.ts';
import { TEST_CARDS } from '../commerce/index.ts';

let t: TestContext;
let owner: TestClient;
let agent: TestClient;
let customer: TestClient;
let rival: TestClient;

async function join(client: TestClient, org: string, role: string) {
  const inv = await owner.post(`/api/v1/orgs/${org}/invitations`, { handle: client.handle, role });
  await client.post(`/api/v1/invitations/${inv.json().id}/accept`);
}

async function inbox(client: TestClient, query = '') {
  const res = await client.get(`/api/v1/orgs/skyline/care/conversations${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items as {
    id: string;
    queue: { name: string };
    assignee: { handle: string } | null;
    intent: string;
    sentiment: number;
    priority: string;
    status: string;
    previousId: string | null;
    snoozedUntil: string | null;
  }[];
}

beforeAll(async () => {
  t = await createTestApp();
  owner = await t.signup('sky_owner');
  agent = await t.signup('sky_agent');
  customer = await t.signup('traveller');
  rival = await t.signup('rival_agent');
  await t.brand(owner, 'skyline');
  await join(agent, 'skyline', 'agent');
  const rivalOwner = await t.signup('rival_owner');
  await t.brand(rivalOwner, 'rivalair');
  const inv = await rivalOwner.post('/api/v1/orgs/rivalair/invitations', {
    handle: 'rival_agent',
    role: 'agent',
  });
  await rival.post(`/api/v1/invitations/${inv.json().id}/accept`);
});
afterAll(() => t.close());

describe('care inbox', () => {
  let conversationId: string;
  let complaintId: string;

  it('should turn a complaint mentioning the brand into a triaged Service conversation assigned to an agent', async () => {
    complaintId = (
      await customer.post('/api/v1/posts', {
        text: '@skyline my flight was cancelled and nobody answers the phone, this is terrible service',
      })
    ).json().id;
    await t.drain();
    const [conversation] = await inbox(agent);
    expect(conversation).toMatchObject({
      queue: { name: 'Service' },
      assignee: { handle: 'sky_agent' },
      intent: 'complaint',
      status: 'open',
    });
    expect(conversation.sentiment).toBeLessThan(0);
    expect(['high', 'urgent']).toContain(conversation.priority);
    conversationId = conversation.id;
  });

  it('should add follow-ups in the thread to the same conversation, and ignore the brand’s own staff', async () => {
    await customer.post('/api/v1/posts', { text: 'Still waiting @skyline', inReplyToId: complaintId });
    await owner.post('/api/v1/posts', { text: 'Our team at @skyline is on it' });
    await t.drain();
    const conversations = await inbox(agent);
    expect(conversations).toHaveLength(1);
    const detail = (await agent.get(`/api/v1/orgs/skyline/care/conversations/${conversationId}`)).json();
    expect(detail.messages.map((m: { direction: string }) => m.direction)).toEqual(['in', 'in']);
  });

  it('should answer in public as the brand in the customer’s thread, stop the first-response clock and notify the customer', async () => {
    const tooLong = await agent.post(`/api/v1/orgs/skyline/care/conversations/${conversationId}/replies`, {
      text: 'x'.repeat(281),
      mode: 'public',
    });
    expect(tooLong.statusCode).toBe(422);
    const res = await agent.post(`/api/v1/orgs/skyline/care/conversations/${conversationId}/replies`, {
      text: 'So sorry! We are rebooking you now.',
      mode: 'public',
    });
    expect(res.statusCode).toBe(201);
    const post = (await customer.get(`/api/v1/posts/${res.json().postId}`)).json();
    expect(post).toMatchObject({
      author: { handle: 'skyline' },
      inReplyTo: { author: { handle: 'traveller' } },
    });
    await t.drain();
    const detail = (await agent.get(`/api/v1/orgs/skyline/care/conversations/${conversationId}`)).json();
    expect(detail).toMatchObject({ status: 'pending', sla: { breached: false } });
    expect(detail.firstResponseAt).not.toBeNull();
    expect(detail.messages.filter((m: { direction: string }) => m.direction === 'out')).toHaveLength(1);
    const notifications = (await customer.get('/api/v1/notifications')).json().items;
    expect(
      notifications.some(
        (n: { kind: string; actor: { handle: string } }) =>
          n.kind === 'reply' && n.actor.handle === 'skyline',
      ),
    ).toBe(true);
  });

  it('should move to private only with the customer’s consent, then answer by direct message only they can see', async () => {
    const early = await agent.post(`/api/v1/orgs/skyline/care/conversations/${conversationId}/replies`, {
      text: 'Your booking code?',
      mode: 'private',
    });
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe('consent_required');
    // The customer's browsers hear of it live (their Support page refetches); the rival agent's hear nothing.
    const heard: { to: string; event: string; data: unknown }[] = [];
    const stop = [customer, rival].map((c) =>
      t.live.subscribe([c.userId], (m) => heard.push({ to: c.handle, ...m })),
    );
    expect(
      (await agent.post(`/api/v1/orgs/skyline/care/conversations/${conversationId}/private-request`, {}))
        .statusCode,
    ).toBe(201);
    for (const unsubscribe of stop) unsubscribe();
    expect(heard.filter((m) => m.event === 'care.mine')).toEqual([
      { to: 'traveller', event: 'care.mine', data: { conversationId } },
    ]);
    const mine = (await customer.get('/api/v1/me/care/conversations')).json().items;
    expect(mine[0]).toMatchObject({
      id: conversationId,
      brand: { handle: 'skyline' },
      privateConsent: 'requested',
      postId: complaintId,
    });
    expect(mine[0].firstMessage).toContain('@skyline');
    // Asking again is refused before anything is posted: the thread carries the question once.
    const again = await agent.post(
      `/api/v1/orgs/skyline/care/conversations/${conversationId}/private-request`,
      {},
    );
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('consent_already_asked');
    const asked = (await agent.get(`/api/v1/orgs/skyline/care/conversations/${conversationId}`))
      .json()
      .messages.filter((m: { text: string }) => m.text.includes('continue by direct message'));
    expect(asked).toHaveLength(1);
    expect(
      (await customer.post(`/api/v1/me/care/conversations/${conversationId}/consent`, { accept: true }))
        .statusCode,
    ).toBe(204);
    const res = await agent.post(`/api/v1/orgs/skyline/care/conversations/${conversationId}/replies`, {
      text: 'Can you send your booking code?',
      mode: 'private',
    });
    expect(res.statusCode).toBe(201);
    const post = (await customer.get(`/api/v1/posts/${res.json().postId}`)).json();
    expect(post).toMatchObject({ visibility: 'direct', text: '@traveller Can you send your booking code?' });
    expect((await rival.get(`/api/v1/posts/${res.json().postId}`)).statusCode).toBe(404);
  });

  it('should reopen on a new customer message, and open a linked new conversation for a new thread after resolution', async () => {
    await agent.request('PATCH', `/api/v1/orgs/skyline/care/conversations/${conversationId}`, {
      status: 'resolved',
    });
    await customer.post('/api/v1/posts', {
      text: 'thanks @skyline, one more thing',
      inReplyToId: complaintId,
    });
    await t.drain();
    expect((await inbox(agent)).find((c) => c.id === conversationId)?.status).toBe('open');
    await agent.request('PATCH', `/api/v1/orgs/skyline/care/conversations/${conversationId}`, {
      status: 'resolved',
    });
    await customer.post('/api/v1/posts', { text: '@skyline do you fly to Lisbon in May?' });
    await t.drain();
    const newest = (await inbox(agent))[0];
    expect(newest.id).not.toBe(conversationId);
    expect(newest.previousId).toBe(conversationId);
  });

  it('should show the customer 360 with orders and lifetime value', async () => {
    const product = (
      await owner.post('/api/v1/orgs/skyline/products', {
        title: 'Seat upgrade',
        priceMinor: 4_900,
        currency: 'EUR',
        variants: [{ sku: 'UPG-1', stock: 10 }],
      })
    ).json();
    await customer.request(
      'POST',
      '/api/v1/orders',
      {
        items: [{ variantId: product.variants[0].id, quantity: 2 }],
        shippingAddress: { name: 'T', line1: '1 St', city: 'Porto', postalCode: '4000', country: 'PT' },
        card: { number: TEST_CARDS.succeeds },
      },
      { 'idempotency-key': randomUUID() },
    );
    // A prediction needs history (a first-day customer shows spend to date only): this one has bought for months.
    await t.handle.db
      .updateTable('orders')
      .set({ created_at: new Date(Date.now() - 120 * 86_400_000) })
      .where('buyer_id', '=', customer.userId)
      .execute();
    const detail = (await agent.get(`/api/v1/orgs/skyline/care/conversations/${conversationId}`)).json();
    expect(detail.customer360).toMatchObject({
      profile: { handle: 'traveller' },
      orders: 1,
      spendMinor: 9_800,
    });
    expect(detail.customer360.lifetimeValue.totalMinor).toBeGreaterThan(9_800);
    expect(detail.customer360.conversations.length).toBe(2);
  });

  it('should route by an admin’s rule, and test a rule on recent messages first', async () => {
    const queues = (await owner.get('/api/v1/orgs/skyline/care/queues')).json().items;
    const sales = queues.find((q: { name: string }) => q.name === 'Sales');
    const rule = {
      conditions: { keywords: ['lisbon'] },
      actions: { queueId: sales.id, tags: ['route-lisbon'] },
    };
    const trial = (await owner.post('/api/v1/orgs/skyline/care/rules/test', rule)).json();
    expect(trial.matched).toBe(1);
    const byAgent = await agent.post('/api/v1/orgs/skyline/care/rules', { name: 'Lisbon', ...rule });
    expect(byAgent.statusCode).toBe(403);
    expect(byAgent.json().code).toBe('role_not_allowed');
    expect((await owner.get('/api/v1/orgs/skyline/care/rules')).json().items).toEqual([]);
    expect(
      (await owner.post('/api/v1/orgs/skyline/care/rules', { name: 'Lisbon', ...rule })).statusCode,
    ).toBe(201);
    const second = await t.signup('second_traveller');
    await second.post('/api/v1/posts', { text: 'Hi @skyline, any Lisbon fares?' });
    await t.drain();
    expect((await inbox(agent))[0]).toMatchObject({ queue: { name: 'Sales' } });
  });

  it('should fill a canned reply with the customer’s first name and last order', async () => {
    const canned = (
      await owner.post('/api/v1/orgs/skyline/care/canned-replies', {
        title: 'Order update',
        body: 'Hi {first_name}, order {order_id} is on its way.',
      })
    ).json();
    const filled = (
      await agent.get(`/api/v1/orgs/skyline/care/conversations/${conversationId}/canned-replies/${canned.id}`)
    ).json();
    expect(filled.text).toMatch(/^Hi Traveller, order [0-9a-f-]{36} is on its way\.$/);
  });

  it('should hide a snoozed conversation until the customer writes again', async () => {
    const until = new Date(Date.now() + 3600_000).toISOString();
    await agent.request('PATCH', `/api/v1/orgs/skyline/care/conversations/${conversationId}`, {
      snoozedUntil: until,
    });
    expect((await inbox(agent)).map((c) => c.id)).not.toContain(conversationId);
    // The Snoozed view lists the snoozed conversations alone.
    expect((await inbox(agent, '?snoozed=true')).map((c) => [c.id, c.snoozedUntil])).toEqual([
      [conversationId, until],
    ]);
    await customer.post('/api/v1/posts', { text: '@skyline any news?', inReplyToId: complaintId });
    await t.drain();
    expect((await inbox(agent)).map((c) => c.id)).toContain(conversationId);
    expect(await inbox(agent, '?snoozed=true')).toEqual([]);
  });

  it('should let the customer rate a resolved conversation once, and report response times and CSAT', async () => {
    expect(
      (await customer.post(`/api/v1/me/care/conversations/${conversationId}/rating`, { score: 5 })).json()
        .code,
    ).toBe('not_resolved');
    // Resolving tells the customer's browsers (their Support page now offers the rating); a priority change does not.
    const heard: unknown[] = [];
    const stop = t.live.subscribe([customer.userId], (m) => heard.push(m));
    await agent.request('PATCH', `/api/v1/orgs/skyline/care/conversations/${conversationId}`, {
      priority: 'low',
    });
    await agent.request('PATCH', `/api/v1/orgs/skyline/care/conversations/${conversationId}`, {
      status: 'resolved',
    });
    stop();
    expect(heard).toEqual([{ event: 'care.mine', data: { conversationId } }]);
    expect(
      (await customer.post(`/api/v1/me/care/conversations/${conversationId}/rating`, { score: 4 }))
        .statusCode,
    ).toBe(204);
    expect(
      (await customer.post(`/api/v1/me/care/conversations/${conversationId}/rating`, { score: 1 })).json()
        .code,
    ).toBe('already_rated');
    expect(
      (await rival.post(`/api/v1/me/care/conversations/${conversationId}/rating`, { score: 1 })).statusCode,
    ).toBe(404);
    const byQueue = (await agent.get('/api/v1/orgs/skyline/care/reports?by=queue')).json().items;
    const service = byQueue.find((r: { group: string }) => r.group === 'Service');
    expect(service).toMatchObject({ csat: 4, breaches: 0 });
    // The one answered Service conversation: its median (and p90) is its own first-response time, to 0.1 minute.
    const answered = (await agent.get(`/api/v1/orgs/skyline/care/conversations/${conversationId}`)).json();
    const minutes = (Date.parse(answered.firstResponseAt) - Date.parse(answered.openedAt)) / 60_000;
    expect(service.firstResponseMinutes).toEqual({
      median: Math.round(minutes * 10) / 10,
      p90: Math.round(minutes * 10) / 10,
    });
    const byAgent = (await agent.get('/api/v1/orgs/skyline/care/reports?by=agent')).json().items;
    expect(byAgent.map((r: { group: string }) => r.group)).toContain('@sky_agent');
  });

  it('should let admins add, rename and remove queues, and agents not', async () => {
    const byAgent = await agent.post('/api/v1/orgs/skyline/care/queues', { name: 'Baggage' });
    expect(byAgent.statusCode).toBe(403);
    expect(byAgent.json().code).toBe('role_not_allowed');
    const names = async () =>
      (await owner.get('/api/v1/orgs/skyline/care/queues')).json().items.map((q: { name: string }) => q.name);
    expect(await names()).not.toContain('Baggage');
    const queue = (await owner.post('/api/v1/orgs/skyline/care/queues', { name: 'Baggage' })).json();
    expect(
      (await owner.request('PATCH', `/api/v1/orgs/skyline/care/queues/${queue.id}`, { name: 'Lost baggage' }))
        .statusCode,
    ).toBe(204);
    expect(
      (await owner.get('/api/v1/orgs/skyline/care/queues')).json().items.map((q: { name: string }) => q.name),
    ).toContain('Lost baggage');
    expect((await owner.del(`/api/v1/orgs/skyline/care/queues/${queue.id}`)).statusCode).toBe(204);
  });

  it('should keep one brand’s conversations, notes and customers away from every other account', async () => {
    await agent.post(`/api/v1/orgs/skyline/care/conversations/${conversationId}/notes`, {
      text: 'VIP, handle with care',
    });
    const listed = await rival.get('/api/v1/orgs/skyline/care/conversations');
    expect(listed.statusCode).toBe(403);
    expect(listed.json().code).toBe('not_a_member');
    expect(listed.body).not.toContain('VIP');
    expect((await rival.get(`/api/v1/orgs/skyline/care/conversations/${conversationId}`)).statusCode).toBe(
      403,
    );
    expect((await rival.get(`/api/v1/orgs/rivalair/care/conversations/${conversationId}`)).statusCode).toBe(
      404,
    );
    expect((await customer.get('/api/v1/orgs/skyline/care/conversations')).statusCode).toBe(403);
    expect((await rival.get('/api/v1/orgs/rivalair/care/conversations')).json().items).toEqual([]);
  });

  it('should store an agent’s intent correction', async () => {
    const detail = (await agent.get(`/api/v1/orgs/skyline/care/conversations/${conversationId}`)).json();
    const message = detail.messages.find((m: { direction: string }) => m.direction === 'in');
    const res = await agent.request(
      'PUT',
      `/api/v1/orgs/skyline/care/conversations/${conversationId}/messages/${message.id}/intent`,
      { intent: 'question' },
    );
    expect(res.statusCode).toBe(204);
    const after = (await agent.get(`/api/v1/orgs/skyline/care/conversations/${conversationId}`)).json();
    expect(after.messages.find((m: { id: string }) => m.id === message.id)).toMatchObject({
      intent: 'question',
      intentCorrected: true,
    });
  });
});

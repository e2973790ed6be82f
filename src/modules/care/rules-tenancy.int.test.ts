import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestClient, type TestContext } from '../../../test/support/test-app.ts';

let t: TestContext;
let ownerA: TestClient;
let ownerB: TestClient;
let agentB: TestClient;
let queueOfB: string;
let queueOfA: string;

beforeAll(async () => {
  t = await createTestApp();
  ownerA = await t.signup('rt_owner_a');
  ownerB = await t.signup('rt_owner_b');
  agentB = await t.signup('rt_agent_b');
  await t.brand(ownerA, 'rtbrand_a');
  await t.brand(ownerB, 'rtbrand_b');
  const inv = await ownerB.post('/api/v1/orgs/rtbrand_b/invitations', {
    handle: 'rt_agent_b',
    role: 'agent',
  });
  await agentB.post(`/api/v1/invitations/${inv.json().id}/accept`);
  queueOfB = (await ownerB.get('/api/v1/orgs/rtbrand_b/care/queues')).json().items[0].id;
  queueOfA = (await ownerA.get('/api/v1/orgs/rtbrand_a/care/queues')).json().items[0].id;
});
afterAll(() => t.close());

describe('care routing rules stay inside their brand', () => {
  it("should refuse a rule that routes to another brand's queue", async () => {
    const res = await ownerA.post('/api/v1/orgs/rtbrand_a/care/rules', {
      name: 'steal',
      conditions: { keywords: ['refund'] },
      actions: { queueId: queueOfB },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'unknown_queue', errors: [{ field: 'actions.queueId' }] });
  });

  it("should refuse a rule that assigns to another brand's agent", async () => {
    const res = await ownerA.post('/api/v1/orgs/rtbrand_a/care/rules', {
      name: 'leak',
      conditions: { keywords: ['refund'] },
      actions: { queueId: queueOfA, assigneeId: agentB.userId },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'not_an_agent', errors: [{ field: 'actions.assigneeId' }] });
    expect((await ownerA.get('/api/v1/orgs/rtbrand_a/care/rules')).json().items).toEqual([]);
  });

  it('should keep a matching message in the brand, never in the other brand’s inbox', async () => {
    const customer = await t.signup('rt_customer');
    await customer.post('/api/v1/posts', { text: '@rtbrand_a I want a refund for my order' });
    await t.drain();
    const inB = (await ownerB.get('/api/v1/orgs/rtbrand_b/care/conversations')).json().items;
    expect(inB).toEqual([]);
    const inA = (await ownerA.get('/api/v1/orgs/rtbrand_a/care/conversations')).json().items;
    expect(inA.length).toBe(1);
    expect(inA[0].assignee?.handle).not.toBe('rt_agent_b');
  });

  it("should still accept a rule naming the brand's own queue and agent", async () => {
    const res = await ownerA.post('/api/v1/orgs/rtbrand_a/care/rules', {
      name: 'own',
      conditions: { keywords: ['refund'] },
      actions: { queueId: queueOfA, assigneeId: ownerA.userId },
    });
    expect(res.statusCode, res.body).toBe(201);
  });
});

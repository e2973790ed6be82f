import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestClient, type TestContext } from '../../../../test/support/test-app.ts';

// A follow-up changes what a conversation is about: a question answered by a furious complaint about a double
// charge becomes a complaint, escalates, and its SLA clocks follow the new priority.
let t: TestContext;
let owner: TestClient;
let agent: TestClient;

const base = '/api/v1/orgs/tidewater/care';

type Detail = {
  id: string;
  intent: string;
  priority: string;
  sentiment: number;
  queue: { id: string; name: string } | null;
  sla: { dueAt: string | null };
  activity: { kind: string; actor: unknown; summary: string | null }[];
};

const detail = async (id: string): Promise<Detail> => {
  const res = await agent.get(`${base}/conversations/${id}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};

async function ask(client: TestClient, text: string, inReplyToId?: string) {
  const id = (await client.post('/api/v1/posts', { text, ...(inReplyToId ? { inReplyToId } : {}) })).json()
    .id as string;
  await t.drain();
  return id;
}

async function conversationOf(client: TestClient): Promise<string> {
  const items = (await agent.get(`${base}/conversations?limit=100`)).json().items as {
    id: string;
    customer: { handle: string };
  }[];
  return items.find((c) => c.customer.handle === client.handle)!.id;
}

beforeAll(async () => {
  t = await createTestApp();
  owner = await t.signup('tide_owner');
  agent = await t.signup('tide_agent');
  await t.brand(owner, 'tidewater');
  const inv = await owner.post('/api/v1/orgs/tidewater/invitations', { handle: 'tide_agent', role: 'agent' });
  await agent.post(`/api/v1/invitations/${inv.json().id}/accept`);
});
afterAll(() => t.close());

describe('a follow-up re-triages its conversation', () => {
  const complaint = 'I was charged twice for my order, this is a scam! I will call my bank!';

  it('should turn a question into a complaint, escalate it, recompute its SLA and say so in its activity', async () => {
    const nina = await t.signup('nina_q');
    const root = await ask(nina, '@tidewater do you ship to Lisbon?');
    const id = await conversationOf(nina);
    const before = await detail(id);
    expect(before).toMatchObject({ intent: 'question', priority: 'normal', queue: { name: 'Service' } });

    await ask(nina, `@tidewater ${complaint}`, root);
    const after = await detail(id);
    expect(after.intent).toBe('complaint');
    expect(after.sentiment).toBeLessThan(0);
    expect(['high', 'urgent']).toContain(after.priority);
    expect(new Date(after.sla.dueAt!).getTime()).toBeLessThan(new Date(before.sla.dueAt!).getTime());
    expect(after.activity).toEqual([
      expect.objectContaining({
        kind: 'triage_changed',
        actor: null,
        summary: expect.stringMatching(/^triage: question → complaint, priority normal → (high|urgent)/),
      }),
    ]);
  });

  it('should not de-escalate when a calmer follow-up comes, nor below a priority an agent raised by hand', async () => {
    const omar = await t.signup('omar_q');
    const root = await ask(omar, `@tidewater ${complaint}`);
    const id = await conversationOf(omar);
    await agent.request('PATCH', `${base}/conversations/${id}`, { priority: 'urgent' });
    await ask(omar, '@tidewater thank you so much, lovely people', root);
    const after = await detail(id);
    expect(after).toMatchObject({ intent: 'complaint', priority: 'urgent' });
  });

  it('should move the queue when a rule says so, unless an agent moved it by hand', async () => {
    const queues = (await owner.get(`${base}/queues`)).json().items as { id: string; name: string }[];
    const sales = queues.find((q) => q.name === 'Sales')!;
    const ideas = queues.find((q) => q.name === 'Ideas')!;
    const rule = await owner.post(`${base}/rules`, {
      name: 'Banks to Sales',
      conditions: { keywords: ['bank'] },
      actions: { queueId: sales.id, tags: ['bank'] },
    });
    expect(rule.statusCode, rule.body).toBe(201);

    const lea = await t.signup('lea_q');
    const leaRoot = await ask(lea, '@tidewater do you ship to Porto?');
    const leaId = await conversationOf(lea);
    await ask(lea, `@tidewater ${complaint}`, leaRoot);
    expect(await detail(leaId)).toMatchObject({ queue: { name: 'Sales' } });

    const max = await t.signup('max_q');
    const maxRoot = await ask(max, '@tidewater do you ship to Faro?');
    const maxId = await conversationOf(max);
    await agent.request('PATCH', `${base}/conversations/${maxId}`, { queueId: ideas.id });
    await ask(max, `@tidewater ${complaint}`, maxRoot);
    const kept = await detail(maxId);
    expect(kept).toMatchObject({ intent: 'complaint', queue: { name: 'Ideas' } });
    expect(kept.activity.at(-1)?.summary).not.toContain('queue');
  });
});

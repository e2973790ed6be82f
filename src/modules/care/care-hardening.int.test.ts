import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestClient, type TestContext } from '../../../test/support/test-app.ts';
import type { DomainEvent } from '../../platform/events/event-map.ts';

let t: TestContext;
let owner: TestClient;
let agent: TestClient;
let customer: TestClient;
let conversationId: string;

const base = '/api/v1/orgs/harbour/care';

type Detail = {
  status: string;
  priority: string;
  tags: string[];
  firstResponseAt: string | null;
  sla: { breaches: number; target: string | null };
  messages: { direction: string; text: string; postId: string | null; author: { handle: string } | null }[];
};
const detail = async (): Promise<Detail> =>
  (await agent.get(`${base}/conversations/${conversationId}`)).json();

beforeAll(async () => {
  t = await createTestApp();
  owner = await t.signup('harbour_owner');
  agent = await t.signup('harbour_agent');
  customer = await t.signup('sailor');
  await t.brand(owner, 'harbour');
  const inv = await owner.post('/api/v1/orgs/harbour/invitations', {
    handle: 'harbour_agent',
    role: 'agent',
  });
  await agent.post(`/api/v1/invitations/${inv.json().id}/accept`);
  await customer.post('/api/v1/posts', { text: '@harbour my mooring booking vanished, please help' });
  await t.drain();
  conversationId = (await agent.get(`${base}/conversations`)).json().items[0].id;
});
afterAll(() => t.close());

describe('a brand reply written once', () => {
  it('should record the reply with its post, once, and add nothing when the post’s own event comes back', async () => {
    const res = await agent.post(`${base}/conversations/${conversationId}/replies`, {
      text: 'We are on it, sorry!',
      mode: 'public',
    });
    expect(res.statusCode, res.body).toBe(201);
    const postId = res.json().postId;
    // Before any event delivery: the inbox wrote the reply with its post.
    const written = await detail();
    const outgoing = (d: Detail) => d.messages.filter((m) => m.direction === 'out');
    expect(outgoing(written)).toEqual([
      expect.objectContaining({
        text: 'We are on it, sorry!',
        postId,
        author: expect.objectContaining({ handle: 'harbour_agent' }),
      }),
    ]);
    expect(written.firstResponseAt).not.toBeNull();
    expect(written.status).toBe('pending');

    await t.drain(); // the post.created echo reaches ingest
    // A second delivery of the same event (deliveries are at least once) changes nothing either.
    const row = await t.handle.db
      .selectFrom('outbox_events')
      .selectAll()
      .where('type', '=', 'post.created')
      .where('aggregate_id', '=', postId)
      .executeTakeFirstOrThrow();
    const payload = typeof row.payload === 'string' ? JSON.parse(row.payload) : row.payload;
    const echo = {
      id: row.id,
      type: 'post.created',
      aggregateId: postId,
      payload,
      createdAt: row.created_at,
    };
    const ingest = t.events.handlerFor('post.created', 'care.ingest')!;
    await t.handle.db
      .transaction()
      .execute((trx) => ingest(echo as DomainEvent, { trx, afterCommit: () => {} }));

    const after = await detail();
    expect(outgoing(after)).toEqual(outgoing(written));
    expect(after.firstResponseAt).toBe(written.firstResponseAt);
    expect(after.sla).toEqual(written.sla);
    const stored = await t.handle.db
      .selectFrom('care_messages')
      .select('id')
      .where('post_id', '=', postId)
      .execute();
    expect(stored).toHaveLength(1);
  });

  it('should still count a reply the brand posts from its timeline as a response', async () => {
    const id = conversationId;
    // The thread the conversation was opened from: the brand answers there from its timeline, not the inbox.
    const inbound = (await detail()).messages.find((m) => m.direction === 'in')!;
    const res = await agent.post('/api/v1/posts', {
      text: 'Yes: berth 12 is yours',
      inReplyToId: inbound.postId,
      as: 'harbour',
    });
    expect(res.statusCode, res.body).toBe(201);
    await t.drain();
    const outgoing = (await agent.get(`${base}/conversations/${id}`))
      .json()
      .messages.filter((m: { direction: string }) => m.direction === 'out');
    expect(
      outgoing.map((m: { text: string }) => m.text).filter((x: string) => x === 'Yes: berth 12 is yours'),
    ).toHaveLength(1);
  });
});

describe('hardened care writes', () => {
  it('should answer an empty change of a conversation with 400 empty_update and change nothing', async () => {
    const before = await detail();
    const res = await agent.request('PATCH', `${base}/conversations/${conversationId}`, {});
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().code).toBe('empty_update');
    const after = await detail();
    expect({ status: after.status, priority: after.priority, tags: after.tags }).toEqual({
      status: before.status,
      priority: before.priority,
      tags: before.tags,
    });
  });

  it('should refuse to rename a queue to the name of another with 409 queue_name_taken', async () => {
    const queues = (await owner.get(`${base}/queues`)).json().items as { id: string; name: string }[];
    const sales = queues.find((q) => q.name === 'Sales')!;
    const res = await owner.request('PATCH', `${base}/queues/${sales.id}`, { name: 'Service' });
    expect(res.statusCode, res.body).toBe(409);
    expect(res.json().code).toBe('queue_name_taken');
    expect((await owner.get(`${base}/queues`)).json().items).toEqual(queues);
  });

  it('should save four identical SLA policy tables sent at once, all 200, into one consistent table', async () => {
    const policies = ['urgent', 'high', 'normal', 'low'].map((priority, i) => ({
      queueId: null,
      priority,
      firstResponseMinutes: 30 + i,
      nextResponseMinutes: 60 + i,
      resolutionMinutes: 600 + i,
    }));
    const answers = await Promise.all(
      [1, 2, 3, 4].map(() => owner.request('PUT', `${base}/settings/sla-policies`, { policies })),
    );
    expect(answers.map((a) => a.statusCode)).toEqual([200, 200, 200, 200]);
    const saved = (await owner.get(`${base}/settings/sla-policies`)).json();
    expect(saved.items).toHaveLength(4);
    expect(new Set(saved.items.map((p: { priority: string }) => p.priority))).toEqual(
      new Set(['urgent', 'high', 'normal', 'low']),
    );
    expect(saved.items).toEqual(expect.arrayContaining(policies));
    for (const answer of answers) expect(answer.json().items).toEqual(saved.items);
  });
});

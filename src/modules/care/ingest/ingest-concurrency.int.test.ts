import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestClient, type TestContext } from '../../../../test/support/test-app.ts';
import type { DomainEvent } from '../../../platform/events/event-map.ts';

// On a PostgreSQL server the dispatcher runs several deliveries at once. Here two deliveries of care's ingest
// overlap on purpose: the first holds its transaction open after its work while the second runs. On PGlite the
// second simply waits for the first (one connection); on PostgreSQL only the care module's locks make it wait.
let t: TestContext;
let owner: TestClient;

beforeAll(async () => {
  t = await createTestApp();
  owner = await t.signup('swift_owner');
  await t.brand(owner, 'swiftair');
  for (const handle of ['swift_ana', 'swift_ben']) {
    const agent = await t.signup(handle);
    const inv = await owner.post('/api/v1/orgs/swiftair/invitations', { handle, role: 'agent' });
    await agent.post(`/api/v1/invitations/${inv.json().id}/accept`);
  }
  // A first conversation, delivered alone, creates the brand's queues and settings: what follows overlaps only in
  // the work every message does.
  const first = await t.signup('flyer_zero');
  await first.post('/api/v1/posts', { text: '@swiftair hello there' });
  await t.drain();
});
afterAll(() => t.close());

/** The post.created event of a post, as the dispatcher would hand it to a subscriber. */
async function eventOf(postId: string): Promise<DomainEvent> {
  const row = await t.handle.db
    .selectFrom('outbox_events')
    .selectAll()
    .where('type', '=', 'post.created')
    .where('aggregate_id', '=', postId)
    .executeTakeFirstOrThrow();
  const payload = typeof row.payload === 'string' ? JSON.parse(row.payload) : row.payload;
  return { id: row.id, type: 'post.created', aggregateId: postId, payload, createdAt: row.created_at };
}

/** Runs care's ingest of two posts in two transactions that overlap: the first commits only after the second began. */
async function ingestOverlapping(first: string, second: string) {
  const ingest = t.events.handlerFor('post.created', 'care.ingest')!;
  const deliver = (event: DomainEvent, afterWork: () => Promise<void>) =>
    t.handle.db.transaction().execute(async (trx) => {
      await ingest(event, { trx, afterCommit: () => {} });
      await afterWork();
    });
  const [a, b] = [await eventOf(first), await eventOf(second)];
  let firstDone!: () => void;
  const firstWorked = new Promise<void>((resolve) => {
    firstDone = resolve;
  });
  const holding = deliver(a, async () => {
    firstDone();
    await new Promise((r) => setTimeout(r, 300));
  });
  await firstWorked;
  await Promise.all([holding, deliver(b, async () => {})]);
}

const post = async (client: TestClient, text: string) =>
  (await client.post('/api/v1/posts', { text })).json().id as string;

async function conversations() {
  return (await owner.get('/api/v1/orgs/swiftair/care/conversations?limit=100')).json().items as {
    id: string;
    customer: { handle: string };
    assignee: { handle: string } | null;
  }[];
}

describe('care ingest with overlapping deliveries', () => {
  it('should put two messages of one customer, delivered at once, in one conversation', async () => {
    const flyer = await t.signup('flyer_one');
    await ingestOverlapping(
      await post(flyer, '@swiftair my bag is lost'),
      await post(flyer, '@swiftair and nobody answers the phone'),
    );
    const mine = (await conversations()).filter((c) => c.customer.handle === 'flyer_one');
    expect(mine).toHaveLength(1);
    const detail = (await owner.get(`/api/v1/orgs/swiftair/care/conversations/${mine[0].id}`)).json();
    expect(detail.messages.filter((m: { direction: string }) => m.direction === 'in')).toHaveLength(2);
  });

  it('should give two new conversations delivered at once to different agents in turn', async () => {
    const [x, y] = [await t.signup('flyer_two'), await t.signup('flyer_three')];
    await ingestOverlapping(
      await post(x, '@swiftair my flight was cancelled'),
      await post(y, '@swiftair my seat was given away'),
    );
    const assigned = (await conversations())
      .filter((c) => ['flyer_two', 'flyer_three'].includes(c.customer.handle))
      .map((c) => c.assignee?.handle);
    expect(assigned.sort()).toEqual(['swift_ana', 'swift_ben']);
  });
});

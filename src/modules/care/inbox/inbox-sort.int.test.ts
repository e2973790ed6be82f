import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestClient, type TestContext } from '../../../../test/support/test-app.ts';

// The inbox answers by urgency: an urgent complaint with minutes left comes before normal questions with hours
// left, and a conversation past its due time before both. Every sort pages exactly.
let t: TestContext;
let owner: TestClient;

const base = '/api/v1/orgs/quayside/care/conversations';
type Row = { id: string; priority: string; customer: { handle: string }; sla: { dueAt: string | null } };

async function page(query: string) {
  const res = await owner.get(`${base}${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { items: Row[]; nextCursor: string | null };
}

/** Every item of a sort, one page of `limit` at a time. */
async function walk(sort: string, limit: number) {
  const seen: Row[] = [];
  let cursor: string | null = null;
  do {
    const res: { items: Row[]; nextCursor: string | null } = await page(
      `?sort=${sort}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`,
    );
    seen.push(...res.items);
    cursor = res.nextCursor;
  } while (cursor);
  return seen.map((r) => r.customer.handle);
}

beforeAll(async () => {
  t = await createTestApp();
  owner = await t.signup('quay_owner');
  await t.brand(owner, 'quayside');
  const say = async (handle: string, text: string) => {
    const client = await t.signup(handle);
    await client.post('/api/v1/posts', { text: `@quayside ${text}` });
    await t.drain();
  };
  await say('q_first', 'do you ship to Lisbon?');
  await say('q_second', 'what are your opening hours on Sunday?');
  await say('q_angry', 'I was charged twice for my order, this is a scam! I will call my bank!');
  await say('q_late', 'do you have the blue jacket in size M?');
  // The last question has waited past its due time.
  const late = (await page('?limit=100')).items.find((r) => r.customer.handle === 'q_late')!;
  await t.handle.db
    .updateTable('care_conversations')
    .set({ sla_due_at: new Date(Date.now() - 60_000), sla_response_due_at: new Date(Date.now() - 60_000) })
    .where('id', '=', late.id)
    .execute();
});
afterAll(() => t.close());

describe('sorting the inbox', () => {
  it('should put breached first, then soonest due, when sorted by urgency', async () => {
    const { items } = await page('?sort=urgency');
    expect(items.map((r) => r.customer.handle)).toEqual(['q_late', 'q_angry', 'q_first', 'q_second']);
    expect(['high', 'urgent']).toContain(items[1].priority);
  });

  it('should keep newest first by default and oldest first on request', async () => {
    expect((await page('')).items.map((r) => r.customer.handle)).toEqual([
      'q_late',
      'q_angry',
      'q_second',
      'q_first',
    ]);
    expect((await page('?sort=oldest')).items.map((r) => r.customer.handle)).toEqual([
      'q_first',
      'q_second',
      'q_angry',
      'q_late',
    ]);
  });

  it('should page every sort exactly, one conversation at a time', async () => {
    for (const sort of ['urgency', 'newest', 'oldest']) {
      expect(await walk(sort, 1)).toEqual((await page(`?sort=${sort}`)).items.map((r) => r.customer.handle));
    }
  });

  it('should refuse an unknown sort and a cursor of another sort', async () => {
    const bad = await owner.get(`${base}?sort=loudest`);
    expect(bad.statusCode).toBe(400);
    const { nextCursor } = await page('?sort=urgency&limit=1');
    const mixed = await owner.get(`${base}?sort=oldest&cursor=${nextCursor}`);
    expect(mixed.statusCode).toBe(400);
    expect(mixed.json().code).toBe('invalid_cursor');
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestClient, type TestContext } from '../../../../test/support/test-app.ts';

// The customer's Support page: cases, not every mention; the topic follows the conversation's triage; the whole
// thread with the brand's replies.
let t: TestContext;
let owner: TestClient;
let agent: TestClient;

const base = '/api/v1/orgs/harbourlight/care';

type Mine = {
  id: string;
  status: string;
  intent: string;
  topic: string | null;
  messages: { from: string; text: string }[];
}[];
const mine = async (client: TestClient) =>
  (await client.get('/api/v1/me/care/conversations')).json().items as Mine;

async function say(client: TestClient, text: string, inReplyToId?: string) {
  const id = (await client.post('/api/v1/posts', { text, ...(inReplyToId ? { inReplyToId } : {}) })).json()
    .id as string;
  await t.drain();
  return id;
}

async function inboxOf(client: TestClient) {
  return (await agent.get(`${base}/conversations?limit=100`))
    .json()
    .items.filter((c: { customer: { handle: string } }) => c.customer.handle === client.handle) as {
    id: string;
    status: string;
    tags: string[];
    assignee: unknown;
    intent: string;
  }[];
}

beforeAll(async () => {
  t = await createTestApp();
  owner = await t.signup('hl_owner');
  agent = await t.signup('hl_agent');
  await t.brand(owner, 'harbourlight');
  const inv = await owner.post('/api/v1/orgs/harbourlight/invitations', {
    handle: 'hl_agent',
    role: 'agent',
  });
  await agent.post(`/api/v1/invitations/${inv.json().id}/accept`);
});
afterAll(() => t.close());

describe('the customer’s Support page', () => {
  it('should keep a thank-you out of the open cases: a resolved mention in the inbox, nothing on the Support page', async () => {
    const rosa = await t.signup('rosa_hl');
    await say(rosa, '@harbourlight thank you so much, I love your lamps! You are the best');
    const [mention] = await inboxOf(rosa);
    expect(mention).toMatchObject({ status: 'resolved', assignee: null });
    expect(mention.tags).toContain('mention');
    expect(await mine(rosa)).toEqual([]);

    // A later complaint is a case of its own, and the page shows it with what it is about.
    await say(rosa, '@harbourlight my lamp arrived broken and nobody answers, this is terrible');
    const cases = await mine(rosa);
    expect(cases).toHaveLength(1);
    expect(cases[0]).toMatchObject({ status: 'open', intent: 'complaint' });
    expect(cases[0].topic).toContain('arrived broken');
  });

  it('should show the whole thread with the brand’s replies, and no internal note', async () => {
    const sam = await t.signup('sam_hl');
    await say(sam, '@harbourlight do you ship lamps to Madeira?');
    const [conversation] = await inboxOf(sam);
    await agent.post(`${base}/conversations/${conversation.id}/notes`, { text: 'Check the carrier first' });
    const reply = await agent.post(`${base}/conversations/${conversation.id}/replies`, {
      text: 'Yes, we ship to Madeira in 3 to 5 days.',
      mode: 'public',
    });
    expect(reply.statusCode, reply.body).toBe(201);
    await t.drain();
    const [shown] = await mine(sam);
    expect(shown.messages.map((m) => [m.from, m.text])).toEqual([
      ['you', '@harbourlight do you ship lamps to Madeira?'],
      ['brand', 'Yes, we ship to Madeira in 3 to 5 days.'],
    ]);
  });

  it('should name a merged complaint as the topic, not the question it was merged into', async () => {
    const ivo = await t.signup('ivo_hl');
    await say(ivo, '@harbourlight do you ship lamps to Lisbon?');
    const [question] = await inboxOf(ivo);
    await agent.request('PATCH', `${base}/conversations/${question.id}`, { status: 'resolved' });
    await say(ivo, '@harbourlight I was charged twice for my order, this is a scam! I will call my bank!');
    const complaint = (await inboxOf(ivo)).find((c) => c.id !== question.id)!;
    const merged = await agent.post(`${base}/conversations/${complaint.id}/merge`, { targetId: question.id });
    expect(merged.statusCode, merged.body).toBe(200);
    const [shown] = await mine(ivo);
    expect(shown).toMatchObject({ id: question.id, intent: 'complaint' });
    expect(shown.topic).toContain('charged twice');
    expect((await inboxOf(ivo)).find((c) => c.id === question.id)?.intent).toBe('complaint');
  });
});

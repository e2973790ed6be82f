import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestClient, type TestContext } from '../../../../test/support/test-app.ts';
import { shippedConfidence, triage } from '../../../lib/triage/index.ts';

// The Needs-review flow: a message triage is unsure of opens a conversation in no queue, flagged for review;
// the agent's choice of intent routes it, clears the flag and counts as a correction for the brand's retraining;
// the brand's unsure threshold decides what is unsure.

let t: TestContext;
let owner: TestClient;
let agent: TestClient;
let customers = 0;

const BRAND = 'reviewco';
/** Triage is unsure of these at the shipped default threshold. */
const VAGUE = '@reviewco so about yesterday';
const VAGUE_2 = '@reviewco the app again';
/** Sure at the default threshold, though not very sure (below 0.9). */
const PLAIN_QUESTION = '@reviewco what is going on with the delivery times';
/** Clearly a complaint. */
const COMPLAINT = '@reviewco my order is two weeks late and nobody answers';

type Conversation = {
  id: string;
  intent: string;
  needsReview: boolean;
  queue: { id: string; name: string } | null;
  status: string;
  customer: { handle: string } | null;
};

/** A new customer posts the text; returns that customer's conversation as the brand's inbox shows it. */
async function newConversation(text: string): Promise<Conversation> {
  const customer = await t.signup(`review_customer_${++customers}`);
  const res = await customer.post('/api/v1/posts', { text });
  expect(res.statusCode, res.body).toBe(201);
  await t.drain();
  const list = (await agent.get(`/api/v1/orgs/${BRAND}/care/conversations`)).json().items as Conversation[];
  const mine = list.find((c) => c.customer?.handle === customer.handle);
  expect(mine, `no conversation for ${text}`).toBeDefined();
  return mine as Conversation;
}

async function needsReviewIds(flag: boolean): Promise<string[]> {
  const res = await agent.get(`/api/v1/orgs/${BRAND}/care/conversations?needsReview=${flag}`);
  expect(res.statusCode, res.body).toBe(200);
  return (res.json().items as Conversation[]).map((c) => c.id);
}

async function setUnsureBelow(value: number | null) {
  const res = await owner.request('PATCH', `/api/v1/orgs/${BRAND}/care/settings`, { unsureBelow: value });
  expect(res.statusCode, res.body).toBe(200);
  expect(res.json().unsureBelow).toBe(value ?? shippedConfidence().unsureBelow);
}

beforeAll(async () => {
  t = await createTestApp();
  owner = await t.signup('review_owner');
  agent = await t.signup('review_agent');
  await t.brand(owner, BRAND);
  const inv = await owner.post(`/api/v1/orgs/${BRAND}/invitations`, { handle: agent.handle, role: 'agent' });
  await agent.post(`/api/v1/invitations/${inv.json().id}/accept`);
});
afterAll(() => t.close());

describe('Needs review', () => {
  it('should rest on messages the shipped triage is and is not unsure of', () => {
    // If the shipped model changes so much that these premises fail, pick other examples.
    expect(triage(VAGUE).unsure).toBe(true);
    expect(triage(VAGUE_2).unsure).toBe(true);
    const plain = triage(PLAIN_QUESTION);
    expect(plain.unsure).toBe(false);
    expect(plain.intentConfidence).toBeLessThan(0.9);
    expect(triage(COMPLAINT)).toMatchObject({ intent: 'complaint', unsure: false });
  });

  it('should open an unsure message in no queue, flagged, and list it under Needs review only', async () => {
    const vague = await newConversation(VAGUE);
    expect(vague).toMatchObject({ needsReview: true, queue: null, status: 'open' });
    const sure = await newConversation(COMPLAINT);
    expect(sure.needsReview).toBe(false);
    expect(sure.queue).not.toBeNull();

    expect(await needsReviewIds(true)).toEqual([vague.id]);
    const others = await needsReviewIds(false);
    expect(others).toContain(sure.id);
    expect(others).not.toContain(vague.id);
  });

  it('should route the conversation to the chosen intent, clear the flag and count a correction', async () => {
    const [id] = await needsReviewIds(true);
    const complaintQueue = (await newConversation(COMPLAINT)).queue;
    const detail = (await agent.get(`/api/v1/orgs/${BRAND}/care/conversations/${id}`)).json();
    const message = detail.messages.find((m: { direction: string }) => m.direction === 'in');
    const before = (await owner.get(`/api/v1/orgs/${BRAND}/care/intent-model`)).json().correctionsAvailable;

    const res = await agent.request(
      'PUT',
      `/api/v1/orgs/${BRAND}/care/conversations/${id}/messages/${message.id}/intent`,
      { intent: 'complaint' },
    );
    expect(res.statusCode, res.body).toBe(204);

    const after = (await agent.get(`/api/v1/orgs/${BRAND}/care/conversations/${id}`)).json();
    expect(after).toMatchObject({ intent: 'complaint', needsReview: false });
    expect(after.queue).toEqual(complaintQueue);
    expect(await needsReviewIds(true)).toEqual([]);
    const status = (await owner.get(`/api/v1/orgs/${BRAND}/care/intent-model`)).json();
    expect(status.correctionsAvailable).toBe(before + 1);
  });

  it("should follow the brand's unsure threshold: higher sends more to review, 0 turns review off", async () => {
    // At the default, the plain question is routed.
    const routed = await newConversation(PLAIN_QUESTION);
    expect(routed).toMatchObject({ needsReview: false, intent: 'question' });
    expect(routed.queue).not.toBeNull();

    await setUnsureBelow(0.9);
    const strict = await newConversation(PLAIN_QUESTION);
    expect(strict).toMatchObject({ needsReview: true, queue: null });
    expect(await needsReviewIds(true)).toEqual([strict.id]);

    await setUnsureBelow(0);
    const off = await newConversation(VAGUE_2);
    expect(off.needsReview).toBe(false);
    expect(off.queue).not.toBeNull();
    expect(await needsReviewIds(true)).toEqual([strict.id]);

    await setUnsureBelow(null);
    const back = await newConversation(VAGUE_2);
    expect(back).toMatchObject({ needsReview: true, queue: null });
  });
});

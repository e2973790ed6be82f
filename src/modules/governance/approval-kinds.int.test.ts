import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestClient, type TestContext } from '../../../test/support/test-app.ts';

let t: TestContext;
let owner: TestClient;
let admin: TestClient;
let marketer: TestClient;
let agent: TestClient;
let customer: TestClient;
let outsider: TestClient;
let productId: string;
let otherProductId: string;
const base = '/api/v1/orgs/akbrand/approvals';

async function join(client: TestClient, handle: string, role: string) {
  const inv = await owner.post('/api/v1/orgs/akbrand/invitations', { handle, role });
  await client.post(`/api/v1/invitations/${inv.json().id}/accept`);
}
const review = (c: TestClient, id: string, decision: string) =>
  c.post(`${base}/drafts/${id}/reviews`, { decision });
const deal = (text: string, extra: Record<string, unknown> = {}) => ({
  text,
  type: 'percent_off',
  percentOff: 15,
  items: [{ productId }],
  audience: 'everyone',
  endsAt: new Date(Date.now() + 7 * 86400_000).toISOString(),
  ...extra,
});
const brandDeals = async () =>
  (await owner.get('/api/v1/orgs/akbrand/deals')).json().items.map((d: { text: string }) => d.text);
const publishDue = () => t.modules.approvals.approvals.publishDue();

beforeAll(async () => {
  t = await createTestApp();
  owner = await t.signup('ak_owner');
  admin = await t.signup('ak_admin');
  marketer = await t.signup('ak_marketer');
  agent = await t.signup('ak_agent');
  customer = await t.signup('ak_customer');
  outsider = await t.signup('ak_outsider');
  await t.brand(owner, 'akbrand');
  await t.brand(outsider, 'akother');
  await join(admin, 'ak_admin', 'admin');
  await join(marketer, 'ak_marketer', 'marketer');
  await join(agent, 'ak_agent', 'agent');
  const product = (money: number, client = owner, org = 'akbrand') =>
    client.post(`/api/v1/orgs/${org}/products`, {
      title: 'Lantern',
      currency: 'EUR',
      priceMinor: money,
      variants: [{ sku: `L-${money}`, stock: 10 }],
    });
  productId = (await product(4_000)).json().id;
  otherProductId = (await product(2_000, outsider, 'akother')).json().id;
  const set = await owner.request('PUT', `${base}/settings`, {
    roles: [],
    dealRoles: ['marketer'],
    careReplyRoles: ['agent'],
    approvers: 1,
  });
  expect(set.json()).toEqual({
    roles: [],
    dealRoles: ['marketer'],
    careReplyRoles: ['agent'],
    approvers: 1,
  });
});
afterAll(() => t.close());

describe('approvals for deals', () => {
  it('should keep the deal and reply roles when the post settings are saved without them', async () => {
    await owner.request('PUT', `${base}/settings`, { roles: ['sales'], approvers: 1 });
    expect((await owner.get(`${base}/settings`)).json()).toMatchObject({
      roles: ['sales'],
      dealRoles: ['marketer'],
      careReplyRoles: ['agent'],
    });
  });

  it('should stop a direct deal by a role that needs approval, then publish it once at its time after approval', async () => {
    const direct = await marketer.post('/api/v1/orgs/akbrand/deals', deal('Lanterns 15% off'));
    expect([direct.statusCode, direct.json().code]).toEqual([422, 'approval_required']);

    const at = new Date(Date.now() + 1500).toISOString();
    const submitted = await marketer.post(`${base}/deals`, {
      deal: deal('Lanterns 15% off', { title: 'Lantern week' }),
      publishAt: at,
    });
    expect(submitted.statusCode).toBe(201);
    const draft = submitted.json();
    expect(draft).toMatchObject({
      kind: 'deal',
      status: 'pending',
      dealTitle: 'Lantern week',
      publishAt: at,
    });

    const self = await review(marketer, draft.id, 'approve');
    expect([self.statusCode, self.json().code]).toEqual([403, 'self_approval']);
    // Two approvals by the same person at once: one counts, the other is refused.
    const both = await Promise.all([review(owner, draft.id, 'approve'), review(owner, draft.id, 'approve')]);
    expect(both.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const later = await review(admin, draft.id, 'approve');
    expect([later.statusCode, later.json().code]).toEqual([409, 'draft_not_pending']);

    // Not before its time; then once, even with two sweeps at once.
    if (Date.now() < Date.parse(at)) {
      expect(await publishDue()).toBe(0);
      expect(await brandDeals()).not.toContain('Lanterns 15% off');
    }
    while (Date.now() <= Date.parse(at)) await new Promise((r) => setTimeout(r, 100));
    const [a, b] = await Promise.all([publishDue(), publishDue()]);
    expect(a + b).toBe(1);
    expect(await publishDue()).toBe(0);
    expect((await brandDeals()).filter((x: string) => x === 'Lanterns 15% off')).toHaveLength(1);
    const listed = (await owner.get(`${base}/drafts`))
      .json()
      .items.find((d: { id: string }) => d.id === draft.id);
    expect(listed).toMatchObject({ status: 'published', postId: expect.any(String) });
    const card = await customer.get(`/api/v1/deals/${listed.postId}`);
    expect(card.json()).toMatchObject({ title: 'Lantern week', percentOff: 15, status: 'live' });
  });

  it('should never publish a rejected deal', async () => {
    const draft = (await marketer.post(`${base}/deals`, { deal: deal('Everything free') })).json();
    expect((await review(owner, draft.id, 'reject')).json().status).toBe('rejected');
    const publish = await owner.post(`${base}/drafts/${draft.id}/publish`);
    expect([publish.statusCode, publish.json().code]).toEqual([409, 'draft_rejected']);
    expect(await publishDue()).toBe(0);
    expect(await brandDeals()).not.toContain('Everything free');
  });

  it('should check the deal when it is submitted: another brand’s product, broken terms', async () => {
    const foreign = await marketer.post(`${base}/deals`, {
      deal: deal('Their lantern', { items: [{ productId: otherProductId }] }),
    });
    expect([foreign.statusCode, foreign.json().code]).toEqual([422, 'unknown_product']);
    const past = await marketer.post(`${base}/deals`, {
      deal: deal('Too late', { endsAt: new Date(Date.now() - 1000).toISOString() }),
    });
    expect([past.statusCode, past.json().code]).toEqual([422, 'invalid_deal']);
    const cross = await outsider.post(`${base}/deals`, { deal: deal('Not mine') });
    expect(cross.statusCode).toBe(403);
  });
});

describe('approvals for public care replies', () => {
  let conversationId: string;

  beforeAll(async () => {
    await customer.post('/api/v1/posts', { text: '@akbrand my lantern arrived broken, not happy' });
    await t.drain();
    const items = (await owner.get('/api/v1/orgs/akbrand/care/conversations')).json().items;
    conversationId = items[0].id;
  });

  it('should hold an agent’s public reply for approval and send it once approved', async () => {
    const url = `/api/v1/orgs/akbrand/care/conversations/${conversationId}`;
    const direct = await agent.post(`${url}/replies`, { text: 'So sorry, we are on it', mode: 'public' });
    expect([direct.statusCode, direct.json().code]).toEqual([422, 'approval_required']);

    const draft = (
      await agent.post(`${base}/care-replies`, { conversationId, text: 'So sorry, we are on it' })
    ).json();
    expect(draft).toMatchObject({ kind: 'care_reply', conversationId, status: 'pending' });
    // An agent reviews nothing (approving needs the policy managers' capability), least of all their own reply.
    expect((await review(agent, draft.id, 'approve')).statusCode).toBe(403);
    expect((await review(admin, draft.id, 'approve')).json().status).toBe('scheduled');
    expect(await publishDue()).toBe(1);
    const messages = (await owner.get(url)).json().messages as { direction: string; text: string }[];
    expect(messages.filter((m) => m.direction === 'out' && m.text === 'So sorry, we are on it')).toHaveLength(
      1,
    );
  });

  it('should refuse a reply draft for another brand’s conversation', async () => {
    const res = await outsider.post('/api/v1/orgs/akother/approvals/care-replies', {
      conversationId,
      text: 'Hello from elsewhere',
    });
    expect([res.statusCode, res.json().code]).toEqual([404, 'conversation_not_found']);
  });
});

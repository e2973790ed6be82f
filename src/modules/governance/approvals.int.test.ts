import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestClient, type TestContext } from '../../../test/support/test-app.ts';

let t: TestContext;
let owner: TestClient;
let admin: TestClient;
let marketer: TestClient;
let outsider: TestClient;
const base = '/api/v1/orgs/apbrand/approvals';

async function join(client: TestClient, handle: string, role: string) {
  const inv = await owner.post('/api/v1/orgs/apbrand/invitations', { handle, role });
  await client.post(`/api/v1/invitations/${inv.json().id}/accept`);
}
const brandPosts = async () =>
  (await owner.get('/api/v1/accounts/apbrand/posts')).json().items.map((p: { text: string }) => p.text);
const review = (c: TestClient, id: string, decision: string, comment?: string) =>
  c.post(`${base}/drafts/${id}/reviews`, { decision, ...(comment ? { comment } : {}) });

beforeAll(async () => {
  t = await createTestApp();
  owner = await t.signup('ap_owner');
  admin = await t.signup('ap_admin');
  marketer = await t.signup('ap_marketer');
  outsider = await t.signup('ap_outsider');
  await t.brand(owner, 'apbrand');
  await t.brand(outsider, 'apother');
  await join(admin, 'ap_admin', 'admin');
  await join(marketer, 'ap_marketer', 'marketer');
  const set = await owner.request('PUT', `${base}/settings`, { roles: ['marketer'], approvers: 2 });
  expect(set.statusCode).toBe(200);
});
afterAll(() => t.close());

describe('approvals and scheduled publishing', () => {
  it('should refuse a fourth approver and an unknown role', async () => {
    expect((await owner.request('PUT', `${base}/settings`, { roles: [], approvers: 4 })).statusCode).toBe(
      400,
    );
    expect(
      (await owner.request('PUT', `${base}/settings`, { roles: ['boss'], approvers: 1 })).statusCode,
    ).toBe(400);
    expect((await marketer.get(`${base}/settings`)).json()).toEqual({
      roles: ['marketer'],
      dealRoles: [],
      careReplyRoles: [],
      approvers: 2,
    });
  });

  it('should stop a direct post by a role that needs approval, then publish it once after two approvals', async () => {
    const direct = await marketer.post('/api/v1/posts', { text: 'Spring boots are in', as: 'apbrand' });
    expect(direct.statusCode).toBe(422);
    expect(direct.json().code).toBe('approval_required');

    const draft = (await marketer.post(`${base}/drafts`, { text: 'Spring boots are in' })).json();
    expect(draft).toMatchObject({ status: 'pending', approvalsNeeded: 2, approvals: 0 });
    expect((await review(marketer, draft.id, 'approve')).json().code).toBe('self_approval');
    const first = await review(owner, draft.id, 'approve', 'Nice');
    expect(first.json()).toMatchObject({ status: 'pending', approvals: 1 });
    const twice = await review(owner, draft.id, 'approve');
    expect([twice.statusCode, twice.json().code]).toEqual([409, 'already_approved']);
    expect((await review(admin, draft.id, 'approve')).json()).toMatchObject({
      status: 'scheduled',
      approvals: 2,
    });

    // Two sweeps at once (two server processes): the lease and the conditional update let one publish it.
    const [a, b] = await Promise.all([
      t.modules.approvals.approvals.publishDue(),
      t.modules.approvals.approvals.publishDue(),
    ]);
    expect(a + b).toBe(1);
    expect(await t.modules.approvals.approvals.publishDue()).toBe(0);
    expect((await brandPosts()).filter((x: string) => x === 'Spring boots are in')).toHaveLength(1);
    const listed = (await owner.get(`${base}/drafts`))
      .json()
      .items.find((d: { id: string }) => d.id === draft.id);
    expect(listed.status).toBe('published');
    expect(listed.postId).toEqual(expect.any(String));
  });

  it('should hold a scheduled post until its time', async () => {
    const later = new Date(Date.now() + 3600_000).toISOString();
    const draft = (
      await owner.post(`${base}/drafts`, { text: 'Tonight: the lantern walk', publishAt: later })
    ).json();
    expect(draft).toMatchObject({ status: 'scheduled', approvalsNeeded: 0, publishAt: later });
    await t.modules.approvals.approvals.publishDue();
    expect(await brandPosts()).not.toContain('Tonight: the lantern walk');
    const now = await owner.post(`${base}/drafts/${draft.id}/publish`);
    expect(now.json().status).toBe('published');
    expect(await brandPosts()).toContain('Tonight: the lantern walk');
  });

  it('should refuse to publish or revise a rejected draft, and take a revision after a request for changes', async () => {
    const rejected = (await marketer.post(`${base}/drafts`, { text: 'Everything must go' })).json();
    expect((await review(owner, rejected.id, 'reject', 'Not our voice')).json().status).toBe('rejected');
    const publish = await marketer.post(`${base}/drafts/${rejected.id}/publish`);
    expect([publish.statusCode, publish.json().code]).toEqual([409, 'draft_rejected']);
    const revise = await marketer.request('PUT', `${base}/drafts/${rejected.id}`, { text: 'Some things go' });
    expect(revise.json().code).toBe('draft_rejected');
    expect((await review(admin, rejected.id, 'approve')).json().code).toBe('draft_rejected');

    const changes = (await marketer.post(`${base}/drafts`, { text: 'Boots 4 u' })).json();
    const asked = await review(owner, changes.id, 'request_changes', 'Spell it out');
    expect(asked.json()).toMatchObject({ status: 'changes_requested' });
    expect(asked.json().reviews[0]).toMatchObject({ decision: 'request_changes', comment: 'Spell it out' });
    const early = await marketer.post(`${base}/drafts/${changes.id}/publish`);
    expect(early.json().code).toBe('draft_not_approved');
    const revised = await marketer.request('PUT', `${base}/drafts/${changes.id}`, { text: 'Boots for you' });
    expect(revised.json()).toMatchObject({
      status: 'pending',
      revision: 2,
      approvals: 0,
      text: 'Boots for you',
    });
  });

  it('should check the draft against the policy when it is submitted', async () => {
    const res = await marketer.post(`${base}/drafts`, { text: 'Call Sam at 415-555-0132' });
    expect([res.statusCode, res.json().code]).toEqual([422, 'policy_blocked']);
  });

  it('should record a refusal when the author lost the role before the post went out', async () => {
    const draft = (await marketer.post(`${base}/drafts`, { text: 'Autumn range teaser' })).json();
    await review(owner, draft.id, 'approve');
    await review(admin, draft.id, 'approve');
    expect((await owner.del('/api/v1/orgs/apbrand/members/ap_marketer')).statusCode).toBe(204);
    const out = await owner.post(`${base}/drafts/${draft.id}/publish`);
    expect(out.json()).toMatchObject({ status: 'refused', refusal: expect.stringContaining('no longer') });
    expect(await brandPosts()).not.toContain('Autumn range teaser');
  });

  it('should keep another brand out of the queue', async () => {
    const draft = (await admin.post(`${base}/drafts`, { text: 'Admins need no approval' })).json();
    expect((await outsider.get(`${base}/drafts`)).statusCode).toBe(403);
    expect((await review(outsider, draft.id, 'approve')).statusCode).toBe(403);
    const cross = await outsider.post(`/api/v1/orgs/apother/approvals/drafts/${draft.id}/reviews`, {
      decision: 'approve',
    });
    expect([cross.statusCode, cross.json().code]).toEqual([404, 'draft_not_found']);
  });
});

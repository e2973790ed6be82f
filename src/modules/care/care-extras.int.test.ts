import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestClient, type TestContext } from '../../../test/support/test-app.ts';

let t: TestContext;
let owner: TestClient;
let agent: TestClient;
let marketer: TestClient;
let outsider: TestClient;
let customer: TestClient;
let other: TestClient;
let rival: TestClient;

const base = '/api/v1/orgs/skyline/care';

async function join(by: TestClient, client: TestClient, org: string, role: string) {
  const inv = await by.post(`/api/v1/orgs/${org}/invitations`, { handle: client.handle, role });
  expect(inv.statusCode, inv.body).toBe(201);
  await client.post(`/api/v1/invitations/${inv.json().id}/accept`);
}

type Detail = {
  id: string;
  status: string;
  tags: string[];
  mergedIntoId: string | null;
  mergedAt: string | null;
  messages: { id: string; direction: string; text: string; mentions: { handle: string }[] }[];
  activity: { kind: string; actor: { handle: string }; conversationId: string }[];
  customer360: {
    conversations: { id: string }[];
    linkedIdentities: { id: string; network: string; handle: string }[];
    pendingIdentities: { id: string; handle: string }[];
  };
};

async function detail(client: TestClient, id: string, org = 'skyline'): Promise<Detail> {
  const res = await client.get(`/api/v1/orgs/${org}/care/conversations/${id}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

/** The customer's newest conversation with the brand, after their post went through the outbox. */
async function newestOf(client: TestClient, text: string, org = 'skyline'): Promise<string> {
  await client.post('/api/v1/posts', { text });
  await t.drain();
  const mine = (await client.get('/api/v1/me/care/conversations')).json().items as {
    id: string;
    brand: { handle: string };
  }[];
  return mine.find((c) => c.brand.handle === org)!.id;
}

async function notificationsOf(client: TestClient) {
  return (await client.get('/api/v1/notifications')).json().items as {
    kind: string;
    actor: { handle: string };
    org: { handle: string } | null;
    subjectId: string | null;
    detail: Record<string, string> | null;
  }[];
}

beforeAll(async () => {
  t = await createTestApp();
  owner = await t.signup('sky_owner');
  agent = await t.signup('sky_agent');
  marketer = await t.signup('sky_marketer');
  outsider = await t.signup('nosy_person');
  customer = await t.signup('traveller');
  other = await t.signup('other_traveller');
  rival = await t.signup('rival_agent');
  await t.brand(owner, 'skyline');
  await join(owner, agent, 'skyline', 'agent');
  await join(owner, marketer, 'skyline', 'marketer');
  const rivalOwner = await t.signup('rival_owner');
  await t.brand(rivalOwner, 'rivalair');
  await join(rivalOwner, rival, 'rivalair', 'agent');
});
afterAll(() => t.close());

describe('merging conversations', () => {
  let first: string;
  let second: string;
  let firstPost: string;

  it('should move the messages, notes and tags into the target and close the merged one pointing at it', async () => {
    firstPost = (await customer.post('/api/v1/posts', { text: '@skyline my bag did not arrive' })).json().id;
    await t.drain();
    first = (await customer.get('/api/v1/me/care/conversations')).json().items[0].id;
    await agent.post(`${base}/conversations/${first}/notes`, { text: 'Checked with baggage desk' });
    await agent.request('PATCH', `${base}/conversations/${first}`, { tags: ['baggage'], status: 'resolved' });
    second = await newestOf(customer, '@skyline also, where is my refund?');
    expect(second).not.toBe(first);

    const res = await agent.post(`${base}/conversations/${first}/merge`, { targetId: second });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ id: first, mergedIntoId: second, movedMessages: 2 });

    const target = await detail(agent, second);
    expect(target.messages.map((m) => m.text)).toEqual([
      '@skyline my bag did not arrive',
      'Checked with baggage desk',
      '@skyline also, where is my refund?',
    ]);
    expect(target.tags).toContain('baggage');
    expect(target.status).toBe('open');
    expect(target.activity).toEqual([
      expect.objectContaining({
        kind: 'merged_from',
        actor: expect.objectContaining({ handle: 'sky_agent' }),
        conversationId: first,
      }),
    ]);

    const merged = await detail(agent, first);
    expect(merged).toMatchObject({ mergedIntoId: second, status: 'resolved', messages: [] });
    expect(merged.mergedAt).not.toBeNull();
    expect(merged.activity[0]).toMatchObject({
      kind: 'merged_into',
      actor: { handle: 'sky_agent' },
      conversationId: second,
    });

    const listed = (await agent.get(`${base}/conversations?status=resolved`))
      .json()
      .items.map((c: { id: string }) => c.id);
    expect(listed).not.toContain(first);
    expect(target.customer360.conversations.map((c) => c.id)).toEqual([second]);
  });

  it('should refuse work on a merged conversation and send its thread’s follow-ups to the target', async () => {
    const reply = await agent.post(`${base}/conversations/${first}/replies`, {
      text: 'Hello',
      mode: 'public',
    });
    expect(reply.statusCode).toBe(409);
    expect(reply.json()).toMatchObject({ code: 'conversation_merged', mergedIntoId: second });
    expect((await agent.post(`${base}/conversations/${first}/notes`, { text: 'x' })).json().code).toBe(
      'conversation_merged',
    );
    expect((await agent.post(`${base}/conversations/${second}/merge`, { targetId: first })).json().code).toBe(
      'merge_target_merged',
    );

    await customer.post('/api/v1/posts', { text: 'any news @skyline?', inReplyToId: firstPost });
    await t.drain();
    expect((await detail(agent, second)).messages.map((m) => m.text)).toContain('any news @skyline?');
    expect((await detail(agent, first)).messages).toEqual([]);
  });

  it('should refuse to merge across customers, across brands and into itself', async () => {
    const others = await newestOf(other, '@skyline is the lounge open?');
    const acrossCustomers = await agent.post(`${base}/conversations/${second}/merge`, { targetId: others });
    expect(acrossCustomers.statusCode).toBe(409);
    expect(acrossCustomers.json().code).toBe('merge_customer_mismatch');

    const atRival = await newestOf(customer, '@rivalair do you fly to Oslo?', 'rivalair');
    const acrossBrands = await agent.post(`${base}/conversations/${second}/merge`, { targetId: atRival });
    expect(acrossBrands.statusCode).toBe(400);
    expect(acrossBrands.json().code).toBe('merge_target_not_found');
    const fromRival = await rival.post(`/api/v1/orgs/rivalair/care/conversations/${second}/merge`, {
      targetId: atRival,
    });
    expect(fromRival.statusCode).toBe(404);
    expect((await detail(rival, atRival, 'rivalair')).messages).toHaveLength(1);

    const itself = await agent.post(`${base}/conversations/${second}/merge`, { targetId: second });
    expect(itself.statusCode).toBe(400);
    expect(itself.json().code).toBe('merge_into_itself');
    expect((await detail(agent, second)).mergedIntoId).toBeNull();
    expect((await detail(agent, others)).messages).toHaveLength(1);
  });
});

describe('@mentions in internal notes', () => {
  it('should notify a colleague who works the inbox, with a link to the conversation, and nobody else', async () => {
    const id = await newestOf(other, '@skyline my seat was double booked');
    const res = await agent.post(`${base}/conversations/${id}/notes`, {
      text: 'Secret: refund approved. @sky_owner please sign off; cc @nosy_person @sky_marketer @ghost_user',
    });
    expect(res.statusCode).toBe(204);
    await t.drain();

    const mention = (await notificationsOf(owner)).find((n) => n.kind === 'care_mention');
    expect(mention).toMatchObject({
      actor: { handle: 'sky_agent' },
      org: { handle: 'skyline' },
      subjectId: id,
    });
    expect(JSON.stringify(mention)).not.toContain('Secret');
    for (const client of [outsider, marketer]) {
      const body = (await client.get('/api/v1/notifications')).body;
      expect(body).not.toContain('care_mention');
      expect(body).not.toContain('Secret');
    }

    const note = (await detail(agent, id)).messages.find((m) => m.direction === 'note')!;
    expect(note.mentions.map((m) => m.handle)).toEqual(['sky_owner']);
  });

  it('should not notify the author who mentions themself', async () => {
    const id = (await agent.get(`${base}/conversations`)).json().items[0].id;
    await owner.post(`${base}/conversations/${id}/notes`, { text: 'note to self @sky_owner' });
    await t.drain();
    expect((await notificationsOf(owner)).filter((n) => n.kind === 'care_mention')).toHaveLength(1);
  });
});

describe('public reply limit per brand', () => {
  let id: string;

  it('should start at 280 and be editable by admins only, within 1 to 500', async () => {
    expect((await agent.get(`${base}/settings`)).json()).toMatchObject({
      publicReplyLimit: 280,
      privateReplyLimit: 500,
    });
    const byAgent = await agent.request('PATCH', `${base}/settings`, { publicReplyLimit: 100 });
    expect(byAgent.statusCode).toBe(403);
    expect(byAgent.json().code).toBe('role_not_allowed');
    expect((await agent.get(`${base}/settings`)).json().publicReplyLimit).toBe(280);
    for (const bad of [0, 501, 12.5, '100']) {
      const res = await owner.request('PATCH', `${base}/settings`, { publicReplyLimit: bad });
      expect(res.statusCode, String(bad)).toBe(400);
      expect(res.json().errors[0].field).toBe('publicReplyLimit');
    }
    const ok = await owner.request('PATCH', `${base}/settings`, { publicReplyLimit: 100 });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().publicReplyLimit).toBe(100);
    expect((await agent.get(`${base}/settings`)).json().publicReplyLimit).toBe(100);
    expect((await rival.get('/api/v1/orgs/rivalair/care/settings')).json().publicReplyLimit).toBe(280);
    expect((await rival.get(`${base}/settings`)).statusCode).toBe(403);
  });

  it('should hold public replies to the brand’s limit, and another brand to its own', async () => {
    id = (await agent.get(`${base}/conversations`)).json().items[0].id;
    const over = await agent.post(`${base}/conversations/${id}/replies`, {
      text: 'x'.repeat(101),
      mode: 'public',
    });
    expect(over.statusCode).toBe(422);
    expect(over.json()).toMatchObject({ code: 'reply_too_long', limit: 100 });
    const atLimit = await agent.post(`${base}/conversations/${id}/replies`, {
      text: 'y'.repeat(100),
      mode: 'public',
    });
    expect(atLimit.statusCode, atLimit.body).toBe(201);

    const rivalConversation = (await rival.get('/api/v1/orgs/rivalair/care/conversations')).json().items[0]
      .id;
    const atRival = await rival.post(
      `/api/v1/orgs/rivalair/care/conversations/${rivalConversation}/replies`,
      {
        text: 'z'.repeat(200),
        mode: 'public',
      },
    );
    expect(atRival.statusCode, atRival.body).toBe(201);
  });
});

describe('linked identities on other networks', () => {
  let conversationId: string;
  let linkId: string;

  it('should keep a proposed identity out of the 360 until the person confirms it, and ask them', async () => {
    conversationId = (await customer.get('/api/v1/me/care/conversations'))
      .json()
      .items.find((c: { brand: { handle: string } }) => c.brand.handle === 'skyline').id;
    const res = await agent.post(`${base}/customers/${customer.userId}/identity-links`, {
      network: 'Mastodon',
      handle: '@jane',
      url: 'https://mastodon.example/@jane',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ network: 'Mastodon', handle: 'jane', status: 'pending' });
    linkId = res.json().id;
    await t.drain();

    const c360 = (await detail(agent, conversationId)).customer360;
    expect(c360.linkedIdentities).toEqual([]);
    expect(c360.pendingIdentities.map((l) => l.handle)).toEqual(['jane']);

    const asked = (await notificationsOf(customer)).find((n) => n.kind === 'identity_link');
    expect(asked).toMatchObject({
      actor: { handle: 'skyline' },
      subjectId: linkId,
      detail: { network: 'Mastodon', handle: 'jane', url: 'https://mastodon.example/@jane' },
    });
    const again = await agent.post(`${base}/customers/${customer.userId}/identity-links`, {
      network: 'mastodon',
      handle: 'JANE',
    });
    expect(again.json().code).toBe('identity_link_exists');
  });

  it('should let only the person confirm, and then show it to the brand that asked and no other', async () => {
    for (const client of [agent, owner, other, rival]) {
      expect((await client.post(`/api/v1/me/care/identity-links/${linkId}/confirm`)).statusCode).toBe(404);
    }
    expect((await detail(agent, conversationId)).customer360.linkedIdentities).toEqual([]);

    expect((await customer.post(`/api/v1/me/care/identity-links/${linkId}/confirm`)).statusCode).toBe(204);
    expect((await customer.post(`/api/v1/me/care/identity-links/${linkId}/decline`)).json().code).toBe(
      'identity_link_answered',
    );
    const c360 = (await detail(agent, conversationId)).customer360;
    expect(c360.linkedIdentities).toMatchObject([{ id: linkId, network: 'Mastodon', handle: 'jane' }]);
    expect(c360.pendingIdentities).toEqual([]);

    const rivalConversation = (await customer.get('/api/v1/me/care/conversations'))
      .json()
      .items.find((c: { brand: { handle: string } }) => c.brand.handle === 'rivalair').id;
    const atRival = (await detail(rival, rivalConversation, 'rivalair')).customer360;
    expect(atRival.linkedIdentities).toEqual([]);
    expect(atRival.pendingIdentities).toEqual([]);
    expect((await rival.get(`${base}/conversations/${conversationId}`)).statusCode).toBe(403);
  });

  it('should never show a declined identity, and drop a confirmed one the person removes', async () => {
    const proposed = await agent.post(`${base}/customers/${customer.userId}/identity-links`, {
      network: 'Instagram',
      handle: 'not_jane',
    });
    await customer.post(`/api/v1/me/care/identity-links/${proposed.json().id}/decline`);
    let c360 = (await detail(agent, conversationId)).customer360;
    expect(c360.linkedIdentities.map((l) => l.handle)).toEqual(['jane']);
    expect(c360.pendingIdentities).toEqual([]);
    expect(
      (
        await agent.post(`${base}/customers/${customer.userId}/identity-links`, {
          network: 'Instagram',
          handle: 'not_jane',
        })
      ).statusCode,
    ).toBe(409);

    expect((await customer.get('/api/v1/me/care/identity-links')).json().items).toMatchObject([
      { id: linkId, status: 'confirmed', brand: { handle: 'skyline' } },
    ]);
    expect((await other.del(`/api/v1/me/care/identity-links/${linkId}`)).statusCode).toBe(404);
    expect((await customer.del(`/api/v1/me/care/identity-links/${linkId}`)).statusCode).toBe(204);
    c360 = (await detail(agent, conversationId)).customer360;
    expect(c360.linkedIdentities).toEqual([]);
  });

  it('should refuse a proposal for someone who is not a customer of the brand, and bad input', async () => {
    const notCustomer = await rival.post(
      `/api/v1/orgs/rivalair/care/customers/${other.userId}/identity-links`,
      {
        network: 'Mastodon',
        handle: 'x',
      },
    );
    expect(notCustomer.statusCode).toBe(404);
    expect(notCustomer.json().code).toBe('customer_not_found');
    const badUrl = await agent.post(`${base}/customers/${customer.userId}/identity-links`, {
      network: 'Mastodon',
      handle: 'jane2',
      url: 'javascript:alert(1)',
    });
    expect(badUrl.statusCode).toBe(400);
    const byOutsider = await outsider.post(`${base}/customers/${customer.userId}/identity-links`, {
      network: 'X',
      handle: 'y',
    });
    expect(byOutsider.statusCode).toBe(403);
    expect(byOutsider.json().code).toBe('not_a_member');
    expect((await customer.get('/api/v1/me/care/identity-links')).body).not.toContain('"network":"X"');
  });
});

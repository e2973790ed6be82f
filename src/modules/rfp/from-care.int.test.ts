import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestClient, type TestContext } from '../../../test/support/test-app.ts';

let t: TestContext;
let owner: TestClient;
let seller: TestClient;
let marketer: TestClient;
let customer: TestClient;
let rfpConv: { id: string };
let complaintConv: { id: string };

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();
const base = (id: string) => `/api/v1/orgs/deskco/care/conversations/${id}`;
const draft = {
  kind: 'rfp',
  title: 'Twenty office chairs',
  details: 'Ergonomic, delivered to Leeds',
  budgetMinor: 300_000,
  currency: 'EUR',
  deadline: inDays(10),
};
const answer = (client: TestClient, id: string, accept: boolean) =>
  client.post(`/api/v1/me/care/conversations/${id}/conversion-consent`, { accept });

async function join(handle: string, role: string) {
  const member = await t.signup(handle);
  const inv = await owner.post('/api/v1/orgs/deskco/invitations', { handle, role });
  expect(inv.statusCode, inv.body).toBeLessThan(300);
  expect((await member.post(`/api/v1/invitations/${inv.json().id}/accept`)).statusCode).toBeLessThan(300);
  return member;
}

/** A customer's post to the brand, filed as a conversation whose intent the owner settles. */
async function conversationAbout(author: TestClient, text: string, intent: string) {
  expect((await author.post('/api/v1/posts', { text })).statusCode).toBe(201);
  await t.drain();
  const items = (await owner.get('/api/v1/orgs/deskco/care/conversations?status=open')).json().items;
  const conv = items.find((c: { customer: { handle: string } }) => c.customer.handle === author.handle);
  const detail = (await owner.get(base(conv.id))).json();
  const res = await owner.request('PUT', `${base(conv.id)}/messages/${detail.messages[0].id}/intent`, {
    intent,
  });
  expect(res.statusCode, res.body).toBe(204);
  return conv as { id: string };
}

beforeAll(async () => {
  t = await createTestApp();
  owner = await t.signup('deskowner');
  await t.brand(owner, 'deskco', { verified: true });
  seller = await join('deskseller', 'sales');
  marketer = await join('deskmarketer', 'marketer');
  customer = await t.signup('chairbuyer');
  rfpConv = await conversationAbout(
    customer,
    '@deskco could you quote 20 office chairs for our office?',
    'rfp',
  );
  complaintConv = await conversationAbout(
    await t.signup('angrysitter'),
    '@deskco my chair broke after a week',
    'complaint',
  );
});
afterAll(() => t.close());

describe('sales in the care inbox', () => {
  it('should let a sales member work the conversations routed to sales, and only those', async () => {
    const listed = await seller.get('/api/v1/orgs/deskco/care/conversations');
    expect(listed.statusCode, listed.body).toBe(200);
    expect(listed.json().items.map((c: { id: string }) => c.id)).toEqual([rfpConv.id]);
    const detail = await seller.get(base(rfpConv.id));
    expect(detail.statusCode).toBe(200);
    expect(detail.json().customer360.conversations.map((c: { id: string }) => c.id)).toEqual([rfpConv.id]);
    expect((await seller.get(base(complaintConv.id))).json().code).toBe('conversation_not_found');
    expect(
      (await seller.post(`${base(complaintConv.id)}/replies`, { text: 'Sorry', mode: 'public' })).statusCode,
    ).toBe(404);
    const note = await seller.post(`${base(rfpConv.id)}/notes`, { text: 'Bulk discount applies' });
    expect(note.statusCode, note.body).toBe(204);
    // The whole inbox stays the inbox workers': the owner sees both, a marketer neither, sales no settings.
    expect((await owner.get('/api/v1/orgs/deskco/care/conversations')).json().items).toHaveLength(2);
    expect((await marketer.get('/api/v1/orgs/deskco/care/conversations')).json().code).toBe(
      'role_not_allowed',
    );
    expect((await marketer.get(base(rfpConv.id))).statusCode).toBe(403);
    expect((await seller.get('/api/v1/orgs/deskco/care/queues')).statusCode).toBe(403);
  });
});

describe('a care conversation turned into a request for proposals', () => {
  it('should propose, let the author decline or the agent withdraw, and post the request as the author on their yes', async () => {
    const conv = base(rfpConv.id);
    expect(
      (await seller.post(`${conv}/conversion-request`, { ...draft, deadline: inDays(-1) })).json().code,
    ).toBe('deadline_in_past');
    expect((await seller.post(`${conv}/conversion-request`, { ...draft, budgetMinor: -5 })).statusCode).toBe(
      400,
    );
    const asked = await seller.post(`${conv}/conversion-request`, draft);
    expect(asked.statusCode, asked.body).toBe(201);
    expect((await seller.post(`${conv}/conversion-request`, draft)).json().code).toBe(
      'conversion_already_asked',
    );

    const mine = (await customer.get('/api/v1/me/care/conversations')).json().items;
    expect(mine[0].conversion).toMatchObject({
      kind: 'rfp',
      consent: 'requested',
      title: 'Twenty office chairs',
      budgetMinor: 300_000,
      currency: 'EUR',
      targetId: null,
    });
    expect(mine[0].ideaRequest).toBeNull();
    // The idea-only answer does not answer another kind; a stranger cannot answer at all.
    expect(
      (
        await customer.post(`/api/v1/me/care/conversations/${rfpConv.id}/idea-consent`, { accept: true })
      ).json().code,
    ).toBe('no_idea_request');
    expect((await answer(await t.signup('chairstranger'), rfpConv.id, true)).statusCode).toBe(404);

    // Withdrawn by the agent: nothing left to answer.
    expect((await seller.request('DELETE', `${conv}/conversion-request`)).statusCode).toBe(204);
    expect((await answer(customer, rfpConv.id, true)).json().code).toBe('no_conversion_request');
    expect((await seller.request('DELETE', `${conv}/conversion-request`)).json().code).toBe(
      'no_conversion_request',
    );

    // Declined by the author: no request; the agent may ask again.
    expect((await seller.post(`${conv}/conversion-request`, draft)).statusCode).toBe(201);
    expect((await answer(customer, rfpConv.id, false)).statusCode).toBe(204);
    expect((await seller.get(conv)).json().conversion).toMatchObject({ consent: 'declined', targetId: null });
    expect((await customer.get('/api/v1/rfps/mine')).json().items).toHaveLength(0);

    expect((await seller.post(`${conv}/conversion-request`, draft)).statusCode).toBe(201);
    expect((await answer(customer, rfpConv.id, true)).statusCode).toBe(204);
    expect((await answer(customer, rfpConv.id, true)).json().code).toBe('no_conversion_request');

    const conversion = (await seller.get(conv)).json().conversion;
    expect(conversion).toMatchObject({ kind: 'rfp', consent: 'granted' });
    const page = (await t.anonymous.get(`/api/v1/rfps/${conversion.targetId}`)).json();
    expect(page.request).toMatchObject({
      title: 'Twenty office chairs',
      budgetMinor: 300_000,
      author: { handle: 'chairbuyer' },
    });
    expect(page.request.brands.map((b: { handle: string }) => b.handle)).toEqual(['deskco']);
    const post = (await t.anonymous.get(`/api/v1/posts/${conversion.targetId}`)).json();
    expect(post).toMatchObject({ kind: 'rfp', author: { handle: 'chairbuyer' } });

    const queue = (await seller.get('/api/v1/orgs/deskco/rfp-queue')).json().items;
    expect(queue).toHaveLength(1);
    expect(queue[0]).toMatchObject({ request: { id: conversion.targetId }, conversationId: rfpConv.id });
  });

  it('should keep the author’s refusal reasons: a request their limits forbid stays proposed', async () => {
    const other = await t.signup('chairspammer');
    const conv = await conversationAbout(other, '@deskco quote me 5 desks please', 'rfp');
    for (let i = 0; i < 10; i++) {
      const res = await other.post('/api/v1/rfps', {
        ...draft,
        kind: undefined,
        title: `Desk ${i}`,
        brands: ['deskco'],
      });
      expect(res.statusCode, res.body).toBe(201);
    }
    expect((await seller.post(`${base(conv.id)}/conversion-request`, draft)).statusCode).toBe(201);
    expect((await answer(other, conv.id, true)).json().code).toBe('request_limit');
    expect((await seller.get(base(conv.id))).json().conversion).toMatchObject({
      consent: 'requested',
      targetId: null,
    });
  });
});

import { randomUUID } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_CARDS } from '../../src/modules/commerce/index.ts';
import { multipart, png } from '../support/images.ts';
import { createTestApp, type TestClient, type TestContext } from '../support/test-app.ts';

// A member of brand A passes brand B's ids to every write that takes the id of a brand-owned thing. Each must
// be refused with a 4xx and a code, and nothing of B may change.

let t: TestContext;
let ownerA: TestClient;
let ownerB: TestClient;
let agentB: TestClient;
let customer: TestClient;
const b = {} as {
  sourceId: string;
  mentionId: string;
  codeId: string;
  zoneId: string;
  productId: string;
  variantId: string;
  dealId: string;
  orderId: string;
  conversationId: string;
  messageId: string;
  queueId: string;
  cannedId: string;
  ruleId: string;
  mediaId: string;
  ideaId: string;
  ideaCommentId: string;
  challengeId: string;
  segmentId: string;
  topicId: string;
  taggingRuleId: string;
  referralId: string;
  privatePostId: string;
  draftId: string;
  policyRuleId: string;
  libraryPostId: string;
  rfpId: string;
  pitchId: string;
  quoteId: string;
};
const a = {} as {
  productId: string;
  variantId: string;
  conversationId: string;
  queueId: string;
  ideaId: string;
};

const address = { name: 'C Buyer', line1: '1 Main St', city: 'Leeds', postalCode: 'LS1 1AA', country: 'GB' };
const inAnHour = () => new Date(Date.now() + 3600_000).toISOString();

async function ok(res: Promise<LightMyRequestResponse>, status = 201) {
  const r = await res;
  expect(r.statusCode, r.body).toBe(status);
  return r.json();
}

async function product(owner: TestClient, brand: string, sku: string) {
  return ok(
    owner.post(`/api/v1/orgs/${brand}/products`, {
      title: `Thing ${sku}`,
      currency: 'EUR',
      priceMinor: 2_000,
      resellerFloorMinor: 1_500,
      variants: [{ sku, stock: 10 }],
    }),
  );
}

async function conversationOf(owner: TestClient, brand: string, text: string) {
  await customer.post('/api/v1/posts', { text: `@${brand} ${text}` });
  await t.drain();
  const items = (await owner.get(`/api/v1/orgs/${brand}/care/conversations`)).json().items;
  expect(items.length).toBeGreaterThan(0);
  return items[0].id as string;
}

/** Everything of B that a write could change, as B's owner reads it. */
async function snapshotOfB() {
  const read = async (url: string) => {
    const res = await ownerB.get(url);
    expect(res.statusCode, `${url}: ${res.body}`).toBe(200);
    return res.json();
  };
  return {
    product: await read(`/api/v1/products/${b.productId}`),
    deal: await read(`/api/v1/deals/${b.dealId}`),
    privatePost: await read(`/api/v1/posts/${b.privatePostId}`),
    order: await read(`/api/v1/orders/${b.orderId}`),
    conversation: await read(`/api/v1/orgs/tenant_b/care/conversations/${b.conversationId}`),
    queues: await read('/api/v1/orgs/tenant_b/care/queues'),
    rules: await read('/api/v1/orgs/tenant_b/care/rules'),
    canned: await read('/api/v1/orgs/tenant_b/care/canned-replies'),
    sla: await read('/api/v1/orgs/tenant_b/care/settings/sla-policies'),
    idea: await read(`/api/v1/ideas/${b.ideaId}`),
    ideaComments: await read(`/api/v1/ideas/${b.ideaId}/comments`),
    ideaRanking: await read('/api/v1/orgs/tenant_b/ideas/ranking'),
    ideaSettings: await read('/api/v1/orgs/tenant_b/ideas/settings'),
    segments: await read('/api/v1/orgs/tenant_b/advocates/segments'),
    runs: await read('/api/v1/orgs/tenant_b/advocates/runs'),
    topics: await read('/api/v1/orgs/tenant_b/listening/topics'),
    taggingRules: await read('/api/v1/orgs/tenant_b/listening/rules'),
    mentions: await read('/api/v1/orgs/tenant_b/listening/mentions'),
    spikes: await read('/api/v1/orgs/tenant_b/listening/spikes'),
    briefings: await read('/api/v1/orgs/tenant_b/listening/briefings'),
    rankingProfile: await read('/api/v1/orgs/tenant_b/care/ranking-profile'),
    referrals: await read('/api/v1/orgs/tenant_b/referrals'),
    referralSettings: await read('/api/v1/orgs/tenant_b/referral-settings'),
    pointsRules: await read('/api/v1/orgs/tenant_b/points-rules'),
    tiers: await read('/api/v1/orgs/tenant_b/tiers'),
    tierChanges: await read('/api/v1/orgs/tenant_b/tier-changes'),
    longGame: await read('/api/v1/orgs/tenant_b/long-game'),
    policyRules: await read('/api/v1/orgs/tenant_b/policy/rules'),
    approvalSettings: await read('/api/v1/orgs/tenant_b/approvals/settings'),
    drafts: await read('/api/v1/orgs/tenant_b/approvals/drafts'),
    contentLibrary: await read('/api/v1/orgs/tenant_b/advocacy/library'),
    staffShares: await read('/api/v1/orgs/tenant_b/advocacy/shares'),
    certification: await read('/api/v1/orgs/tenant_b/certification/settings'),
    certificates: await read('/api/v1/orgs/tenant_b/certification/certificates'),
    rfp: await read(`/api/v1/rfps/${b.rfpId}`),
    rfpQueue: await read('/api/v1/orgs/tenant_b/rfp-queue'),
    quote: await read(`/api/v1/quotes/${b.quoteId}`),
    marginRules: await read('/api/v1/orgs/tenant_b/margin-rules'),
    leaderboard: await read('/api/v1/orgs/tenant_b/sales-leaderboard'),
    codes: await read('/api/v1/orgs/tenant_b/discount-codes'),
    shipping: await read('/api/v1/orgs/tenant_b/shipping'),
  };
}

beforeAll(async () => {
  t = await createTestApp();
  ownerA = await t.signup('tenant_owner_a');
  ownerB = await t.signup('tenant_owner_b');
  agentB = await t.signup('tenant_agent_b');
  customer = await t.signup('tenant_customer');
  await t.brand(ownerA, 'tenant_a', { verified: true });
  await t.brand(ownerB, 'tenant_b', { verified: true });
  const inv = await ownerB.post('/api/v1/orgs/tenant_b/invitations', {
    handle: 'tenant_agent_b',
    role: 'agent',
  });
  await agentB.post(`/api/v1/invitations/${inv.json().id}/accept`);

  const pa = await product(ownerA, 'tenant_a', 'A-1');
  Object.assign(a, { productId: pa.id, variantId: pa.variants[0].id });
  const image = multipart(await png());
  b.mediaId = (await ok(ownerB.request('POST', '/api/v1/media?as=tenant_b', image.body, image.headers))).id;
  const pb = await product(ownerB, 'tenant_b', 'B-1');
  Object.assign(b, { productId: pb.id, variantId: pb.variants[0].id });
  b.dealId = (
    await ok(
      ownerB.post('/api/v1/orgs/tenant_b/deals', {
        text: 'B deal',
        type: 'percent_off',
        percentOff: 10,
        items: [{ productId: b.productId }],
        audience: 'everyone',
        endsAt: inAnHour(),
      }),
    )
  ).id;
  b.orderId = (
    await ok(
      customer.request(
        'POST',
        '/api/v1/orders',
        {
          shippingAddress: address,
          card: { number: TEST_CARDS.succeeds },
          items: [{ variantId: b.variantId, quantity: 1 }],
          source: { ref: 'tenant_agent_b' },
        },
        { 'idempotency-key': randomUUID() },
      ),
    )
  ).id;
  await t.drain();
  b.referralId = (await ok(ownerB.get('/api/v1/orgs/tenant_b/referrals'), 200)).items[0].id;
  b.segmentId = (
    await ok(ownerB.post('/api/v1/orgs/tenant_b/advocates/segments', { name: 'B top', topN: 5 }))
  ).id;
  await ok(
    ownerB.request('PUT', '/api/v1/orgs/tenant_b/tiers', {
      tiers: [
        { key: 'member', name: 'Member', minPoints: 0 },
        { key: 'b-vip', name: 'B VIP', minPoints: 10 },
      ],
    }),
    200,
  );
  b.conversationId = await conversationOf(ownerB, 'tenant_b', 'my parcel never arrived, please help');
  a.conversationId = await conversationOf(ownerA, 'tenant_a', 'where is my order?');
  const detail = (await ownerB.get(`/api/v1/orgs/tenant_b/care/conversations/${b.conversationId}`)).json();
  b.messageId = detail.messages[0].id;
  b.queueId = (await ownerB.get('/api/v1/orgs/tenant_b/care/queues')).json().items[0].id;
  a.queueId = (await ownerA.get('/api/v1/orgs/tenant_a/care/queues')).json().items[0].id;
  b.cannedId = (
    await ok(ownerB.post('/api/v1/orgs/tenant_b/care/canned-replies', { title: 'Hi', body: 'Hello there' }))
  ).id;
  b.ruleId = (
    await ok(
      ownerB.post('/api/v1/orgs/tenant_b/care/rules', {
        name: 'B rule',
        conditions: { keywords: ['parcel'] },
        actions: { queueId: b.queueId },
      }),
    )
  ).id;
  const idea = (owner: TestClient, brand: string) =>
    ok(owner.post(`/api/v1/orgs/${brand}/ideas`, { title: `An idea for ${brand}`, description: 'Please' }));
  b.ideaId = (await idea(ownerB, 'tenant_b')).id;
  b.ideaCommentId = (
    await ok(ownerB.post(`/api/v1/ideas/${b.ideaId}/comments`, { body: 'A comment of B' }))
  ).id;
  b.privatePostId = (
    await ok(ownerB.post('/api/v1/posts', { text: 'For followers', as: 'tenant_b', visibility: 'followers' }))
  ).id;
  b.codeId = (
    await ok(
      ownerB.post('/api/v1/orgs/tenant_b/discount-codes', {
        code: 'BONLY',
        kind: 'percent',
        percentOff: 5,
        currency: 'EUR',
      }),
    )
  ).id;
  b.zoneId = (
    await ok(
      ownerB.post('/api/v1/orgs/tenant_b/shipping/zones', {
        name: 'EU',
        countries: ['DE'],
        rateMinor: 100,
        currency: 'EUR',
      }),
    )
  ).zones[0].id;
  a.ideaId = (await idea(ownerA, 'tenant_a')).id;
  b.challengeId = (
    await ok(
      ownerB.post('/api/v1/orgs/tenant_b/challenges', {
        title: 'B only',
        description: 'Staff ideas',
        closesAt: inAnHour(),
        roles: ['employee'],
      }),
    )
  ).id;
  b.topicId = (
    await ok(
      ownerB.post('/api/v1/orgs/tenant_b/listening/topics', { name: 'B', kind: 'brand', query: 'tenant_b' }),
    )
  ).id;
  b.sourceId = (
    await ok(
      ownerB.post('/api/v1/orgs/tenant_b/listening/sources', {
        instanceUrl: 'https://mastodon.example',
        kind: 'hashtag',
        target: 'tenant_b',
        enabled: false,
      }),
    )
  ).id;
  b.taggingRuleId = (
    await ok(ownerB.post('/api/v1/orgs/tenant_b/listening/rules', { tag: 'B tag', query: 'tenant_b' }))
  ).id;
  b.draftId = (
    await ok(
      ownerB.post('/api/v1/orgs/tenant_b/approvals/drafts', { text: 'Later, for B', publishAt: inAnHour() }),
    )
  ).id;
  b.libraryPostId = (await ok(ownerB.post('/api/v1/posts', { text: 'Share this, team', as: 'tenant_b' }))).id;
  await ok(
    ownerB.request('PUT', `/api/v1/orgs/tenant_b/advocacy/library/${b.libraryPostId}`, { topic: 'News' }),
    200,
  );
  b.policyRuleId = (
    await ok(
      ownerB.post('/api/v1/orgs/tenant_b/policy/rules', {
        kind: 'banned_phrase',
        severity: 'warn',
        message: 'Say it kindly',
        phrases: ['cheap'],
      }),
    )
  ).id;
  b.rfpId = (
    await ok(
      customer.post('/api/v1/rfps', {
        title: 'Ten things, please',
        budgetMinor: 20_000,
        currency: 'EUR',
        deadline: inAnHour(),
        brands: ['tenant_a', 'tenant_b'],
      }),
    )
  ).id;
  b.pitchId = (
    await ok(
      ownerB.post(`/api/v1/rfps/${b.rfpId}/pitches`, {
        brand: 'tenant_b',
        title: 'B offer',
        terms: 'Next day',
        message: 'Ours',
        items: [{ variantId: b.variantId, quantity: 10, unitPriceMinor: 1_800 }],
      }),
    )
  ).id;
  b.quoteId = (
    await ok(
      ownerB.post('/api/v1/orgs/tenant_b/quotes', {
        customer: 'tenant_customer',
        items: [{ variantId: b.variantId, quantity: 1 }],
        expiresInHours: 24,
        sendAs: 'public',
      }),
    )
  ).id;
  await t.drain(); // the request mentions both brands: it reaches their care inboxes too
  b.mentionId = (await ok(ownerB.get('/api/v1/orgs/tenant_b/listening/mentions?limit=1'), 200)).items[0].id;
});
afterAll(() => t.close());

const base = '/api/v1/orgs/tenant_a/care';
const writes: [string, () => Promise<LightMyRequestResponse>][] = [
  // commerce
  [
    "disabling B's discount code",
    () => ownerA.post(`/api/v1/orgs/tenant_a/discount-codes/${b.codeId}/disable`),
  ],
  [
    "disabling B's discount code through B",
    () => ownerA.post(`/api/v1/orgs/tenant_b/discount-codes/${b.codeId}/disable`),
  ],
  [
    "a code of A on B's product",
    () =>
      ownerA.post('/api/v1/orgs/tenant_a/discount-codes', {
        code: 'STEALB',
        kind: 'percent',
        percentOff: 5,
        currency: 'EUR',
        productIds: [b.productId],
      }),
  ],
  [
    "changing B's shipping zone",
    () => ownerA.request('PATCH', `/api/v1/orgs/tenant_a/shipping/zones/${b.zoneId}`, { rateMinor: 0 }),
  ],
  [
    "removing B's shipping zone",
    () => ownerA.request('DELETE', `/api/v1/orgs/tenant_b/shipping/zones/${b.zoneId}`),
  ],
  ["B's tax table", () => ownerA.request('PUT', '/api/v1/orgs/tenant_b/shipping/tax', { taxRates: [] })],
  [
    "a deal of A with B's product",
    () =>
      ownerA.post('/api/v1/orgs/tenant_a/deals', {
        text: 'steal',
        type: 'percent_off',
        percentOff: 10,
        items: [{ productId: b.productId }],
        endsAt: inAnHour(),
      }),
  ],
  [
    "editing B's product",
    () =>
      ownerA.request('PUT', `/api/v1/products/${b.productId}`, {
        title: 'Mine now',
        currency: 'EUR',
        priceMinor: 1,
        variants: [{ sku: 'B-1', stock: 0 }],
      }),
  ],
  [
    "A's product with B's image",
    () =>
      ownerA.request('PUT', `/api/v1/products/${a.productId}`, {
        title: 'Thing A-1',
        currency: 'EUR',
        priceMinor: 2_000,
        variants: [{ sku: 'A-1', stock: 10 }],
        media: [{ id: b.mediaId, alt: 'stolen' }],
      }),
  ],
  [
    "a post of A with B's image",
    () => ownerA.post('/api/v1/posts', { text: 'look', as: 'tenant_a', media: [{ id: b.mediaId }] }),
  ],
  [
    "quoting B's followers-only post as A",
    () => ownerA.post('/api/v1/posts', { text: 'look', as: 'tenant_a', quoteOfId: b.privatePostId }),
  ],
  ["B's image as A's avatar", () => ownerA.post(`/api/v1/media/${b.mediaId}/avatar`, { as: 'tenant_a' })],
  [
    'uploading an image for B',
    async () => {
      const image = multipart(await png());
      return ownerA.request('POST', '/api/v1/media?as=tenant_b', image.body, image.headers);
    },
  ],
  ["archiving B's product", () => ownerA.del(`/api/v1/products/${b.productId}`)],
  ["editing B's deal", () => ownerA.request('PATCH', `/api/v1/deals/${b.dealId}`, { title: 'Mine now' })],
  ["ending B's deal early", () => ownerA.post(`/api/v1/deals/${b.dealId}/end`)],
  ["fulfilling B's order", () => ownerA.post(`/api/v1/orders/${b.orderId}/fulfil`)],
  [
    "shipping B's order with tracking",
    () =>
      ownerA.post(`/api/v1/orders/${b.orderId}/shipments`, { carrier: 'dhl', trackingNumber: '1234567890' }),
  ],
  ["cancelling B's order", () => ownerA.post(`/api/v1/orders/${b.orderId}/cancel`)],
  [
    "refunding B's order",
    () =>
      ownerA.request('POST', `/api/v1/orders/${b.orderId}/refund`, {}, { 'idempotency-key': randomUUID() }),
  ],
  [
    "buying A's product under B's deal",
    () =>
      ownerA.request(
        'POST',
        '/api/v1/orders',
        {
          shippingAddress: address,
          card: { number: TEST_CARDS.succeeds },
          dealId: b.dealId,
          items: [{ variantId: a.variantId, quantity: 1 }],
        },
        { 'idempotency-key': randomUUID() },
      ),
  ],
  // care: B's conversation through A's inbox
  [
    "changing B's conversation",
    () => ownerA.request('PATCH', `${base}/conversations/${b.conversationId}`, { status: 'resolved' }),
  ],
  [
    "replying in B's conversation",
    () => ownerA.post(`${base}/conversations/${b.conversationId}/replies`, { text: 'hi' }),
  ],
  [
    "a note in B's conversation",
    () => ownerA.post(`${base}/conversations/${b.conversationId}/notes`, { text: 'hi' }),
  ],
  [
    "relabelling a message of B's conversation",
    () =>
      ownerA.request('PUT', `${base}/conversations/${b.conversationId}/messages/${b.messageId}/intent`, {
        intent: 'billing',
      }),
  ],
  [
    "a private request in B's conversation",
    () => ownerA.post(`${base}/conversations/${b.conversationId}/private-request`),
  ],
  [
    "proposing to turn B's conversation into a request",
    () =>
      ownerA.post(`${base}/conversations/${b.conversationId}/conversion-request`, {
        kind: 'rfp',
        title: 'Chairs for B',
        budgetMinor: 1_000,
        currency: 'EUR',
        deadline: inAnHour(),
      }),
  ],
  [
    "proposing to turn B's conversation into an idea",
    () =>
      ownerA.post(`${base}/conversations/${b.conversationId}/idea-request`, {
        title: 'Idea',
        description: 'x',
      }),
  ],
  [
    "withdrawing a proposal in B's conversation",
    () => ownerA.request('DELETE', `${base}/conversations/${b.conversationId}/conversion-request`),
  ],
  [
    "answering a proposal made to B's customer",
    () =>
      ownerA.post(`/api/v1/me/care/conversations/${b.conversationId}/conversion-consent`, { accept: true }),
  ],
  [
    "merging B's conversation into A's",
    () => ownerA.post(`${base}/conversations/${b.conversationId}/merge`, { targetId: a.conversationId }),
  ],
  [
    "merging A's conversation into B's",
    () => ownerA.post(`${base}/conversations/${a.conversationId}/merge`, { targetId: b.conversationId }),
  ],
  // care: B's queue, agent, rule and canned reply through A's settings
  [
    "moving A's conversation to B's queue",
    () => ownerA.request('PATCH', `${base}/conversations/${a.conversationId}`, { queueId: b.queueId }),
  ],
  [
    "assigning A's conversation to B's agent",
    () =>
      ownerA.request('PATCH', `${base}/conversations/${a.conversationId}`, { assignee: 'tenant_agent_b' }),
  ],
  [
    "a rule routing to B's queue",
    () =>
      ownerA.post(`${base}/rules`, {
        name: 'x',
        conditions: { keywords: ['x'] },
        actions: { queueId: b.queueId },
      }),
  ],
  [
    "a rule assigning B's agent",
    () =>
      ownerA.post(`${base}/rules`, {
        name: 'x',
        conditions: { keywords: ['x'] },
        actions: { queueId: a.queueId, assigneeId: agentB.userId },
      }),
  ],
  ["deleting B's rule", () => ownerA.del(`${base}/rules/${b.ruleId}`)],
  [
    "editing B's canned reply",
    () => ownerA.request('PATCH', `${base}/canned-replies/${b.cannedId}`, { body: 'Hijacked' }),
  ],
  ["deleting B's canned reply", () => ownerA.del(`${base}/canned-replies/${b.cannedId}`)],
  ["renaming B's queue", () => ownerA.request('PATCH', `${base}/queues/${b.queueId}`, { name: 'Hijacked' })],
  ["deleting B's queue", () => ownerA.del(`${base}/queues/${b.queueId}`)],
  [
    "an SLA policy for B's queue",
    () =>
      ownerA.request('PUT', `${base}/settings/sla-policies`, {
        policies: [
          {
            queueId: b.queueId,
            priority: 'normal',
            firstResponseMinutes: 1,
            nextResponseMinutes: 1,
            resolutionMinutes: 1,
          },
        ],
      }),
  ],
  // ideas: B's idea through A's workflow, and B's products or ideas through A's idea
  [
    "moving B's idea to planned",
    () => ownerA.post(`/api/v1/ideas/${b.ideaId}/status`, { status: 'planned' }),
  ],
  [
    "owning B's idea",
    () => ownerA.request('PUT', `/api/v1/ideas/${b.ideaId}/owner`, { owner: 'tenant_owner_a' }),
  ],
  [
    "scoring B's idea",
    () => ownerA.request('PUT', `/api/v1/ideas/${b.ideaId}/score`, { impact: 5, effort: 1 }),
  ],
  [
    "an official response on B's idea",
    () => ownerA.post(`/api/v1/ideas/${b.ideaId}/comments`, { body: 'x', official: true }),
  ],
  ["merging B's idea into A's", () => ownerA.post(`/api/v1/ideas/${b.ideaId}/merge`, { intoId: a.ideaId })],
  ["merging A's idea into B's", () => ownerA.post(`/api/v1/ideas/${a.ideaId}/merge`, { intoId: b.ideaId })],
  ["shipping B's idea", () => ownerA.post(`/api/v1/ideas/${b.ideaId}/ship`, { productIds: [a.productId] })],
  [
    "shipping A's idea as B's product",
    () => ownerA.post(`/api/v1/ideas/${a.ideaId}/ship`, { productIds: [b.productId] }),
  ],
  [
    "B's idea vote limits",
    () =>
      ownerA.request('PUT', '/api/v1/orgs/tenant_b/ideas/settings', { votesPerPerson: 1, votesPerIdea: 1 }),
  ],
  [
    "an idea in B's private challenge",
    () => ownerA.post(`/api/v1/challenges/${b.challengeId}/ideas`, { title: 'Mine', description: 'x' }),
  ],
  [
    "a challenge in B's name",
    () =>
      ownerA.post('/api/v1/orgs/tenant_b/challenges', {
        title: 'x',
        description: 'x',
        closesAt: inAnHour(),
        roles: ['employee'],
      }),
  ],
  [
    "a challenge of A inviting B's segment",
    () =>
      ownerA.post('/api/v1/orgs/tenant_a/challenges', {
        title: 'x',
        description: 'x',
        closesAt: inAnHour(),
        segmentId: b.segmentId,
      }),
  ],
  ["restoring B's idea", () => ownerA.post(`/api/v1/ideas/${b.ideaId}/restore`)],
  ["keeping B's idea hidden", () => ownerA.post(`/api/v1/ideas/${b.ideaId}/keep-hidden`)],
  ["restoring B's comment", () => ownerA.post(`/api/v1/idea-comments/${b.ideaCommentId}/restore`)],
  ["keeping B's comment hidden", () => ownerA.post(`/api/v1/idea-comments/${b.ideaCommentId}/keep-hidden`)],
  ["deleting B's comment", () => ownerA.request('DELETE', `/api/v1/idea-comments/${b.ideaCommentId}`)],
  // advocates
  [
    "deleting B's segment through A",
    () => ownerA.request('DELETE', `/api/v1/orgs/tenant_a/advocates/segments/${b.segmentId}`),
  ],
  [
    "a segment in B's name",
    () => ownerA.post('/api/v1/orgs/tenant_b/advocates/segments', { name: 'x', topN: 1 }),
  ],
  [
    "deleting B's segment in B's name",
    () => ownerA.request('DELETE', `/api/v1/orgs/tenant_b/advocates/segments/${b.segmentId}`),
  ],
  ['an influence run for B', () => ownerA.post('/api/v1/orgs/tenant_b/advocates/runs')],
  // listening
  [
    "changing B's topic through A",
    () => ownerA.request('PATCH', `/api/v1/orgs/tenant_a/listening/topics/${b.topicId}`, { query: 'x' }),
  ],
  [
    "deleting B's topic through A",
    () => ownerA.request('DELETE', `/api/v1/orgs/tenant_a/listening/topics/${b.topicId}`),
  ],
  [
    "changing B's auto-tagging rule through A",
    () => ownerA.request('PATCH', `/api/v1/orgs/tenant_a/listening/rules/${b.taggingRuleId}`, { query: 'x' }),
  ],
  [
    "deleting B's auto-tagging rule through A",
    () => ownerA.request('DELETE', `/api/v1/orgs/tenant_a/listening/rules/${b.taggingRuleId}`),
  ],
  [
    "a rule in B's name",
    () => ownerA.post('/api/v1/orgs/tenant_b/listening/rules', { tag: 'x', query: 'x' }),
  ],
  [
    "A's mentions filtered by B's tag",
    () => ownerA.get(`/api/v1/orgs/tenant_a/listening/mentions?tag=${b.taggingRuleId}`),
  ],
  [
    "a topic in B's name",
    () => ownerA.post('/api/v1/orgs/tenant_b/listening/topics', { name: 'x', kind: 'brand', query: 'x' }),
  ],
  [
    "an import into B's mentions",
    () =>
      ownerA.request(
        'POST',
        '/api/v1/orgs/tenant_b/listening/imports?format=twcs',
        'tweet_id,author_id,inbound,created_at,text,response_tweet_id,in_response_to_tweet_id\n1,x,True,Mon Nov 30 10:00:00 +0000 2026,hi,,\n',
        { 'content-type': 'text/csv' },
      ),
  ],
  [
    "a spike scan of B's topic through A",
    () => ownerA.post(`/api/v1/orgs/tenant_a/listening/spikes/scan?topicId=${b.topicId}`, {}),
  ],
  ['a spike scan of B', () => ownerA.post('/api/v1/orgs/tenant_b/listening/spikes/scan', {})],
  ["a briefing book of B's mentions", () => ownerA.post('/api/v1/orgs/tenant_b/listening/briefings', {})],
  [
    "B's industry on the service-quality ranking",
    () => ownerA.request('PUT', '/api/v1/orgs/tenant_b/care/ranking-profile', { industry: 'food' }),
  ],
  [
    "polling B's Mastodon source through A",
    () => ownerA.post(`/api/v1/orgs/tenant_a/listening/sources/${b.sourceId}/poll`, {}),
  ],
  [
    "resuming B's Mastodon source through A",
    () => ownerA.request('PATCH', `/api/v1/orgs/tenant_a/listening/sources/${b.sourceId}`, { enabled: true }),
  ],
  [
    "removing B's Mastodon source through A",
    () => ownerA.request('DELETE', `/api/v1/orgs/tenant_a/listening/sources/${b.sourceId}`),
  ],
  [
    "a Mastodon source in B's name",
    () =>
      ownerA.post('/api/v1/orgs/tenant_b/listening/sources', {
        instanceUrl: 'https://mastodon.example',
        kind: 'hashtag',
        target: 'x',
      }),
  ],
  [
    "opening B's mention in care through A",
    () => ownerA.post(`/api/v1/orgs/tenant_a/listening/mentions/${b.mentionId}/care`, {}),
  ],
  [
    "opening B's mention in care in B's name",
    () => ownerA.post(`/api/v1/orgs/tenant_b/listening/mentions/${b.mentionId}/care`, {}),
  ],
  [
    "changing B's spike alerts",
    () =>
      ownerA.request('PUT', '/api/v1/orgs/tenant_b/listening/alerts', {
        inApp: false,
        emailTo: ['a@a.example'],
        webhookUrl: null,
      }),
  ],
  [
    "reviewing B's referral through A",
    () =>
      ownerA.post(`/api/v1/orgs/tenant_a/referrals/${b.referralId}/review`, {
        decision: 'reject',
        reason: 'mine',
      }),
  ],
  [
    "reviewing B's referral in B's name",
    () =>
      ownerA.post(`/api/v1/orgs/tenant_b/referrals/${b.referralId}/review`, {
        decision: 'reject',
        reason: 'mine',
      }),
  ],
  [
    "B's referral rules",
    () =>
      ownerA.request('PUT', '/api/v1/orgs/tenant_b/referral-settings', {
        holdDays: 0,
        strangerFlagThreshold: 2,
      }),
  ],
  [
    "B's points rules",
    () =>
      ownerA.request('PUT', '/api/v1/orgs/tenant_b/points-rules', {
        rules: [{ kind: 'reshare_sale', points: 1 }],
      }),
  ],
  [
    "B's tiers",
    () =>
      ownerA.request('PUT', '/api/v1/orgs/tenant_b/tiers', {
        tiers: [{ key: 'member', name: 'Taken', minPoints: 0 }],
      }),
  ],
  [
    "a deal of A opening early for B's tier",
    () =>
      ownerA.post('/api/v1/orgs/tenant_a/deals', {
        text: 'Early for B people',
        type: 'percent_off',
        percentOff: 10,
        items: [{ productId: a.productId }],
        startsAt: inAnHour(),
        endsAt: new Date(Date.now() + 7_200_000).toISOString(),
        earlyAccess: { audience: 'tier:b-vip', startsAt: new Date().toISOString() },
      }),
  ],
  [
    "a product of A for B's tier",
    () =>
      ownerA.post('/api/v1/orgs/tenant_a/products', {
        title: 'For B people',
        currency: 'EUR',
        priceMinor: 1_000,
        audience: 'tier:b-vip',
        variants: [{ sku: 'A-FOR-B', stock: 1 }],
      }),
  ],
  [
    "a challenge of A inviting B's tier",
    () =>
      ownerA.post('/api/v1/orgs/tenant_a/challenges', {
        title: 'x',
        description: 'x',
        closesAt: inAnHour(),
        tier: 'b-vip',
      }),
  ],
  [
    "a deal of A aimed at B's segment",
    () =>
      ownerA.post('/api/v1/orgs/tenant_a/deals', {
        text: 'A deal for B people',
        type: 'percent_off',
        percentOff: 10,
        items: [{ productId: a.productId }],
        audience: `segment:${b.segmentId}`,
        endsAt: inAnHour(),
      }),
  ],
  [
    "B's policy rule edited through A's policy",
    () =>
      ownerA.request('PUT', `/api/v1/orgs/tenant_a/policy/rules/${b.policyRuleId}`, {
        kind: 'banned_phrase',
        severity: 'block',
        message: 'Taken over',
        phrases: ['x'],
      }),
  ],
  [
    "B's policy rule edited in B's name",
    () =>
      ownerA.request('PUT', `/api/v1/orgs/tenant_b/policy/rules/${b.policyRuleId}`, {
        kind: 'banned_phrase',
        severity: 'block',
        message: 'Taken over',
        phrases: ['x'],
      }),
  ],
  [
    "B's policy rule removed through A's policy",
    () => ownerA.request('DELETE', `/api/v1/orgs/tenant_a/policy/rules/${b.policyRuleId}`),
  ],
  [
    "B's approval settings",
    () =>
      ownerA.request('PUT', '/api/v1/orgs/tenant_b/approvals/settings', { roles: ['owner'], approvers: 3 }),
  ],
  [
    "approving B's draft through A's queue",
    () => ownerA.post(`/api/v1/orgs/tenant_a/approvals/drafts/${b.draftId}/reviews`, { decision: 'reject' }),
  ],
  [
    "approving B's draft in B's name",
    () => ownerA.post(`/api/v1/orgs/tenant_b/approvals/drafts/${b.draftId}/reviews`, { decision: 'reject' }),
  ],
  [
    "revising B's draft through A",
    () => ownerA.request('PUT', `/api/v1/orgs/tenant_a/approvals/drafts/${b.draftId}`, { text: 'Mine now' }),
  ],
  [
    "publishing B's draft now through A",
    () => ownerA.post(`/api/v1/orgs/tenant_a/approvals/drafts/${b.draftId}/publish`),
  ],
  [
    "a deal draft of A's with B's product",
    () =>
      ownerA.post('/api/v1/orgs/tenant_a/approvals/deals', {
        deal: {
          text: 'B goods, A deal',
          type: 'percent_off',
          percentOff: 10,
          items: [{ productId: b.productId }],
          endsAt: inAnHour(),
        },
      }),
  ],
  [
    "a deal draft in B's name",
    () =>
      ownerA.post('/api/v1/orgs/tenant_b/approvals/deals', {
        deal: {
          text: 'For B',
          type: 'percent_off',
          percentOff: 10,
          items: [{ productId: b.productId }],
          endsAt: inAnHour(),
        },
      }),
  ],
  [
    "a public reply draft of A's in B's conversation",
    () =>
      ownerA.post('/api/v1/orgs/tenant_a/approvals/care-replies', {
        conversationId: b.conversationId,
        text: 'Hello from A',
      }),
  ],
  [
    "B's post put in A's content library",
    () =>
      ownerA.request('PUT', `/api/v1/orgs/tenant_a/advocacy/library/${b.libraryPostId}`, { topic: 'Mine' }),
  ],
  [
    "B's library post re-topicked in B's name",
    () =>
      ownerA.request('PUT', `/api/v1/orgs/tenant_b/advocacy/library/${b.libraryPostId}`, { topic: 'Mine' }),
  ],
  [
    "B's post taken out of B's library through A",
    () => ownerA.request('DELETE', `/api/v1/orgs/tenant_a/advocacy/library/${b.libraryPostId}`),
  ],
  [
    "B's post taken out of B's library in B's name",
    () => ownerA.request('DELETE', `/api/v1/orgs/tenant_b/advocacy/library/${b.libraryPostId}`),
  ],
  [
    "a share of B's library post through A's library",
    () =>
      ownerA.post(`/api/v1/orgs/tenant_a/advocacy/library/${b.libraryPostId}/shares`, { mode: 'reshare' }),
  ],
  [
    "a share from B's library by a non-member",
    () =>
      ownerA.post(`/api/v1/orgs/tenant_b/advocacy/library/${b.libraryPostId}/shares`, { mode: 'reshare' }),
  ],
  [
    "B's certification settings",
    () =>
      ownerA.request('PUT', '/api/v1/orgs/tenant_b/certification/settings', {
        required: false,
        validityDays: 1,
        passPercent: 1,
      }),
  ],
  [
    "B's course edited",
    () =>
      ownerA.request('PUT', '/api/v1/orgs/tenant_b/certification/course', {
        lessons: [{ title: 'x', body: 'y' }],
        questions: [{ id: 'q', prompt: 'p', choices: ['a', 'b'], answer: 0 }],
      }),
  ],
  ["B's quiz answered", () => ownerA.post('/api/v1/orgs/tenant_b/certification/attempts', { answers: [] })],
  [
    "a quiz answer for B's course through A's",
    () =>
      ownerA.post('/api/v1/orgs/tenant_a/certification/attempts', {
        answers: [{ questionId: 'rule-pii-phone-of-b', choice: 0 }],
      }),
  ],
  // requests for proposals
  [
    'a pitch in B’s name',
    () =>
      ownerA.post(`/api/v1/rfps/${b.rfpId}/pitches`, {
        brand: 'tenant_b',
        title: 'Fake B offer',
        terms: '',
        message: '',
        items: [{ variantId: b.variantId, quantity: 1, unitPriceMinor: 1_500 }],
      }),
  ],
  [
    'A’s pitch quoting B’s product',
    () =>
      ownerA.post(`/api/v1/rfps/${b.rfpId}/pitches`, {
        brand: 'tenant_a',
        title: 'A offer with B goods',
        terms: '',
        message: '',
        items: [{ variantId: b.variantId, quantity: 1, unitPriceMinor: 1_500 }],
      }),
  ],
  ['editing B’s pitch', () => ownerA.request('PATCH', `/api/v1/pitches/${b.pitchId}`, { title: 'Hijacked' })],
  ['withdrawing B’s pitch', () => ownerA.post(`/api/v1/pitches/${b.pitchId}/withdraw`)],
  [
    'shortlisting B’s pitch',
    () => ownerA.post(`/api/v1/pitches/${b.pitchId}/shortlist`, { shortlisted: true }),
  ],
  [
    'declining B’s pitch',
    () => ownerA.post(`/api/v1/pitches/${b.pitchId}/decline`, { reason: 'Rival says no' }),
  ],
  [
    'awarding B’s pitch',
    () =>
      ownerA.request(
        'POST',
        `/api/v1/pitches/${b.pitchId}/award`,
        { shippingAddress: address, card: { number: TEST_CARDS.succeeds } },
        { 'idempotency-key': randomUUID() },
      ),
  ],
  ['withdrawing the request B pitched on', () => ownerA.post(`/api/v1/rfps/${b.rfpId}/withdraw`)],
  [
    'inviting the requester to DM as B',
    () => ownerA.post(`/api/v1/rfps/${b.rfpId}/dm-invitations`, { brand: 'tenant_b' }),
  ],
  [
    'quoting as B',
    () =>
      ownerA.post('/api/v1/orgs/tenant_b/quotes', {
        customer: 'tenant_customer',
        items: [{ variantId: b.variantId, quantity: 1 }],
        expiresInHours: 24,
        sendAs: 'public',
      }),
  ],
  [
    'quoting B’s product as A',
    () =>
      ownerA.post('/api/v1/orgs/tenant_a/quotes', {
        customer: 'tenant_customer',
        items: [{ variantId: b.variantId, quantity: 1 }],
        expiresInHours: 24,
        sendAs: 'public',
      }),
  ],
  [
    'setting B’s margin rule',
    () => ownerA.request('PUT', `/api/v1/orgs/tenant_b/margin-rules/${b.productId}`, { minPriceMinor: 1 }),
  ],
  [
    'setting a margin rule on B’s product as A',
    () => ownerA.request('PUT', `/api/v1/orgs/tenant_a/margin-rules/${b.productId}`, { minPriceMinor: 1 }),
  ],
  [
    'accepting B’s quote',
    () =>
      ownerA.request(
        'POST',
        `/api/v1/quotes/${b.quoteId}/accept`,
        { shippingAddress: address, card: { number: TEST_CARDS.succeeds } },
        { 'idempotency-key': randomUUID() },
      ),
  ],
  ['declining B’s quote', () => ownerA.post(`/api/v1/quotes/${b.quoteId}/decline`)],
  [
    'setting B’s sales targets',
    () =>
      ownerA.request('PUT', '/api/v1/orgs/tenant_b/sales-targets', {
        member: 'tenant_owner_a',
        month: '2026-12',
        revenueMinor: 1,
        currency: 'EUR',
        pitches: 1,
        firstResponseSeconds: 3600,
      }),
  ],
  [
    'setting B’s commission rules',
    () => ownerA.request('PUT', '/api/v1/orgs/tenant_b/commission-rules', { baseBp: 9_000, tiers: [] }),
  ],
];

describe('tenancy: a member of one brand can change nothing of another', () => {
  it.each(writes)('should refuse %s with a 4xx and a code, changing nothing of B', async (_name, write) => {
    const before = await snapshotOfB();
    const res = await write();
    expect(res.statusCode, res.body).toBeGreaterThanOrEqual(400);
    expect(res.statusCode, res.body).toBeLessThan(500);
    expect(res.json().code).toEqual(expect.any(String));
    await t.drain();
    expect(await snapshotOfB()).toEqual(before);
  });
});

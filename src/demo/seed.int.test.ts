import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '../../test/support/test-app.ts';
import { DEMO_PASSWORD, generateDemoWorld } from './generate.ts';
import { seedDemoModules } from './modules.ts';

// What `npm start` shows a newcomer: brands with catalogs and live deals, sales credited to posts, reshares and
// referrals, and a care inbox with customers waiting.
let t: TestContext;
beforeAll(async () => {
  t = await createTestApp();
  await generateDemoWorld(t.handle.db, { users: 300, seed: 3, onlyIfEmpty: true });
  await seedDemoModules(t.modules, { seed: 3, brands: 3, drain: () => t.drain() });
  await t.drain();
});
afterAll(() => t.close());

async function signIn(login: string) {
  const res = await t.anonymous.request('POST', '/api/v1/auth/login', { login, password: DEMO_PASSWORD });
  const cookie = res.cookies.find((c) => c.name === 'souk_session')!;
  return (url: string) =>
    t.anonymous.request('GET', url, undefined, { cookie: `souk_session=${cookie.value}` });
}

describe('the demo world', () => {
  it('should have a weekly briefing book for the demo brand, as a page and a PDF', async () => {
    const team = await signIn('team@larchwood.example');
    const books = (await team('/api/v1/orgs/larchwood/listening/briefings')).json().items;
    expect(books).toEqual([expect.objectContaining({ cadence: 'weekly' })]);
    expect(books[0].mentions).toBeGreaterThan(0);
    const book = (await team(`/api/v1/orgs/larchwood/listening/briefings/${books[0].id}`)).json();
    expect(book.figures.care.conversations).toBeGreaterThan(0);
    const pdf = await team(book.pdfUrl);
    expect([pdf.statusCode, pdf.headers['content-type']]).toEqual([200, 'application/pdf']);
  });

  it('should rank the demo brands in public, one of them with not enough data', async () => {
    const page = (await t.anonymous.get('/api/v1/service-ranking')).json();
    const sports = page.industries.find((i: { industry: string }) => i.industry === 'sports');
    expect(sports.brands.map((b: { handle: string; rank: number | null }) => [b.handle, b.rank])).toEqual([
      ['larchwood', 1],
      ['pacebird', 2],
      ['cogwheelcycles', null],
    ]);
  });

  it('should show a request for proposals to three brands, two pitches side by side and one awarded', async () => {
    const team = await signIn('team@larchwood.example');
    const queue = (await team('/api/v1/orgs/larchwood/rfp-queue?status=all')).json();
    expect(queue.items).toHaveLength(2);
    // One came from a care conversation its author agreed to turn into a request.
    const fromCare = queue.items.find((i: { conversationId: string | null }) => i.conversationId);
    expect(fromCare.request.brands.map((b: { handle: string }) => b.handle)).toEqual(['larchwood']);
    const conversation = (
      await team(`/api/v1/orgs/larchwood/care/conversations/${fromCare.conversationId}`)
    ).json();
    expect(conversation.conversion).toMatchObject({
      kind: 'rfp',
      consent: 'granted',
      targetId: fromCare.request.id,
    });
    const asked = queue.items.find((i: { conversationId: string | null }) => !i.conversationId);
    const page = (await team(`/api/v1/rfps/${asked.request.id}`)).json();
    expect(page.request.brands).toHaveLength(3);
    expect(page.request.state).toBe('awarded');
    expect(page.pitches.map((p: { status: string }) => p.status).sort()).toEqual(['lost', 'won']);
    const report = (await team('/api/v1/orgs/larchwood/rfp-report')).json();
    expect(report.won).toBe(1);
    expect(report.revenue[0].totalMinor).toBe(
      page.pitches.find((p: { status: string }) => p.status === 'won').totalMinor,
    );
    // The VRM quote was taken: an order at the quoted price; the team's leaderboard shows the revenue.
    expect(report.quotes).toMatchObject({ accepted: 1 });
    const board = (await team('/api/v1/orgs/larchwood/sales-leaderboard')).json();
    const won = page.pitches.find((p: { status: string }) => p.status === 'won').totalMinor;
    expect(
      board.items.some(
        (i: { revenueMinor: number; revenueBy: { pitches: number } }) =>
          i.revenueBy.pitches === won && i.revenueMinor >= won,
      ),
    ).toBe(true);
  });

  it('should give the demo brand a catalog, live deals and sales credited to posts, reshares and referrals', async () => {
    const team = await signIn('team@larchwood.example');
    const products = (await team('/api/v1/orgs/larchwood/products')).json().items;
    expect(products.length).toBeGreaterThanOrEqual(4);
    expect(products.some((p: { exclusive: boolean }) => p.exclusive)).toBe(true);
    // Every product has a drawn picture, served as an image.
    expect(products.every((p: { gallery: unknown[] }) => p.gallery.length === 1)).toBe(true);
    const picture = await team(products[0].gallery[0].variants.at(-1).url);
    expect([picture.statusCode, picture.headers['content-type']]).toEqual([200, 'image/webp']);
    const posts = (await team('/api/v1/accounts/larchwood/posts')).json().items;
    expect(posts.some((p: { media: { alt: string }[] }) => p.media[0]?.alt.includes('product picture'))).toBe(
      true,
    );
    // Quote posts: a follower quoted the brand's deal; a fan's image-only post was quoted too.
    expect(posts.some((p: { kind: string; counts: { quotes: number } }) => p.counts.quotes > 0)).toBe(true);
    const quotes = (await team('/api/v1/search/posts?q=colours')).json().items;
    expect(quotes).toContainEqual(
      expect.objectContaining({
        text: 'Same here, love the colours',
        quoteOf: expect.objectContaining({ available: true, text: '', media: [expect.anything()] }),
      }),
    );
    const deals = (await team('/api/v1/orgs/larchwood/deals')).json().items;
    // All live but the restock that opens early for Insiders (scheduled for everyone else).
    const open = deals.filter((d: { earlyAccess: unknown }) => !d.earlyAccess);
    expect(open.every((d: { status: string }) => d.status === 'live')).toBe(true);
    expect(deals.filter((d: { status: string }) => d.status === 'scheduled')).toHaveLength(1);
    const sales = (await team('/api/v1/orgs/larchwood/sales')).json();
    expect(sales.orders).toBeGreaterThan(0);
    expect(sales.revenueBySource.map((s: { kind: string }) => s.kind)).toEqual(
      expect.arrayContaining(['post', 'reshare', 'referral']),
    );
  });

  it('should start the demo brand’s care inbox with triaged customer conversations', async () => {
    const team = await signIn('team@larchwood.example');
    const inbox = (await team('/api/v1/orgs/larchwood/care/conversations')).json().items;
    expect(inbox.length).toBeGreaterThanOrEqual(5);
    expect(
      inbox.some(
        (c: { queue: { name: string }; intent: string }) =>
          c.queue?.name === 'Service' && c.intent === 'complaint',
      ),
    ).toBe(true);
    // The team has canned replies to answer with, and the demo shopper sees their question on the Support page.
    const canned = (await team('/api/v1/orgs/larchwood/care/canned-replies')).json().items;
    expect(canned.map((c: { title: string }) => c.title)).toContain('Shipping times');
    const shopper = await signIn('demo@souk.example');
    const mine = (await shopper('/api/v1/me/care/conversations')).json().items;
    expect(mine).toEqual([
      expect.objectContaining({ brand: expect.objectContaining({ handle: 'larchwood' }), status: 'open' }),
    ]);
    expect(mine[0].firstMessage).toContain('Summit Jacket');
  });

  it('should give the demo brand an ideas portal with statuses, a merged duplicate and a shipped idea with orders', async () => {
    const team = await signIn('team@larchwood.example');
    const ideas = (await team('/api/v1/orgs/larchwood/ideas?sort=top&limit=100')).json().items;
    const statuses = new Set(ideas.map((i: { status: string }) => i.status));
    expect([...statuses]).toEqual(
      expect.arrayContaining(['shipped', 'planned', 'in_progress', 'declined', 'under_review']),
    );
    expect(ideas).toHaveLength(5); // the sixth was merged into the repair kit idea
    const similar = (await team('/api/v1/orgs/larchwood/ideas/similar?q=repair%20kit')).json().items;
    expect(similar[0].title).toBe('Jacket repair kit sold with every jacket');
    const returns = (await team('/api/v1/orgs/larchwood/ideas/returns')).json().items;
    expect(returns[0]).toMatchObject({
      title: 'Jacket repair kit sold with every jacket',
      orders: 4,
      currency: 'EUR',
    });
    expect(returns[0].revenueMinor).toBe(7_200);
    // The shipped idea was born from a care conversation, posted with its author's consent, linked both ways.
    const shipped = (await team(`/api/v1/ideas/${returns[0].id}`)).json().idea;
    expect(shipped.careConversationId).toEqual(expect.any(String));
    const conversation = (
      await team(`/api/v1/orgs/larchwood/care/conversations/${shipped.careConversationId}`)
    ).json();
    expect(conversation.ideaRequest).toEqual({
      consent: 'granted',
      title: 'Jacket repair kit sold with every jacket',
      ideaId: returns[0].id,
    });
    expect(shipped.author.id).toBe(conversation.customer.id);
    const challenges = (await team('/api/v1/orgs/larchwood/challenges')).json().items;
    expect(challenges.map((c: { title: string; ideas: number }) => [c.title, c.ideas])).toEqual([
      ['Design our next accessory', 2],
    ]);
  });

  it('should give the demo brand listening topics over six weeks of imported mentions, a spike and a rival', async () => {
    const team = await signIn('team@larchwood.example');
    const topics = (await team('/api/v1/orgs/larchwood/listening/topics')).json().items;
    expect(topics.map((t: { kind: string }) => t.kind).sort()).toEqual([
      'brand',
      'category',
      'competitor',
      'competitor',
      'product',
      'product',
    ]);
    const jacket = topics.find((t: { name: string }) => t.name === 'Summit Jacket');
    const page = (await team(`/api/v1/orgs/larchwood/listening/topics/${jacket.id}/summary`)).json();
    // The zip complaints six days ago stand out of the daily volume, and complaints lead the intent mix that day.
    const daily = page.series.map((s: { count: number }) => s.count);
    const peak = Math.max(...daily);
    const median = [...daily].sort((a: number, b: number) => a - b)[Math.floor(daily.length / 2)];
    expect(peak).toBeGreaterThan(5 * Math.max(median, 1));
    // The spike was found and explained: broken zips.
    const spikes = (await team(`/api/v1/orgs/larchwood/listening/spikes?topicId=${jacket.id}`)).json().items;
    expect(spikes).toHaveLength(1);
    expect(spikes[0].why.terms.slice(0, 3).map((w: { key: string }) => w.key)).toContain('zip');
    expect(page.shareOfVoice.map((v: { name: string }) => v.name)).toEqual([
      'Summit Jacket',
      'Fellcraft',
      'Scree & Co',
    ]);
  });

  it('should give the demo brand referrals in every state, its review queue, and points earned', async () => {
    const team = await signIn('team@larchwood.example');
    const referrals = (await team('/api/v1/orgs/larchwood/referrals?limit=100')).json().items;
    expect(new Set(referrals.map((r: { status: string }) => r.status))).toEqual(
      new Set(['earned', 'reversed', 'pending', 'cancelled', 'refused', 'flagged', 'rejected']),
    );
    const queue = (await team('/api/v1/orgs/larchwood/referrals?status=flagged')).json().items;
    expect(queue).toHaveLength(1);
    expect(queue[0].reason).toMatch(/no follow connection/);
    const champion = referrals.find((r: { status: string }) => r.status === 'earned').referrer;
    const ledger = (await t.modules.advocates.referrals.contributions(
      { userId: champion.id, isAdmin: false, csrfToken: null, memberships: [] },
      {},
    )) as { brands: { points: number }[]; items: { kind: string }[] };
    expect(ledger.brands[0].points).toBe(100); // three earned, one taken back
    expect(ledger.items.map((e) => e.kind)).toContain('reversal');
  });

  it('should show the demo shopper a tier from reshare sales, an early-access deal, friends who bought and the long game', async () => {
    const shopper = await signIn('demo@souk.example');
    const mine = (await shopper('/api/v1/me/contributions?brand=larchwood')).json();
    expect(mine.brands[0]).toMatchObject({ last12Months: 100, tier: { name: 'Insider' } });
    expect(mine.items.filter((e: { kind: string }) => e.kind === 'reshare_sale')).toHaveLength(5);
    const deals = (await shopper('/api/v1/orgs/larchwood/deals')).json().items;
    const early = deals.find((d: { earlyAccess: unknown }) => d.earlyAccess);
    expect(early).toMatchObject({
      status: 'live',
      viewer: { earlyAccess: true },
      earlyAccess: { label: 'Insider' },
    });
    const shared = deals.find(
      (d: { viewer: { friendsBought: { count: number } } }) => d.viewer.friendsBought.count > 0,
    );
    expect(shared.viewer.friendsBought.count).toBe(5);
    // The Insider's other perks: an Insiders-only product, the co-design challenge, the badge in the brand's thread.
    const flask = (await shopper('/api/v1/orgs/larchwood/products'))
      .json()
      .items.find((p: { audience: string | null }) => p.audience === 'tier:insider');
    expect(flask).toMatchObject({ audienceLabel: 'Insider' });
    const invited = (await shopper('/api/v1/orgs/larchwood/challenges')).json().items;
    expect(invited.map((c: { title: string }) => c.title)).toContain('Design our next accessory');
    const thread = (await shopper(`/api/v1/posts/${shared.id}/thread`)).json();
    const reply = thread.replies.find((p: { author: { handle: string } }) => p.author.handle === 'demo');
    expect(reply.author.badges).toEqual([{ brand: 'larchwood', tier: 'Insider' }]);
    const team = await signIn('team@larchwood.example');
    const moves = (await team('/api/v1/orgs/larchwood/tier-changes')).json().items;
    expect(
      moves.some(
        (m: { person: { handle: string }; to: string }) => m.person.handle === 'demo' && m.to === 'Insider',
      ),
    ).toBe(true);
    const game = (await team('/api/v1/orgs/larchwood/long-game')).json();
    expect(game.cohorts.length).toBeGreaterThan(0);
    expect(game.engagement.engaged.customers + game.engagement.notEngaged.customers).toBeGreaterThan(10);
  });

  it('should give the demo brand a policy with its own rules, an audit log, certification and drafts for approval', async () => {
    const team = await signIn('team@larchwood.example');
    const rules = (await team('/api/v1/orgs/larchwood/policy/rules')).json().items;
    expect(rules.some((r: { id: string }) => r.id === 'pii-phone')).toBe(true);
    expect(rules.some((r: { kind: string }) => r.kind === 'competitor')).toBe(true);
    const audit = (await team('/api/v1/orgs/larchwood/policy/audit')).json().items;
    expect(audit.map((e: { action: string }) => e.action).sort()).toEqual(['blocked', 'overridden']);
    const drafts = (await team('/api/v1/orgs/larchwood/approvals/drafts')).json().items as {
      status: string;
      kind: string;
      postId: string | null;
    }[];
    expect(
      drafts
        .filter((d) => d.status === 'pending')
        .map((d) => d.kind)
        .sort(),
    ).toEqual(['brand_post', 'deal']);
    const published = drafts.find((d) => d.kind === 'deal' && d.status === 'published');
    expect((await team(`/api/v1/deals/${published?.postId}`)).json().status).toBe('live');
    expect((await team('/api/v1/orgs/larchwood/certification/me')).json()).toMatchObject({
      required: true,
      certified: true,
    });
    const roster = (await team('/api/v1/orgs/larchwood/certification/certificates')).json().items;
    expect(roster.length).toBeGreaterThan(1);
  });

  it('should give the demo brand a content library and a staff share that led to an order on the leaderboard', async () => {
    const team = await signIn('team@larchwood.example');
    const library = (await team('/api/v1/orgs/larchwood/advocacy/library')).json();
    expect(library.topics.map((x: { topic: string }) => x.topic)).toEqual(['Brand news', 'Deals']);
    const board = (await team('/api/v1/orgs/larchwood/advocacy/leaderboard?sort=revenue')).json();
    expect(board.items[0]).toMatchObject({ rank: 1, shares: 1 });
    expect(board.items[0].orders).toBeGreaterThan(0);
    expect(board.items[0].revenue[0].amountMinor).toBeGreaterThan(0);
    expect(board.items[0].points).toBeGreaterThan(0);
  });
});

import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_CARDS } from '../../src/modules/commerce/index.ts';
import { createPerson, type Harness, logIn, startHarness } from './harness.ts';

let h: Harness;
let openDealId: string;
let earlyDealId: string;
let deskLampId: string;
const REPLY = 'Passed this on to my book club';
const DAY_MS = 86_400_000;
const PHONE = { width: 390, height: 844 };
const principalOf = (id: string) => h.app.modules.identity.service.resolvePrincipalForUser(id);
const phone = (): Promise<BrowserContext> =>
  h.browser.newContext({ baseURL: h.url, viewport: PHONE, isMobile: true, hasTouch: true });

/**
 * A brand whose Insider tier starts at 20 points; Mia reshares its deal and Bo buys through the reshare, which makes
 * Mia an Insider; Bo shares his purchases and Mia follows him; a restock opens early for Insiders; a few more
 * customers, some following the brand before they bought, feed the long-game dashboard.
 */
beforeAll(async () => {
  h = await startHarness();
  const { identity, social, commerce, advocates } = h.app.modules;
  const tess = await createPerson(h, 'tess');
  await identity.orgs.create(await principalOf(tess.id), {
    handle: 'tiershop',
    name: 'Tier Shop',
    kind: 'brand',
  });
  const owner = await principalOf(tess.id);
  await advocates.tiers.saveLadder(owner, 'tiershop', {
    tiers: [
      { key: 'member', name: 'Member', minPoints: 0 },
      { key: 'insider', name: 'Insider', minPoints: 20, perks: 'Early access to restocks' },
    ],
  });
  const lamp = await commerce.catalog.create(owner, 'tiershop', {
    title: 'Reading lamp',
    description: 'Warm light.',
    priceMinor: 4_000,
    currency: 'EUR',
    variants: [{ sku: 'RL-1', name: 'Brass', stock: 100 }],
  });
  const deal = (text: string, extra: object = {}) =>
    commerce.deals.publish(owner, 'tiershop', {
      text,
      items: [{ productId: lamp.id }],
      type: 'percent_off',
      percentOff: 10,
      endsAt: new Date(Date.now() + 9 * DAY_MS).toISOString(),
      audience: 'everyone',
      ...extra,
    });
  openDealId = (await deal('Reading lamps, 10% off')).id;
  const mia = await createPerson(h, 'mia');
  const bo = await createPerson(h, 'bo');
  await createPerson(h, 'nel');
  const reshareId = await social.posts.reshare(await principalOf(mia.id), openDealId);
  await commerce.friends.decide(await principalOf(bo.id), true);
  await social.follows.follow(await principalOf(mia.id), 'bo');
  const buy = async (id: string, source?: { postId: string }) =>
    commerce.checkout.place(
      await principalOf(id),
      {
        dealId: openDealId,
        items: [{ variantId: lamp.variants[0].id, quantity: 1 }],
        shippingAddress: {
          name: 'Buyer',
          line1: '1 Lamp Lane',
          city: 'Leeds',
          postalCode: 'LS1 1AA',
          country: 'GB',
        },
        card: { number: TEST_CARDS.succeeds },
        ...(source ? { source } : {}),
      },
      crypto.randomUUID(),
    );
  await buy(bo.id, { postId: reshareId });
  for (const [i, name] of ['cal', 'dee', 'eve', 'fox', 'gil'].entries()) {
    const p = await createPerson(h, name);
    if (i < 3) await social.follows.follow(await principalOf(p.id), 'tiershop');
    await buy(p.id);
    if (i % 2 === 0) await buy(p.id);
  }
  earlyDealId = (
    await deal('Restock: Insiders first', {
      startsAt: new Date(Date.now() + 2 * DAY_MS).toISOString(),
      earlyAccess: { audience: 'tier:insider', startsAt: new Date().toISOString() },
    })
  ).id;
  // Perks: an Insiders-only lamp, and Mia's reply in the brand's thread (where her badge shows).
  deskLampId = (
    await commerce.catalog.create(owner, 'tiershop', {
      title: 'Brass desk lamp',
      priceMinor: 9_000,
      currency: 'EUR',
      audience: 'tier:insider',
      variants: [{ sku: 'DL-1', stock: 10 }],
    })
  ).id;
  await social.posts.create(await principalOf(mia.id), { text: REPLY, inReplyToId: openDealId });
  // The reshare's sale reaches the ledger through the outbox; wait for Mia's move to Insider.
  for (let i = 0; i < 300 && !(await advocates.tiers.members(tess.id, 'insider')).includes(mia.id); i++)
    await new Promise((r) => setTimeout(r, 100));
}, 180_000);
afterAll(() => h?.close());

describe('tiers, early access, friends bought and the long game', () => {
  it('should let an Insider see and buy a deal before others, at desktop width', async () => {
    const mia = await logIn(await h.newContext(), 'mia', 'team password 1');
    await mia.goto(`/deals/${earlyDealId}`);
    await expect
      .poll(() => mia.getByTestId('deal-early-access').textContent(), { timeout: 20_000 })
      .toContain('Early access for you as Insider');
    expect(await mia.getByTestId('deal-buy').isEnabled()).toBe(true);
    const nel = await logIn(await h.newContext(), 'nel', 'team password 1');
    await nel.goto(`/deals/${earlyDealId}`);
    await expect.poll(() => nel.getByTestId('deal-card').count(), { timeout: 10_000 }).toBe(0);
  });

  it('should let the brand open a deal early for a tier from the deal composer', async () => {
    const local = (d: Date) =>
      new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
    const tess = await logIn(await h.newContext(), 'tess', 'team password 1');
    await tess.goto('/orgs/tiershop/deals/new');
    await tess.getByTestId('deal-text').fill('Lamp shades: Insiders a day early');
    await tess.locator('[data-testid="deal-product"][data-title="Reading lamp"]').check();
    await tess.getByTestId('deal-starts').fill(local(new Date(Date.now() + 2 * DAY_MS)));
    await tess.getByTestId('deal-early-audience').selectOption('tier:insider');
    await tess.getByTestId('deal-early-starts').fill(local(new Date(Date.now() + DAY_MS)));
    await tess.getByTestId('deal-publish').click();
    await tess.getByTestId('deal-published').waitFor({ timeout: 20_000 });
    const { identity, commerce } = h.app.modules;
    const owner = await principalOf((await identity.accounts.byHandle('tess'))!.id);
    const deals = await commerce.deals.listForOrg('tiershop', owner);
    const made = deals.find((d) => d.text === 'Lamp shades: Insiders a day early');
    expect(made?.earlyAccess).toMatchObject({ label: 'Insider' });
  });

  it('should show friends bought, the tier and its progress on a 390 px phone', async () => {
    const mia = await logIn(await phone(), 'mia', 'team password 1');
    await mia.goto(`/deals/${openDealId}`);
    await expect
      .poll(() => mia.getByTestId('friends-bought').textContent(), { timeout: 20_000 })
      .toContain('bo, whom you follow, bought this');
    await mia.goto(`/deals/${earlyDealId}`);
    await mia.getByTestId('deal-early-access').waitFor();
    await mia.goto('/me/rewards');
    await expect.poll(() => mia.getByTestId('my-tier').textContent(), { timeout: 20_000 }).toBe('Insider');
    expect(await mia.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    // Nel follows nobody who shares: no line, and Bo's purchase is not revealed to him.
    const nel = await logIn(await phone(), 'nel', 'team password 1');
    await nel.goto(`/deals/${openDealId}`);
    await nel.getByTestId('deal-card').waitFor();
    expect(await nel.getByTestId('friends-bought').count()).toBe(0);
  });

  it("should show Mia's Insider badge in the brand's thread and on her profile, at desktop and phone width", async () => {
    for (const onPhone of [false, true]) {
      const context = onPhone ? await phone() : await h.newContext();
      const nel = await logIn(context, 'nel', 'team password 1');
      await nel.goto(`/posts/${openDealId}`);
      const reply = nel.locator('[data-testid="post"]', { hasText: REPLY });
      await expect
        .poll(() => reply.getByTestId('tier-badge').textContent(), { timeout: 20_000 })
        .toBe('Insider · tiershop');
      // The brand's own post and Nel's name carry none.
      expect(
        await nel.locator('[data-testid="post"]', { hasNotText: REPLY }).getByTestId('tier-badge').count(),
      ).toBe(0);
      await nel.goto('/@mia');
      await expect
        .poll(() => nel.getByTestId('profile-header').getByTestId('tier-badge').textContent(), {
          timeout: 20_000,
        })
        .toBe('Insider · tiershop');
      if (onPhone)
        expect(await nel.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
          PHONE.width,
        );
      await context.close();
    }
  });

  it('should refuse the Insiders-only lamp to a non-member with who may buy it, and sell it to an Insider', async () => {
    const checkout = async (context: BrowserContext, who: string) => {
      const page = await logIn(context, who, 'team password 1');
      await page.goto(`/products/${deskLampId}`);
      await expect
        .poll(() => page.getByTestId('insiders-chip').textContent(), { timeout: 20_000 })
        .toBe('Insiders only · for Insider members and above');
      await page.getByTestId('product-buy-now').click();
      await page.getByTestId('address-name').fill(who);
      await page.getByTestId('address-line1').fill('Unter den Linden 1');
      await page.getByTestId('address-postalCode').fill('10117');
      await page.getByTestId('address-city').fill('Berlin');
      await page.getByTestId('address-country').selectOption({ label: 'Germany' });
      await page.getByTestId('checkout-card').fill('4242 4242 4242 4242');
      return page;
    };
    // The price check already refuses Nel: the reason shows and the order cannot be placed.
    const nel = await checkout(await phone(), 'nel');
    await expect
      .poll(() => nel.getByTestId('checkout-sheet').textContent(), { timeout: 20_000 })
      .toContain('Insiders only: for the brand’s Insider members and those above');
    expect(await nel.getByTestId('checkout-submit').isDisabled()).toBe(true);
    expect(await nel.getByTestId('checkout-result').count()).toBe(0);
    expect(await nel.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    const mia = await checkout(await h.newContext(), 'mia');
    await mia.getByTestId('checkout-submit').click();
    await expect
      .poll(() => mia.getByTestId('checkout-result').getAttribute('data-state'), { timeout: 20_000 })
      .toBe('paid');
  });

  it('should render the long-game dashboard with its interval at desktop and phone width', async () => {
    for (const context of [await h.newContext(), await phone()]) {
      const tess = await logIn(context, 'tess', 'team password 1');
      await tess.goto('/orgs/tiershop/advocates/long-game');
      const interval = tess.getByTestId('lift-engaged-spend-per-customer-interval');
      await expect
        .poll(() => interval.textContent(), { timeout: 20_000 })
        .toMatch(/95% interval [+-]\d+% to [+-]\d+%/);
      await tess.getByTestId('cohort-chart').waitFor();
      await tess.goto('/orgs/tiershop/advocates/tiers');
      await expect
        .poll(() => tess.getByTestId('tier-change').count(), { timeout: 20_000 })
        .toBeGreaterThan(0);
    }
  });
});

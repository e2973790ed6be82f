import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPerson, type Harness, logIn, startHarness } from './harness.ts';

let h: Harness;
let dealId: string;
const PHONE = { width: 390, height: 844 };
const principalOf = (id: string) => h.app.modules.identity.service.resolvePrincipalForUser(id);
const phone = (): Promise<BrowserContext> =>
  h.browser.newContext({ baseURL: h.url, viewport: PHONE, isMobile: true, hasTouch: true });

/** A brand with followers and a live deal; the brand sets a hold of 0 days so a referral is earned at once. */
beforeAll(async () => {
  h = await startHarness();
  const { identity, social, commerce, advocates } = h.app.modules;
  const olga = await createPerson(h, 'olga');
  await identity.orgs.create(await principalOf(olga.id), {
    handle: 'advoshop',
    name: 'Advo Shop',
    kind: 'brand',
  });
  const owner = await principalOf(olga.id);
  const rosa = await createPerson(h, 'rosa');
  const finn = await createPerson(h, 'finn');
  for (const p of [rosa, finn]) await social.follows.follow(await principalOf(p.id), 'advoshop');
  await social.follows.follow(await principalOf(finn.id), 'rosa');
  for (const name of ['ava', 'ben', 'cy']) {
    const p = await createPerson(h, name);
    await social.follows.follow(await principalOf(p.id), 'rosa');
    await social.follows.follow(await principalOf(p.id), 'advoshop');
  }
  const lamp = await commerce.catalog.create(owner, 'advoshop', {
    title: 'Desk lamp',
    description: 'Warm light.',
    priceMinor: 5_000,
    currency: 'EUR',
    variants: [{ sku: 'LAMP-1', name: 'Brass', stock: 50 }],
  });
  const card = await commerce.deals.publish(owner, 'advoshop', {
    text: 'Desk lamps, 10% off',
    items: [{ productId: lamp.id }],
    type: 'percent_off',
    percentOff: 10,
    endsAt: new Date(Date.now() + 2 * 86_400_000).toISOString(),
    audience: 'everyone',
  });
  dealId = card.id;
  await advocates.referrals.saveSettings(owner, 'advoshop', { holdDays: 0, strangerFlagThreshold: 10 });
});
afterAll(() => h?.close());

async function payWithTestCard(page: Page, name: string) {
  await page.getByTestId('address-name').fill(name);
  await page.getByTestId('address-line1').fill('2 Garden Lane');
  await page.getByTestId('address-postalCode').fill('LS2 2BB');
  await page.getByTestId('address-city').fill('Leeds');
  await page.getByTestId('address-country').selectOption('GB');
  await page.getByTestId('checkout-card').fill('4242 4242 4242 4242');
  await page.getByTestId('checkout-submit').click();
  const result = page.getByTestId('checkout-result');
  await result.waitFor();
  await expect.poll(() => result.getAttribute('data-state'), { timeout: 20_000 }).toBe('paid');
}

describe('advocates and referrals', () => {
  it('should show the brand its advocates ranked with each factor after a recompute', async () => {
    const context = await h.newContext();
    const page = await logIn(context, 'olga', 'team password 1');
    await page.goto('/orgs/advoshop/advocates');
    await page.getByTestId('workspace-tab-advocates').waitFor();
    // The schedule may have computed the brand already; Recompute queues a new run for the background job.
    const lastRun = page.getByTestId('advocates-last-run');
    await expect.poll(() => lastRun.isVisible(), { timeout: 20_000 }).toBe(true);
    const before = await lastRun.getAttribute('data-run');
    await expect
      .poll(() => page.getByTestId('advocates-recompute').isEnabled(), { timeout: 60_000 })
      .toBe(true);
    await page.getByTestId('advocates-recompute').click();
    // The page looks again until the new run is done.
    await expect
      .poll(
        async () => `${await lastRun.getAttribute('data-run')} ${await lastRun.getAttribute('data-status')}`,
        {
          timeout: 60_000,
        },
      )
      .toMatch(/^\S+ done$/);
    expect(await lastRun.getAttribute('data-run')).not.toBe(before);
    expect(await lastRun.textContent()).toMatch(/Last computed .* 5 people/);
    const rows = page.getByTestId('advocate-row');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(5);
    // Rosa is followed by four people: the widest reach, ranked first, each factor shown.
    const rosa = page.locator('[data-testid="advocate-row"][data-handle="rosa"]');
    expect(await rows.first().getAttribute('data-handle')).toBe('rosa');
    expect(await rosa.textContent()).toMatch(/4 followers/);
    expect(await rosa.textContent()).toMatch(/0 of 0 referred bought/);
    expect(await page.locator('.advocates-table thead').textContent()).toMatch(
      /Reach.*Value.*Referral conversion/,
    );
    await page.getByText('How the score is made').click();
    expect(await page.locator('.advocates-help').textContent()).toContain('PageRank');
    await context.close();
  });

  it('should turn a friend’s first order through a shared link into a referral the referrer sees earned', async () => {
    const rosaContext = await h.newContext();
    const rosa = await logIn(rosaContext, 'rosa', 'team password 1');
    await rosa.goto(`/deals/${dealId}`);
    const shareUrl = await rosa.getByTestId('deal-share').first().getAttribute('data-share-url');
    expect(shareUrl).toBe(`/deals/${dealId}?ref=rosa`);

    // Finn opens Rosa's link on his phone and buys.
    const finnContext = await phone();
    const finn = await logIn(finnContext, 'finn', 'team password 1');
    await finn.goto(shareUrl ?? '/');
    await finn.getByTestId('deal-buy').first().click();
    await payWithTestCard(finn, 'Finn Fox');
    await finnContext.close();

    await rosa.goto('/me/rewards');
    expect(await rosa.getByTestId('my-referral-code').textContent()).toBe('rosa');
    const referral = rosa.getByTestId('my-referral').first();
    // Pending through the hold (0 days here), then earned by the background job.
    await expect
      .poll(
        async () => {
          await rosa.reload();
          return referral.getAttribute('data-status').catch(() => null);
        },
        { timeout: 60_000, interval: 1_000 },
      )
      .toBe('earned');
    expect(await referral.textContent()).toMatch(/€45\.00/);
    expect(await rosa.getByTestId('rewards-brand').first().textContent()).toMatch(/50 points/);
    expect(await rosa.getByTestId('my-ledger').textContent()).toMatch(/Referred a first order/);
    await rosaContext.close();
  });

  it('should show advocates as cards and the referrals to the brand on a 390 px phone', async () => {
    const context = await phone();
    const page = await logIn(context, 'olga', 'team password 1');
    await page.goto('/orgs/advoshop/advocates');
    const first = page.getByTestId('advocate-row').first();
    await first.waitFor();
    expect(await page.locator('.advocates-table thead').isVisible()).toBe(false);
    const box = await first.boundingBox();
    expect(box?.width ?? 999).toBeLessThanOrEqual(PHONE.width);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await page.getByTestId('advocates-tab-referrals').click();
    await page.getByLabel('Referral state').selectOption('');
    const row = page.getByTestId('brand-referral').first();
    await row.waitFor();
    expect(await row.getAttribute('data-status')).toBe('earned');
    expect(await row.textContent()).toMatch(/rosa.*finn/s);
    await context.close();
  });
});

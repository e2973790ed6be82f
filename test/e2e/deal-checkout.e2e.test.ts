import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPerson, type Harness, logIn, startHarness } from './harness.ts';

let h: Harness;
let dealId: string;

const principalOf = (id: string) => h.app.modules.identity.service.resolvePrincipalForUser(id);

/** The brand, its catalog and a live deal, set up through the services; the journeys happen in the browser. */
beforeAll(async () => {
  h = await startHarness();
  const { identity, social, commerce } = h.app.modules;
  const olga = await createPerson(h, 'olga');
  await identity.orgs.create(await principalOf(olga.id), {
    handle: 'peakline',
    name: 'Peakline Outdoor',
    kind: 'brand',
    bio: 'Tents and packs',
  });
  await identity.orgs.setVerified({ ...(await principalOf(olga.id)), isAdmin: true }, 'peakline', true);
  const owner = await principalOf(olga.id);

  const mark = await createPerson(h, 'mark');
  const invitation = await identity.orgs.invite(owner, 'peakline', 'mark', 'marketer');
  await identity.orgs.respond(await principalOf(mark.id), invitation.id, 'accept');

  const fiona = await createPerson(h, 'fiona');
  await social.follows.follow(await principalOf(fiona.id), 'peakline');
  const rhea = await createPerson(h, 'rhea');
  await social.follows.follow(await principalOf(rhea.id), 'peakline');
  const ravi = await createPerson(h, 'ravi');
  await social.follows.follow(await principalOf(ravi.id), 'rhea');

  const tent = await commerce.catalog.create(owner, 'peakline', {
    title: 'Summit 2 Tent',
    description: 'Two people, three seasons.',
    priceMinor: 30_000,
    currency: 'EUR',
    resellerFloorMinor: 25_000,
    variants: [
      { sku: 'SUM2-GRN', name: 'Green', stock: 50 },
      { sku: 'SUM2-ORG', name: 'Orange', stock: 50 },
    ],
  });
  const card = await commerce.deals.publish(owner, 'peakline', {
    text: 'Summit 2 at 10% off this week #deals',
    items: [{ productId: tent.id }],
    type: 'percent_off',
    percentOff: 10,
    endsAt: new Date(Date.now() + 2 * 86_400_000).toISOString(),
    quantityCap: 20,
    perCustomerLimit: 2,
    audience: 'everyone',
  });
  dealId = card.id;
  await social.posts.reshare(await principalOf(rhea.id), dealId);
});
afterAll(() => h?.close());

/** Timelines fill after commit (fan-out on write): reload until the deal card is there. */
async function dealCardInTimeline(page: Page) {
  const card = page.getByTestId('deal-card').first();
  await expect
    .poll(
      async () => {
        await page.goto('/');
        await page
          .getByTestId('post')
          .first()
          .waitFor({ timeout: 5_000 })
          .catch(() => {});
        return card.isVisible();
      },
      { timeout: 20_000, interval: 500 },
    )
    .toBe(true);
  return card;
}

async function payWithTestCard(page: Page, name: string) {
  await page.getByTestId('address-name').fill(name);
  await page.getByTestId('address-line1').fill('1 Harbour Road');
  await page.getByTestId('address-postalCode').fill('LS1 1AA');
  await page.getByTestId('address-city').fill('Leeds');
  await page.getByTestId('address-country').selectOption('GB');
  await page.getByTestId('checkout-card').fill('4242 4242 4242 4242');
  await page.getByTestId('checkout-submit').click();
  const result = page.getByTestId('checkout-result');
  await result.waitFor();
  return result;
}

describe('deal feed and social checkout', () => {
  it('should let a follower buy from a deal card in the home timeline and credit the sale to the post', async () => {
    const context = await h.newContext();
    const page = await logIn(context, 'fiona', 'team password 1');
    const card = await dealCardInTimeline(page);
    expect(await card.getByTestId('deal-countdown').textContent()).toMatch(/Ends in 1d \d\d:\d\d:\d\d/);
    expect(await card.getByTestId('deal-remaining').textContent()).toContain('20 of 20 left');
    expect(await card.getByTestId('deal-price').textContent()).toContain('270.00');

    await card.getByTestId('deal-buy').click();
    expect(await page.getByTestId('checkout-total').textContent()).toContain('270.00');
    const result = await payWithTestCard(page, 'Fiona Fell');
    await expect.poll(() => result.getAttribute('data-state')).toBe('paid');
    expect(await result.textContent()).toMatch(/Paid €270\.00/);
    await expect.poll(() => card.getByTestId('deal-remaining').textContent()).toContain('19 of 20 left');

    await page.getByTestId('checkout-order-link').click();
    await page.waitForURL(/\/orders\//);
    expect(await page.getByTestId('order-status').first().textContent()).toMatch(/paid/i);
    expect(await page.getByTestId('order-attribution').textContent()).toMatch(/deal post/);
    await context.close();

    const brand = await h.newContext();
    const dashboard = await logIn(brand, 'olga', 'team password 1');
    await dashboard.goto('/orgs/peakline/sales');
    await expect.poll(() => dashboard.getByTestId('sales-revenue').textContent()).toContain('270.00');
    const fromPost = dashboard.getByTestId('sales-by-source').locator('[data-kind="post"]');
    expect(await fromPost.textContent()).toMatch(/deal post\s*1\s*€270\.00/);
    await brand.close();
  });

  it('should credit a sale through a reshare to the person who reshared it', async () => {
    const context = await h.newContext();
    const page = await logIn(context, 'ravi', 'team password 1');
    const card = await dealCardInTimeline(page);
    const post = page.getByTestId('post').filter({ has: card });
    expect(await post.getByTestId('reshared-by').textContent()).toContain('rhea');
    await card.getByTestId('deal-buy').click();
    const result = await payWithTestCard(page, 'Ravi Rao');
    await expect.poll(() => result.getAttribute('data-state')).toBe('paid');
    await context.close();

    const brand = await h.newContext();
    const dashboard = await logIn(brand, 'olga', 'team password 1');
    await dashboard.goto(`/orgs/peakline/deals/${dealId}/sales`);
    const viaReshare = dashboard.getByTestId('sales-by-source').locator('[data-kind="reshare"]');
    await viaReshare.waitFor();
    expect(await viaReshare.textContent()).toMatch(/Reshare by @rhea\s*1\s*€270\.00/);
    expect(await dashboard.getByTestId('sales-revenue').textContent()).toContain('540.00');
    await brand.close();
  });

  it('should show a marketer why the channel guard refuses an undercutting deal, without an override', async () => {
    const context = await h.newContext();
    const page = await logIn(context, 'mark', 'team password 1');
    await page.getByTestId('nav-deals').click();
    await page.getByTestId('deal-new').click();
    await page.getByTestId('deal-text').fill('Half price tents!');
    await page.getByTestId('deal-percent').fill('50');
    await page.locator('[data-testid="deal-product"][data-title="Summit 2 Tent"]').check();
    await page.getByTestId('deal-publish').click();

    const violation = page.getByTestId('guard-violation');
    await violation.waitFor();
    expect(await violation.textContent()).toMatch(
      /Summit 2 Tent.*€150\.00.*€100\.00 below the reseller floor of €250\.00/,
    );
    expect(await page.getByTestId('guard-alternatives').textContent()).toMatch(/at least €250\.00/);
    expect(await page.getByTestId('guard-no-override').isVisible()).toBe(true);
    expect(await page.getByTestId('guard-override-reason').count()).toBe(0);
    await context.close();
  });

  it('should let the brand filter, fulfil and partly refund an order, and show the buyer each step with who did it', async () => {
    const brand = await h.newContext();
    const staff = await logIn(brand, 'olga', 'team password 1');
    await staff.getByTestId('nav-brand-orders').click();
    await staff.waitForURL(/\/orgs\/peakline\/orders/);
    const fionas = staff.getByTestId('staff-order').filter({ hasText: '@fiona' });
    await fionas.waitFor();
    expect(await fionas.getByTestId('order-status').getAttribute('data-status')).toBe('paid');

    await fionas.getByTestId('order-fulfil').click();
    await expect.poll(() => fionas.getByTestId('order-status').getAttribute('data-status')).toBe('fulfilled');
    // The status filter keeps only the orders in that state.
    await staff.getByTestId('orders-filter').selectOption('paid');
    await expect.poll(() => fionas.count()).toBe(0);
    await staff.getByTestId('orders-filter').selectOption('fulfilled');
    await fionas.waitFor();

    // A refund over what is left cannot be sent; €20 of €270 can.
    await fionas.getByTestId('order-refund').click();
    await fionas.getByTestId('refund-amount').fill('300');
    expect(await fionas.locator('.refund-form button[type="submit"]').isDisabled()).toBe(true);
    await fionas.getByTestId('refund-amount').fill('20');
    await fionas.locator('.refund-form button[type="submit"]').click();
    await expect.poll(() => fionas.textContent()).toContain('€20.00 refunded');
    await brand.close();

    // The buyer's order history shows the shipment and the refund, with who made them.
    const buyer = await h.newContext();
    const page = await logIn(buyer, 'fiona', 'team password 1');
    await page.goto('/orders');
    await page.getByTestId('order-card').first().click();
    const timeline = page.getByTestId('order-timeline');
    await timeline.waitFor();
    expect(await timeline.textContent()).toMatch(/Shipped.*by olga.*Refunded €20\.00.*by olga/s);
    await buyer.close();
  });
});

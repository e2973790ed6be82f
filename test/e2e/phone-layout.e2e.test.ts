import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPerson, type Harness, logIn, startHarness } from './harness.ts';

let h: Harness;
let conversationId = '';
const PHONE = { width: 390, height: 844 };
const principalOf = (id: string) => h.app.modules.identity.service.resolvePrincipalForUser(id);

/** A brand with a product, a live deal and a customer's complaint in its inbox, set up through the services. */
beforeAll(async () => {
  h = await startHarness();
  const { identity, social, commerce } = h.app.modules;
  const olga = await createPerson(h, 'olga');
  await identity.orgs.create(await principalOf(olga.id), {
    handle: 'brightmart',
    name: 'Brightmart',
    kind: 'brand',
  });
  await identity.orgs.setVerified({ ...(await principalOf(olga.id)), isAdmin: true }, 'brightmart', true);
  const owner = await principalOf(olga.id);
  const lamp = await commerce.catalog.create(owner, 'brightmart', {
    title: 'Arc floor lamp with a rather long name for a narrow screen',
    priceMinor: 8_900,
    currency: 'EUR',
    variants: [{ sku: 'ARC-1', name: 'Brass', stock: 20 }],
  });
  await commerce.deals.publish(owner, 'brightmart', {
    text: 'The Arc lamp at 10% off this week #deals',
    items: [{ productId: lamp.id }],
    type: 'percent_off',
    percentOff: 10,
    endsAt: new Date(Date.now() + 2 * 86_400_000).toISOString(),
    quantityCap: 20,
    perCustomerLimit: 2,
    audience: 'everyone',
  });
  const carla = await createPerson(h, 'carla');
  await social.posts.create(await principalOf(carla.id), {
    text: '@brightmart my lamp arrived broken and nobody answers my emails, this is terrible service',
  });
});
afterAll(() => h?.close());

const phoneContext = () =>
  h.browser.newContext({ baseURL: h.url, viewport: PHONE, isMobile: true, hasTouch: true });

/** The page is no wider than the screen: nothing to scroll sideways. */
async function expectNoHorizontalOverflow(page: Page) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(PHONE.width);
}

/** The control is on screen and on top: a tap at its centre reaches it, not a bar or a header over it. */
async function expectTappable(control: Locator) {
  await control.scrollIntoViewIfNeeded();
  const onTop = await control.evaluate((el) => {
    const r = el.getBoundingClientRect();
    const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    return r.width > 0 && r.right <= window.innerWidth && hit !== null && (hit === el || el.contains(hit));
  });
  expect(onTop).toBe(true);
}

/** The phone's bottom bar: its labels, each item whole on screen and not covered. */
async function bottomBarLabels(page: Page) {
  const items = page.getByTestId('phone-bar').locator('.phone-bar-item');
  const labels: string[] = [];
  for (const item of await items.all()) {
    await expectTappable(item);
    labels.push(((await item.locator('.phone-bar-label').textContent()) ?? '').trim());
  }
  return labels;
}

describe('brand pages on a phone (390 × 844)', () => {
  it('should show the inbox list, open a conversation with its reply box, and go back to the list', async () => {
    const context = await phoneContext();
    const page = await logIn(context, 'olga', 'team password 1');
    await page.goto('/orgs/brightmart/inbox');
    const row = page.getByTestId('inbox-conversation').first();
    await row.waitFor({ timeout: 15_000 });
    await expectNoHorizontalOverflow(page);
    expect(await bottomBarLabels(page)).toEqual(['Inbox', 'Catalog', 'Deals', 'Sales', 'More']);
    // Only the list shows; nothing of a conversation hides below it.
    expect(await page.getByTestId('conversation-detail').count()).toBe(0);
    await expectTappable(page.getByTestId('inbox-status-pending'));

    await expectTappable(row);
    conversationId = (await row.getAttribute('data-conversation-id')) ?? '';
    await row.click();
    await page.waitForURL((u) => u.searchParams.get('c') === conversationId);
    const detail = page.getByTestId('conversation-detail');
    await detail.waitFor();
    expect(await page.getByTestId('inbox-list').isVisible()).toBe(false);
    // The conversation's header is on top (no toolbar over it), with the back button and the reply box reachable.
    await expectTappable(detail.locator('.care-detail-head h2'));
    await expectTappable(page.getByTestId('inbox-back'));
    await expectTappable(page.getByTestId('reply-text'));
    await expectTappable(page.getByTestId('reply-submit'));
    await expectNoHorizontalOverflow(page);

    await page.getByTestId('inbox-back').click();
    await page.waitForURL((u) => !u.searchParams.has('c'));
    await row.waitFor();
    expect(await page.getByTestId('conversation-detail').count()).toBe(0);
    await expectTappable(row);

    // The phone's back gesture leaves a reopened conversation for the list, as in a mail app.
    await row.click();
    await page.getByTestId('conversation-detail').waitFor();
    await page.goBack();
    await page.waitForURL((u) => !u.searchParams.has('c'));
    await row.waitFor();
    await context.close();
  });

  it('should keep Log out and the other tools in the More sheet, not one tap away', async () => {
    const context = await phoneContext();
    const page = await logIn(context, 'olga', 'team password 1');
    await page.goto('/orgs/brightmart/inbox');
    await page.getByTestId('inbox-page').waitFor();
    expect(await page.getByText('Log out', { exact: true }).filter({ visible: true }).count()).toBe(0);
    await page.getByTestId('tabbar-more').click();
    const sheet = page.getByTestId('more-sheet');
    await sheet.waitFor();
    for (const key of ['orders', 'report', 'setup', 'sla', 'rules', 'team', 'home']) {
      await expectTappable(sheet.getByTestId(`more-${key}`));
    }
    await expectTappable(sheet.getByTestId('more-logout'));
    await sheet.getByTestId('more-orders').click();
    await page.waitForURL(/\/orgs\/brightmart\/orders$/);
    expect(await page.getByTestId('more-sheet').count()).toBe(0);
    await expectNoHorizontalOverflow(page);
    await context.close();
  });

  it('should fit the catalog, deals and sales pages to the screen with their controls reachable', async () => {
    const context = await phoneContext();
    const page = await logIn(context, 'olga', 'team password 1');

    await page.goto('/orgs/brightmart/catalog');
    await page.getByTestId('catalog-row').first().waitFor();
    await expectNoHorizontalOverflow(page);
    await expectTappable(page.getByTestId('product-new'));
    await expectTappable(page.getByTestId('csv-export'));
    expect(await bottomBarLabels(page)).toEqual(['Inbox', 'Catalog', 'Deals', 'Sales', 'More']);

    await page.getByTestId('tabbar-deals').click();
    await page.waitForURL(/\/orgs\/brightmart\/deals$/);
    await page.getByTestId('deal-row').first().waitFor();
    await expectNoHorizontalOverflow(page);
    await expectTappable(page.getByTestId('deal-new'));
    // The deal form: one field per row, its publish button within the screen.
    await page.getByTestId('deal-new').click();
    await page.getByTestId('deal-composer').waitFor();
    await expectNoHorizontalOverflow(page);
    await expectTappable(page.getByTestId('deal-percent'));
    await expectTappable(page.getByTestId('deal-publish'));

    await page.getByTestId('tabbar-sales').click();
    await page.waitForURL(/\/orgs\/brightmart\/sales$/);
    await page.getByTestId('sales-revenue').waitFor();
    await expectNoHorizontalOverflow(page);
    await expectTappable(page.getByTestId('sales-deal'));
    await expectTappable(page.getByTestId('sales-revenue'));
    expect(await page.getByTestId('tabbar-sales').getAttribute('class')).toContain('active');
    await context.close();
  });
});

describe('social pages on a phone (390 × 844)', () => {
  it('should show four labelled destinations and More, which leads to the brand workspace and holds Log out', async () => {
    const context = await phoneContext();
    const page = await logIn(context, 'olga', 'team password 1');
    await page.getByTestId('phone-bar').waitFor();
    expect(await bottomBarLabels(page)).toEqual(['Home', 'Search', 'Alerts', 'Cart', 'More']);
    expect(await page.getByText('Log out', { exact: true }).filter({ visible: true }).count()).toBe(0);
    await expectNoHorizontalOverflow(page);
    await page.getByTestId('tabbar-more').click();
    await expectTappable(page.getByTestId('more-logout'));
    await page.getByTestId('more-workspace-brightmart').click();
    await page.waitForURL(/\/orgs\/brightmart\/inbox$/);
    await page.getByTestId('inbox-page').waitFor();
    await context.close();
  });
});

describe('brand pages on a desktop (1440 × 900)', () => {
  it('should give the inbox the full width beside the brand tools, the conversation most of it', async () => {
    const context = await h.browser.newContext({ baseURL: h.url, viewport: { width: 1440, height: 900 } });
    const page = await logIn(context, 'olga', 'team password 1');
    await page.goto('/orgs/brightmart/inbox');
    const row = page.getByTestId('inbox-conversation').first();
    await row.waitFor({ timeout: 15_000 });
    await row.click();
    const detail = page.getByTestId('conversation-detail');
    await detail.waitFor();
    // The list stays beside the conversation; the social right rail is gone.
    expect(await page.getByTestId('inbox-list').isVisible()).toBe(true);
    expect(await page.locator('.right-rail').count()).toBe(0);
    expect((await detail.boundingBox())?.width).toBeGreaterThanOrEqual(700);
    // The brand's tools are in the side navigation, not in the bottom bar.
    for (const id of [
      'workspace-inbox',
      'workspace-tab-catalog',
      'workspace-tab-sales',
      'inbox-report-link',
    ]) {
      expect(await page.getByTestId(id).isVisible()).toBe(true);
    }
    expect(await page.getByTestId('phone-bar').isVisible()).toBe(false);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1440);
    await context.close();
  });
});

import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_CARDS } from '../../src/modules/commerce/index.ts';
import { createPerson, type Harness, logIn, startHarness } from './harness.ts';

// Employee advocacy: a marketer puts the brand's deal in the content library, an employee reshares it from
// there, a customer buys through that reshare, and the staff leaderboard shows the employee's revenue and points.
let h: Harness;
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };
const principalOf = (id: string) => h.app.modules.identity.service.resolvePrincipalForUser(id);
let dealId: string;
let variantId: string;
let customerId: string;

beforeAll(async () => {
  h = await startHarness();
  const { identity, commerce } = h.app.modules;
  const owner = await createPerson(h, 'oskar');
  await identity.orgs.create(await principalOf(owner.id), {
    handle: 'kilnco',
    name: 'Kiln Co',
    kind: 'brand',
  });
  for (const [handle, role] of [
    ['maren', 'marketer'],
    ['emil', 'employee'],
  ] as const) {
    const person = await createPerson(h, handle);
    const inv = await identity.orgs.invite(await principalOf(owner.id), 'kilnco', handle, role);
    await identity.orgs.respond(await principalOf(person.id), inv.id, 'accept');
  }
  customerId = (await createPerson(h, 'clara')).id;
  const team = await principalOf(owner.id);
  const product = await commerce.catalog.create(team, 'kilnco', {
    title: 'Stoneware mug',
    priceMinor: 2_000,
    currency: 'EUR',
    variants: [{ sku: 'MUG-1', stock: 50 }],
  });
  variantId = product.variants[0]!.id;
  const card = await commerce.deals.publish(team, 'kilnco', {
    text: 'Stoneware mugs, 10% off this week',
    type: 'percent_off',
    percentOff: 10,
    items: [{ productId: product.id }],
    audience: 'everyone',
    endsAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
  });
  dealId = card.id;
}, 180_000);
afterAll(() => h?.close());

const noSideScroll = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1);

describe('employee advocacy', () => {
  it('should take a post into the library, share it, and show the sale on the leaderboard', async () => {
    const marketer = await logIn(await h.newContext(), 'maren', 'team password 1');
    await marketer.goto('/orgs/kilnco/advocacy');
    await marketer.getByTestId('mark-post').fill(`${h.url}/posts/${dealId}`);
    await marketer.getByTestId('mark-topic').fill('Launches');
    await marketer.getByTestId('mark-submit').click();
    await expect.poll(() => marketer.getByTestId('library-item').count(), { timeout: 15_000 }).toBe(1);
    await marketer.context().close();

    const employee = await logIn(await h.newContext(), 'emil', 'team password 1');
    await employee.setViewportSize(PHONE);
    await employee.goto('/orgs/kilnco/advocacy');
    await employee.getByTestId('library-reshare').click();
    await expect.poll(() => employee.getByTestId('library-shared').count(), { timeout: 15_000 }).toBe(1);
    expect(await noSideScroll(employee)).toBe(true);
    const shareHref = await employee.getByTestId('library-shared').locator('a').getAttribute('href');
    const sharePostId = shareHref!.split('/').pop()!;

    // The customer buys through the employee's reshare (the checkout carries the post they came from).
    await h.app.modules.commerce.checkout.place(
      await principalOf(customerId),
      {
        dealId,
        items: [{ variantId, quantity: 1 }],
        shippingAddress: {
          name: 'Clara',
          line1: '2 Mill Rd',
          city: 'Leeds',
          postalCode: 'LS1 1AA',
          country: 'GB',
        },
        card: { number: TEST_CARDS.succeeds },
        source: { postId: sharePostId },
      },
      'e2e-advocacy-order',
    );

    // The employee sees their place and points; the marketer sees the revenue and the share's order.
    await expect
      .poll(
        async () => {
          await employee.reload();
          return employee.getByTestId('board-me').textContent();
        },
        { timeout: 30_000 },
      )
      .toContain('Your place: 1 · 30 points');
    await employee.context().close();

    for (const viewport of [DESKTOP, PHONE]) {
      const page = await logIn(await h.newContext(), 'maren', 'team password 1');
      await page.setViewportSize(viewport);
      await page.goto('/orgs/kilnco/advocacy');
      const board = page.getByTestId('staff-leaderboard');
      await expect.poll(() => board.textContent(), { timeout: 15_000 }).toContain('@emil');
      expect(await board.textContent()).toContain('18.00');
      expect(await page.getByTestId('staff-sales').textContent()).toContain('@emil');
      expect(await noSideScroll(page)).toBe(true);
      await page.context().close();
    }
  });
});

import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_CARDS } from '../../src/modules/commerce/index.ts';
import { createPerson, type Harness, logIn, startHarness } from './harness.ts';

// The shop as a new user met it: figures that read for more than they are, an order shipped to the wrong
// country, orders whose fate nobody told, a form that hid its errors, dates in two styles, no picture, and a
// search that never found products.
let h: Harness;
let productId: string;
let dealId: string;
let variantId: string;

const principalOf = (id: string) => h.app.modules.identity.service.resolvePrincipalForUser(id);
const leeds = { name: 'Buyer', line1: '1 Main St', city: 'Leeds', postalCode: 'LS1 1AA', country: 'GB' };

async function orderAs(userId: string, card: string, withDeal = true) {
  return h.app.modules.commerce.checkout.place(
    await principalOf(userId),
    {
      ...(withDeal ? { dealId } : {}),
      items: [{ variantId, quantity: 1 }],
      shippingAddress: leeds,
      card: { number: card },
    },
    randomUUID(),
  );
}

beforeAll(async () => {
  h = await startHarness();
  const { identity, commerce } = h.app.modules;
  const anna = await createPerson(h, 'anna');
  await identity.orgs.create(await principalOf(anna.id), {
    handle: 'alpenrock',
    name: 'Alpenrock',
    kind: 'brand',
    bio: 'Mountain wear',
  });
  const owner = await principalOf(anna.id);
  const jacket = await commerce.catalog.create(owner, 'alpenrock', {
    title: 'Storm Jacket',
    description: 'A waterproof shell.',
    priceMinor: 20_000,
    currency: 'EUR',
    variants: [{ sku: 'STORM-M', name: 'M', stock: 100 }],
  });
  productId = jacket.id;
  variantId = jacket.variants[0].id;
  const card = await commerce.deals.publish(owner, 'alpenrock', {
    text: 'Storm Jacket, 10% off',
    items: [{ productId }],
    type: 'percent_off',
    percentOff: 10,
    endsAt: new Date(Date.UTC(2031, 11, 12, 18, 0)).toISOString(),
    audience: 'everyone',
  });
  dealId = card.id;
  for (const handle of ['bea', 'carl', 'dora', 'emil', 'finn', 'gina']) await createPerson(h, handle);
});
afterAll(() => h?.close());

describe('the shop for a new user', () => {
  it('should show conversion as a share of clicks, orders without a click apart, and how each figure is counted', async () => {
    const { commerce, identity } = h.app.modules;
    const bea = (await identity.accounts.byHandle('bea'))!;
    // Bea clicks Buy and orders; someone clicks without ordering; three people order without any click.
    await commerce.deals.click(dealId, await principalOf(bea.id));
    await commerce.deals.click(dealId, null);
    await orderAs(bea.id, TEST_CARDS.succeeds);
    for (const handle of ['emil', 'finn', 'gina'])
      await orderAs((await identity.accounts.byHandle(handle))!.id, TEST_CARDS.succeeds);

    const context = await h.newContext();
    const page = await logIn(context, 'anna', 'team password 1');
    await page.goto('/orgs/alpenrock/sales');
    await expect.poll(() => page.getByTestId('sales-orders').textContent()).toBe('4');
    expect(await page.getByTestId('sales-clicks').textContent()).toBe('2');
    expect(await page.getByTestId('sales-conversion').textContent()).toBe('50.0%');
    expect(await page.getByTestId('sales-orders-after-click').textContent()).toBe('1');
    expect(await page.getByTestId('sales-orders-without-click').textContent()).toBe('3');
    expect(await page.getByTestId('sales-conversion-how').textContent()).toMatch(
      /followed with an order \(1\), out of all clicks \(2\)/,
    );
    expect(await page.locator('.kpi-how').count()).toBe(await page.locator('.kpi').count());

    // Deal end times are written like every other date in the app.
    await page.goto('/orgs/alpenrock/deals');
    expect(await page.getByTestId('deal-row-ends').first().textContent()).toMatch(/^Dec 12, 2031/);
    await context.close();
  });

  it('should pick the country by name, check the postal code and show the address back before paying', async () => {
    const context = await h.newContext();
    const page = await logIn(context, 'carl', 'team password 1');
    await page.goto(`/products/${productId}`);
    await page.getByTestId('product-image-placeholder').waitFor();
    await page.getByTestId('product-buy-now').click();
    await page.getByTestId('address-name').fill('Carl Weber');
    await page.getByTestId('address-line1').fill('Unter den Linden 1');
    await page.getByTestId('address-postalCode').fill('1011');
    await page.getByTestId('address-city').fill('Berlin');
    await page.getByTestId('address-country').selectOption({ label: 'Germany' });
    await page.getByTestId('checkout-card').fill('4242 4242 4242 4242');
    await page.getByTestId('checkout-submit').click();
    const sheet = page.getByTestId('checkout-sheet');
    await expect.poll(() => sheet.textContent()).toContain('Postal code is not a postal code of Germany');
    expect(await page.getByTestId('checkout-result').count()).toBe(0);

    await page.getByTestId('address-postalCode').fill('10117');
    expect(await page.getByTestId('checkout-ship-to').textContent()).toBe(
      'Ships to Carl Weber, Unter den Linden 1, 10117 Berlin, Germany',
    );
    await page.getByTestId('checkout-submit').click();
    const result = page.getByTestId('checkout-result');
    await expect.poll(() => result.getAttribute('data-state')).toBe('paid');
    await page.getByTestId('checkout-order-link').click();
    await page.waitForURL(/\/orders\//);
    expect(await page.locator('.kv').textContent()).toContain('10117 Berlin, Germany');
    await context.close();
  });

  it('should tell the buyer why an order was cancelled, that it shipped and what was refunded', async () => {
    const { commerce, identity } = h.app.modules;
    const dora = (await identity.accounts.byHandle('dora'))!;
    const anna = (await identity.accounts.byHandle('anna'))!;
    await orderAs(dora.id, TEST_CARDS.failsAfterDelay, false);
    const paid = await orderAs(dora.id, TEST_CARDS.succeeds, false);
    const staff = await principalOf(anna.id);
    await commerce.orders.fulfil(staff, paid.orderId);
    await commerce.orders.refund(staff, paid.orderId, 5_000, randomUUID());

    const context = await h.newContext();
    const page = await logIn(context, 'dora', 'team password 1');
    await page.goto('/orders');
    const cancelled = page
      .getByTestId('order-card')
      .filter({ has: page.locator('[data-status="cancelled"]') });
    await expect
      .poll(
        async () => {
          await page.reload();
          await page.getByTestId('order-card').first().waitFor();
          return cancelled.count();
        },
        { timeout: 20_000, interval: 1_000 },
      )
      .toBe(1);
    expect(await cancelled.getByTestId('order-outcome').textContent()).toMatch(
      /Your bank could not process the payment.*Nothing was charged\. \(processing_error\)/,
    );
    const refunded = page
      .getByTestId('order-card')
      .filter({ has: page.locator('[data-status="fulfilled"]') });
    expect(await refunded.getByTestId('order-outcome').textContent()).toBe('Refunded €50.00 of €200.00');

    await page.goto('/notifications');
    const notice = (kind: string) => page.locator(`[data-testid="notification"][data-kind="${kind}"]`);
    await expect.poll(() => notice('order_cancelled').count(), { timeout: 20_000 }).toBe(1);
    expect(await notice('order_cancelled').textContent()).toMatch(
      /Alpenrock.*could not complete your order.*\(processing_error\)/s,
    );
    expect(await notice('order_fulfilled').textContent()).toContain('shipped your order');
    expect(await notice('order_refunded').textContent()).toContain('refunded €50.00 of your order');
    await context.close();
  });

  it('should flag every missing field of an empty new product and bring the first into view', async () => {
    const context = await h.newContext();
    const page = await logIn(context, 'anna', 'team password 1');
    await page.setViewportSize({ width: 1280, height: 500 });
    await page.goto('/orgs/alpenrock/catalog');
    await page.getByTestId('product-new').click();
    await page.getByTestId('product-form-submit').click();
    const form = page.getByTestId('product-form');
    await expect.poll(() => form.locator('.field-error').count()).toBe(3);
    expect(await form.textContent()).toMatch(/Title is required/);
    expect(await form.textContent()).toMatch(/Price is required/);
    expect(await page.getByTestId('product-form-variants-error').textContent()).toMatch(/needs a SKU/);
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid')))
      .toBe('product-form-title');
    const box = await page.getByTestId('product-form-title').boundingBox();
    expect(box && box.y >= 0 && box.y + box.height <= 500).toBe(true);
    await context.close();
  });

  it('should find products when searching for a word of their name', async () => {
    const context = await h.newContext();
    const page = await logIn(context, 'bea', 'team password 1');
    await page.goto('/search?q=jacket');
    const products = page.getByTestId('search-products');
    await products.waitFor();
    expect(await products.getByTestId('product-tile').textContent()).toContain('Storm Jacket');
    await products.getByTestId('product-tile').click();
    await page.waitForURL(new RegExp(`/products/${productId}$`));
    await context.close();
  });
});

import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_CARDS } from '../../src/modules/commerce/index.ts';
import { createPerson, type Harness, logIn, startHarness } from './harness.ts';

// The brand changes a running deal and ends it early; it ships an order with a tracking number and the buyer
// finds the parcel and its carrier link on the order page. Each at desktop width and at 390 px.
let h: Harness;
let variantId: string;
let productId: string;

const principalOf = (id: string) => h.app.modules.identity.service.resolvePrincipalForUser(id);
const leeds = { name: 'Buyer', line1: '1 Main St', city: 'Leeds', postalCode: 'LS1 1AA', country: 'GB' };
const widths = [
  ['desktop', { width: 1280, height: 900 }],
  ['phone', { width: 390, height: 844 }],
] as const;

beforeAll(async () => {
  h = await startHarness();
  const { identity, commerce } = h.app.modules;
  const olga = await createPerson(h, 'olga');
  await identity.orgs.create(await principalOf(olga.id), {
    handle: 'teahouse',
    name: 'Teahouse',
    kind: 'brand',
  });
  const tin = await commerce.catalog.create(await principalOf(olga.id), 'teahouse', {
    title: 'Green Tea Tin',
    priceMinor: 2_000,
    resellerFloorMinor: 1_500,
    currency: 'EUR',
    variants: [{ sku: 'TIN-1', stock: 100 }],
  });
  productId = tin.id;
  variantId = tin.variants[0].id;
  await createPerson(h, 'pablo');
});
afterAll(() => h?.close());

async function publishDeal(text: string) {
  const olga = (await h.app.modules.identity.accounts.byHandle('olga'))!;
  return h.app.modules.commerce.deals.publish(await principalOf(olga.id), 'teahouse', {
    text,
    items: [{ productId }],
    type: 'percent_off',
    percentOff: 10,
    endsAt: new Date(Date.now() + 86_400_000).toISOString(),
    audience: 'everyone',
  });
}

async function open(viewport: { width: number; height: number }, who: string): Promise<Page> {
  const context = await h.newContext();
  const page = await logIn(context, who, 'team password 1');
  await page.setViewportSize(viewport);
  return page;
}

describe.each(widths)('shop basics at %s width', (name, viewport) => {
  it('should let the brand edit a deal, refuse a price under the reseller floor, and end it early', async () => {
    const deal = await publishDeal(`Tea week ${name}`);
    const page = await open(viewport, 'olga');
    await page.goto('/orgs/teahouse/deals');
    const row = page.locator(`[data-testid="deal-row"][data-deal-id="${deal.id}"]`);
    await row.getByTestId('deal-edit').click();
    const editor = page.getByTestId('deal-editor');
    await editor.getByTestId('deal-edit-title').fill(`Tea fortnight ${name}`);
    await editor.getByTestId('deal-edit-price').fill('40');
    await editor.getByRole('button', { name: 'Save changes' }).click();
    await expect.poll(() => editor.getByRole('alert').first().textContent()).toMatch(/reseller floor/);
    await editor.getByTestId('deal-edit-price').fill('20');
    await editor.getByRole('button', { name: 'Save changes' }).click();
    await expect.poll(() => row.textContent()).toContain(`Tea fortnight ${name}`);

    await row.getByTestId('deal-edit').click();
    await expect.poll(() => page.getByTestId('deal-history').textContent()).toMatch(/percent off: 10 → 20/);
    page.once('dialog', (d) => void d.accept());
    await page.getByTestId('deal-end').click();
    await expect.poll(() => row.textContent()).toMatch(/ended early/i);
    expect(await row.getByTestId('deal-edit').count()).toBe(0);

    await page.goto(`/deals/${deal.id}`);
    await expect.poll(() => page.getByTestId('deal-buy').textContent()).toBe('Ended');
    expect(await page.getByTestId('deal-ended-early').isVisible()).toBe(true);
    await page.context().close();
  });

  it('should ship an order with a tracking number that the buyer then sees with its carrier link', async () => {
    const pablo = (await h.app.modules.identity.accounts.byHandle('pablo'))!;
    const placed = await h.app.modules.commerce.checkout.place(
      await principalOf(pablo.id),
      { items: [{ variantId, quantity: 2 }], shippingAddress: leeds, card: { number: TEST_CARDS.succeeds } },
      randomUUID(),
    );
    const brand = await open(viewport, 'olga');
    await brand.goto(`/orders/${placed.orderId}`);
    await brand.getByTestId('order-ship').click();
    await brand.getByTestId('shipment-carrier').selectOption('royal_mail');
    await brand.getByTestId('shipment-tracking').fill('12345');
    await brand.getByTestId('shipment-save').click();
    await expect.poll(() => brand.getByTestId('shipment-form').textContent()).toMatch(/not a Royal Mail/);
    await brand.getByTestId('shipment-tracking').fill('ab 123456789 gb');
    await brand.getByTestId('shipment-save').click();
    await expect.poll(() => brand.getByTestId('shipment').count()).toBe(1);
    await brand.context().close();

    const buyer = await open(viewport, 'pablo');
    await buyer.goto(`/orders/${placed.orderId}`);
    const link = buyer.getByTestId('tracking-link');
    await expect.poll(() => link.textContent()).toBe('AB123456789GB');
    expect(await link.getAttribute('href')).toBe(
      'https://www.royalmail.com/track-your-item#/tracking-results/AB123456789GB',
    );
    await buyer.goto('/notifications');
    await expect
      .poll(() => buyer.locator('body').textContent())
      .toContain('Royal Mail: tracking AB123456789GB');
    await buyer.context().close();
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPerson, type Harness, logIn, startHarness } from './harness.ts';

// A buyer in Germany applies the brand's code and sees the discount, shipping and tax before paying; once the
// order has shipped they ask to return it, the brand approves and marks it received, and the buyer sees it
// refunded. At desktop width and at 390 px.
let h: Harness;
let productId: string;
let ownerId: string;

const principalOf = (id: string) => h.app.modules.identity.service.resolvePrincipalForUser(id);
const widths = [
  ['desktop', { width: 1280, height: 900 }],
  ['phone', { width: 390, height: 844 }],
] as const;

beforeAll(async () => {
  h = await startHarness();
  const { identity, commerce } = h.app.modules;
  const owner = await createPerson(h, 'kira');
  ownerId = owner.id;
  const team = await principalOf(owner.id);
  await identity.orgs.create(team, { handle: 'kiosk', name: 'Kiosk', kind: 'brand' });
  const mug = await commerce.catalog.create(await principalOf(owner.id), 'kiosk', {
    title: 'Enamel Mug',
    priceMinor: 2_000,
    currency: 'EUR',
    variants: [{ sku: 'MUG-1', stock: 50 }],
  });
  productId = mug.id;
  const brand = await principalOf(owner.id);
  await commerce.shipping.addZone(brand, 'kiosk', {
    name: 'Germany',
    countries: ['DE'],
    rateMinor: 495,
    currency: 'EUR',
  });
  await commerce.shipping.saveTax(brand, 'kiosk', {
    taxRates: [{ country: 'DE', rateBp: 1_900 }],
    pricesIncludeTax: true,
  });
  await commerce.discounts.create(brand, 'kiosk', {
    code: 'SPRING10',
    kind: 'percent',
    percentOff: 10,
    currency: 'EUR',
  });
  for (const handle of ['lena', 'lars']) await createPerson(h, handle);
});
afterAll(() => h?.close());

describe.each(widths)('codes, shipping, tax and returns at %s width', (name, viewport) => {
  it('should price the order before paying and refund a returned item', async () => {
    const buyer = name === 'desktop' ? 'lena' : 'lars';
    const context = await h.newContext();
    const page = await logIn(context, buyer, 'team password 1');
    await page.setViewportSize(viewport);
    await page.goto(`/products/${productId}`);
    await page.getByTestId('product-buy-now').click();
    await page.getByTestId('address-name').fill('Lena Vogel');
    await page.getByTestId('address-line1').fill('Unter den Linden 1');
    await page.getByTestId('address-postalCode').fill('10117');
    await page.getByTestId('address-city').fill('Berlin');
    await page.getByTestId('address-country').selectOption({ label: 'Germany' });
    await page.getByTestId('checkout-code').fill('spring10');
    await page.getByTestId('checkout-code-apply').click();
    // 20.00 less 10%, plus 4.95 shipping to Germany; German VAT is inside the price and shown.
    await expect.poll(() => page.getByTestId('checkout-discount').textContent()).toMatch(/SPRING10.*2\.00/);
    await expect.poll(() => page.getByTestId('checkout-shipping').textContent()).toMatch(/4\.95/);
    await expect.poll(() => page.getByTestId('checkout-tax').textContent()).toMatch(/19%/);
    expect(await page.getByTestId('checkout-total').textContent()).toMatch(/22\.95/);
    await page.getByTestId('checkout-card').fill('4242 4242 4242 4242');
    await page.getByTestId('checkout-submit').click();
    await expect.poll(() => page.getByTestId('checkout-result').getAttribute('data-state')).toBe('paid');
    await page.getByTestId('checkout-order-link').click();
    await page.waitForURL(/\/orders\//);
    const orderId = page.url().split('/orders/')[1];
    expect(await page.getByTestId('order-discount').textContent()).toMatch(/SPRING10/);

    // The brand ships it; the buyer asks to return it.
    await h.app.modules.commerce.orders.fulfil(await principalOf(ownerId), orderId);
    await page.reload();
    await page.getByTestId('return-open').click();
    await page.getByTestId('return-reason').selectOption({ index: 1 });
    await page.getByTestId('return-submit').click();
    await expect.poll(() => page.getByTestId('order-return-status').textContent()).toBe('Return requested');

    // The brand approves and, once the mug is back, marks it received: that refunds it.
    const team = await logIn(await h.newContext(), 'kira', 'team password 1');
    await team.setViewportSize(viewport);
    await team.goto('/orgs/kiosk/returns');
    const row = team.getByTestId('return-row').filter({ has: team.locator(`a[href="/orders/${orderId}"]`) });
    await row.getByTestId('return-approve').click();
    await expect.poll(() => row.getByTestId('return-status').textContent()).toMatch(/approved/i);
    await row.getByTestId('return-receive').click();
    await expect.poll(() => row.getByTestId('return-status').textContent()).toMatch(/refunded/i);

    await page.reload();
    await expect
      .poll(() => page.getByTestId('order-return-status').textContent())
      .toMatch(/^Returned and refunded \(€/);
  });
});

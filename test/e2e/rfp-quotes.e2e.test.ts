import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_CARDS } from '../../src/modules/commerce/index.ts';
import { createPerson, type Harness, logIn, startHarness } from './harness.ts';

let h: Harness;
let orgId: string;
let variantId: string;
let postId: string;
const principalOf = (id: string) => h.app.modules.identity.service.resolvePrincipalForUser(id);
const month = new Date().toISOString().slice(0, 7);

/** A brand with a catalog, a sales member and a customer who asks for a product at a price, through the services. */
beforeAll(async () => {
  h = await startHarness();
  const { identity, commerce, social, rfp } = h.app.modules;
  const owner = await createPerson(h, 'quinn');
  const sally = await createPerson(h, 'sally');
  const cara = await createPerson(h, 'cara');
  const ownerP = await principalOf(owner.id);
  orgId = (await identity.orgs.create(ownerP, { handle: 'quoteco', name: 'Quote Co', kind: 'brand' })).id;
  const product = await commerce.catalog.create(await principalOf(owner.id), 'quoteco', {
    title: 'Trail Tent',
    description: 'Two people',
    priceMinor: 30_000,
    currency: 'EUR',
    resellerFloorMinor: 24_000,
    variants: [{ sku: 'tent-1', name: 'Green', stock: 10 }],
  });
  variantId = product.variants[0].id;
  const invitation = await identity.orgs.invite(await principalOf(owner.id), 'quoteco', 'sally', 'sales');
  await identity.orgs.respond(await principalOf(sally.id), invitation.id, 'accept');
  await rfp.salesTeam.setTarget(await principalOf(owner.id), 'quoteco', {
    member: 'sally',
    month,
    revenueMinor: 20_000,
    currency: 'EUR',
    pitches: 5,
    firstResponseSeconds: 3600,
  });
  // Sally quotes Cara directly; Cara orders it: revenue credited to Sally on the leaderboard.
  const direct = await rfp.quotes.create(await principalOf(sally.id), 'quoteco', {
    customer: 'cara',
    items: [{ variantId, quantity: 1, unitPriceMinor: 27_000 }],
    expiresInHours: 24,
    sendAs: 'public',
  });
  await rfp.quotes.accept(
    await principalOf(cara.id),
    direct.id,
    {
      shippingAddress: { name: 'Cara', line1: '1 Rue', city: 'Lyon', postalCode: '69001', country: 'FR' },
      card: { number: TEST_CARDS.succeeds },
    },
    'e2e-direct-quote',
  );
  postId = await social.posts.create(await principalOf(cara.id), {
    text: '@quoteco the Trail Tent for €250 and I buy today',
    visibility: 'public',
  });
  // Care files the message once the server's dispatcher delivers it; make sure it is a price request.
  for (let i = 0; i < 120 && !(await h.app.modules.care.sales.forPost(orgId, postId)); i++)
    await new Promise((r) => setTimeout(r, 250));
  const conversation = (await h.app.modules.care.sales.forPost(orgId, postId))!;
  if (conversation.intent !== 'product_price_request') {
    const full = await h.app.modules.care.inbox.get(ownerP, 'quoteco', conversation.id);
    const message = full.messages.find((m) => m.postId === postId)!;
    await h.app.modules.care.inbox.correctIntent(
      ownerP,
      'quoteco',
      conversation.id,
      message.id,
      'product_price_request',
    );
  }
});
afterAll(() => h?.close());

describe('VRM quotes and the sales team in the browser', () => {
  it('should send a priced quote from the price requests queue and order it from the cart link on a phone', async () => {
    const desk = await h.newContext();
    const agent = await logIn(desk, 'quinn', 'team password 1');
    await agent.goto('/orgs/quoteco/price-requests');
    const item = agent.getByTestId('vrm-item').first();
    await expect.poll(() => item.getByTestId('vrm-asked').textContent()).toContain('€250.00');
    // Souk suggests the ask (above the reseller floor, below list): the agent sends it as is.
    expect(await item.locator('input[name=price]').inputValue()).toBe('250.00');
    await item.getByTestId('send-quote').click();
    const link = item.getByTestId('vrm-quote').locator('a');
    await link.waitFor();
    const href = (await link.getAttribute('href'))!;
    expect(href).toMatch(/^\/quotes\/[0-9a-f-]{36}$/);

    const phone = await h.browser.newContext({ baseURL: h.url, viewport: { width: 390, height: 844 } });
    const cara = await logIn(phone, 'cara', 'team password 1');
    await cara.goto(href);
    await expect.poll(() => cara.getByTestId('quote-total').textContent()).toContain('€250.00');
    const form = cara.getByTestId('quote-form');
    await form.locator('input[name=name]').fill('Cara');
    await form.locator('input[name=line1]').fill('1 Rue de la Paix');
    await form.locator('input[name=city]').fill('Lyon');
    await form.locator('input[name=postalCode]').fill('69001');
    await form.locator('input[name=country]').fill('FR');
    await form.locator('input[name=card]').fill(TEST_CARDS.succeeds);
    await cara.getByTestId('quote-confirm').click();
    await cara.getByTestId('quote-done').getByRole('link').click();
    await cara.waitForURL(/\/orders\//);
    await expect.poll(() => cara.locator('body').textContent()).toContain('€250.00');
    await phone.close();
    await desk.close();
  });

  it('should show the sales member’s credited revenue on the team leaderboard at desktop and phone width', async () => {
    for (const viewport of [
      { width: 1280, height: 900 },
      { width: 390, height: 844 },
    ]) {
      const context = await h.browser.newContext({ baseURL: h.url, viewport });
      const page = await logIn(context, 'sally', 'team password 1');
      await page.goto(`/orgs/quoteco/sales-team`);
      const row = page.getByTestId('leaderboard-row').filter({ hasText: '@sally' });
      // The order counts once its payment is confirmed.
      await expect
        .poll(
          async () => {
            await page.reload();
            return row.getByTestId('leaderboard-revenue').textContent();
          },
          { timeout: 30_000, interval: 1000 },
        )
        .toContain('€270.00');
      await expect.poll(() => row.textContent()).toContain('135% of €200.00');
      await context.close();
    }
  });
});

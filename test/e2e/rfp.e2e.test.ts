import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_CARDS } from '../../src/modules/commerce/index.ts';
import { createPerson, type Harness, logIn, startHarness } from './harness.ts';

let h: Harness;
const principalOf = (id: string) => h.app.modules.identity.service.resolvePrincipalForUser(id);
let rivalPitch: (requestId: string) => Promise<unknown>;

/** Two brands with catalogs, set up through the services; the request goes from ask to award in the browser. */
beforeAll(async () => {
  h = await startHarness();
  const { identity, commerce, rfp } = h.app.modules;
  const brands: Record<string, { ownerId: string; variantId: string }> = {};
  for (const [brand, person] of [
    ['trailco', 'tara'],
    ['ridgeline', 'rick'],
  ]) {
    const p = await createPerson(h, person);
    await identity.orgs.create(await principalOf(p.id), {
      handle: brand,
      name: `${brand} Outdoor`,
      kind: 'brand',
    });
    const product = await commerce.catalog.create(await principalOf(p.id), brand, {
      title: `${brand} tent`,
      description: 'Two people',
      priceMinor: 30_000,
      currency: 'EUR',
      variants: [{ sku: `${brand}-1`, name: 'Green', stock: 10 }],
    });
    brands[brand] = { ownerId: p.id, variantId: product.variants[0].id };
  }
  await createPerson(h, 'asha');
  rivalPitch = async (requestId) =>
    rfp.pitches.pitch(await principalOf(brands.ridgeline.ownerId), requestId, {
      brand: 'ridgeline',
      title: 'Ridgeline tent deal',
      terms: 'Ships tomorrow',
      message: 'Ours is lighter',
      items: [{ variantId: brands.ridgeline.variantId, quantity: 1, unitPriceMinor: 28_000 }],
    });
});
afterAll(() => h?.close());

describe('a request for proposals from ask to award', () => {
  it('should ask two brands, take a pitch from the Sales queue at phone width, and award it into an order', async () => {
    const asker = await h.newContext();
    const page = await logIn(asker, 'asha', 'team password 1');
    await page.goto('/rfps/new');
    const form = page.getByTestId('rfp-new-form');
    await form.locator('input[name=title]').fill('A tent for two for the summer');
    await form.locator('input[name=budget]').fill('300');
    await form.locator('input[name=brands]').fill('@trailco @ridgeline');
    await page.getByTestId('rfp-submit').click();
    await page.waitForURL(/\/rfps\/[0-9a-f-]{36}$/);
    const requestId = page.url().split('/').at(-1)!;
    await expect.poll(() => page.getByTestId('rfp-state').textContent()).toBe('Open for pitches');

    // The brand's owner works the Sales queue on a phone.
    const brand = await h.browser.newContext({ baseURL: h.url, viewport: { width: 390, height: 844 } });
    const phone = await logIn(brand, 'tara', 'team password 1');
    await phone.goto('/orgs/trailco/sales-queue');
    await phone.getByTestId('rfp-queue').getByText('A tent for two for the summer').click();
    await phone.waitForURL(`**/rfps/${requestId}`);
    const pitchForm = phone.getByTestId('pitch-form');
    await pitchForm.locator('input[name=pitch-title]').fill('Trailco tent, 10% off');
    await pitchForm
      .locator('select[name=pitch-product]')
      .selectOption({ label: 'trailco tent (Green) — list €300.00' });
    await pitchForm.locator('input[name=pitch-price]').fill('270');
    await pitchForm.locator('input[name=pitch-terms]').fill('Free delivery');
    await phone.getByTestId('pitch-submit').click();
    await expect.poll(() => phone.getByTestId('pitch-card').count()).toBe(1);
    await rivalPitch(requestId);

    // Back on the desktop: both pitches side by side; on the phone they stack.
    await page.reload();
    await expect.poll(() => page.getByTestId('pitch-card').count()).toBe(2);
    const [a, b] = await Promise.all([0, 1].map((i) => page.getByTestId('pitch-card').nth(i).boundingBox()));
    expect(Math.abs(a!.y - b!.y)).toBeLessThan(2);
    await phone.reload();
    await expect.poll(() => phone.getByTestId('pitch-card').count()).toBe(2);
    const [pa, pb] = await Promise.all(
      [0, 1].map((i) => phone.getByTestId('pitch-card').nth(i).boundingBox()),
    );
    expect(pb!.y).toBeGreaterThan(pa!.y + pa!.height - 1);
    expect(pa!.x + pa!.width).toBeLessThanOrEqual(390);

    const trailco = page.getByTestId('pitch-card').filter({ hasText: 'Trailco tent, 10% off' });
    await expect.poll(() => trailco.getByTestId('pitch-total').textContent()).toContain('€270.00');
    await trailco.getByTestId('award').click();
    const award = page.getByTestId('award-form');
    await award.locator('input[name=name]').fill('Asha Buyer');
    await award.locator('input[name=line1]').fill('1 Main St');
    await award.locator('input[name=city]').fill('Leeds');
    await award.locator('input[name=postalCode]').fill('LS1 1AA');
    await award.locator('input[name=card]').fill(TEST_CARDS.succeeds);
    await page.getByTestId('award-confirm').click();
    // The page refreshes into its awarded state (the award form goes with the open request's actions).
    await expect.poll(() => page.getByTestId('rfp-state').textContent()).toBe('Awarded');
    await page.getByTestId('rfp-order-link').click();
    await page.waitForURL(/\/orders\//);
    await expect.poll(() => page.locator('body').textContent()).toContain('€270.00');
    await asker.close();
    await brand.close();
  });

  it('should turn a care conversation into a request: a sales member proposes it, the author accepts in Support at phone width', async () => {
    const { identity, social, care } = h.app.modules;
    const owner = await principalOf((await identity.accounts.byHandle('tara'))!.id);
    const seller = await createPerson(h, 'sid');
    const invitation = await identity.orgs.invite(owner, 'trailco', 'sid', 'sales');
    await identity.orgs.respond(await principalOf(seller.id), invitation.id, 'accept');
    const cora = await createPerson(h, 'cora');
    const postId = await social.posts.create(await principalOf(cora.id), {
      text: '@trailco could you quote two tents for our school trip?',
      visibility: 'public',
    });
    const trailco = (await identity.accounts.byHandle('trailco'))!;
    await expect.poll(() => care.sales.forPost(trailco.id, postId), { timeout: 30_000 }).not.toBeNull();
    const conversation = (await care.sales.forPost(trailco.id, postId))!;
    if (conversation.intent !== 'rfp') {
      const detail = await care.inbox.get(owner, 'trailco', conversation.id);
      await care.inbox.correctIntent(owner, 'trailco', conversation.id, detail.messages[0].id, 'rfp');
    }

    // The sales member works the conversation in the inbox (desktop) and proposes the request.
    const sales = await logIn(await h.newContext(), 'sid', 'team password 1');
    await sales.goto(`/orgs/trailco/inbox?c=${conversation.id}`);
    await sales.getByTestId('inbox-sales-only').waitFor();
    await sales.getByTestId('conversion-request-open').click();
    await sales.getByTestId('conversion-title').fill('Two tents for a school trip');
    await sales.getByTestId('conversion-budget').fill('600');
    await sales.getByTestId('conversion-submit').click();
    await expect
      .poll(() => sales.getByTestId('conversion-state').getAttribute('data-state'))
      .toBe('requested');

    // The author accepts under Support on a phone.
    const phoneContext = await h.browser.newContext({
      baseURL: h.url,
      viewport: { width: 390, height: 844 },
    });
    const phone = await logIn(phoneContext, 'cora', 'team password 1');
    await phone.goto('/me/care');
    const question = phone.getByTestId('conversion-question');
    await expect.poll(() => question.getAttribute('data-state')).toBe('requested');
    expect(await phone.getByTestId('conversion-draft').textContent()).toContain('€600.00');
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await phone.getByTestId('conversion-accept').click();
    await expect.poll(() => question.getAttribute('data-state')).toBe('granted');
    await phone.getByTestId('conversion-target').click();
    await phone.waitForURL(/\/rfps\/[0-9a-f-]{36}$/);

    // The request is the author's, on the brand's Sales queue; the conversation links to it.
    await sales.goto('/orgs/trailco/sales-queue');
    await sales.getByTestId('rfp-queue').getByText('Two tents for a school trip').waitFor();
    await sales.goto(`/orgs/trailco/inbox?c=${conversation.id}`);
    await expect.poll(() => sales.getByTestId('conversion-state').getAttribute('data-state')).toBe('granted');
    await sales.getByTestId('conversion-target').waitFor();
  });
});

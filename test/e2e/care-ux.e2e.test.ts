import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_CARDS } from '../../src/modules/commerce/index.ts';
import { createPerson, type Harness, logIn, startHarness } from './harness.ts';

// What a new user of the inbox met: the list by urgency with a sort kept in the URL, canned replies that do not
// run together and keep order details out of public replies, and the customer's Support page with the brand's
// replies.
let h: Harness;
let ninaId: string;
const principalOf = (id: string) => h.app.modules.identity.service.resolvePrincipalForUser(id);

async function post(personId: string, text: string) {
  await h.app.modules.social.posts.create(await principalOf(personId), { text });
}

beforeAll(async () => {
  h = await startHarness();
  const owner = await createPerson(h, 'lena');
  await h.app.modules.identity.orgs.create(await principalOf(owner.id), {
    handle: 'lanternco',
    name: 'Lanternco',
    kind: 'brand',
  });
  const omar = await createPerson(h, 'omar', 'customer password 1');
  const nina = await createPerson(h, 'nina', 'customer password 2');
  ninaId = nina.id;
  // The angry complaint comes first, the calm question after it: newest-first would bury the complaint.
  await post(omar.id, '@lanternco I was charged twice for my order, this is a scam! I will call my bank!');
  await post(nina.id, '@lanternco do you ship lamps to Lisbon?');
  const asOwner = await principalOf(owner.id);
  await h.app.modules.care.canned.add(asOwner, 'lanternco', { title: 'Thanks', body: 'Thanks for asking.' });
  await h.app.modules.care.canned.add(asOwner, 'lanternco', { title: 'Greeting', body: 'Hi {first_name}!' });
  await h.app.modules.care.canned.add(asOwner, 'lanternco', {
    title: 'Order',
    body: 'Your order {order_ref} ships today.',
  });
  // Omar has bought from the brand: the customer 360 lists the order by its reference.
  const lamp = await h.app.modules.commerce.catalog.create(asOwner, 'lanternco', {
    title: 'Paper lantern',
    priceMinor: 4_250,
    currency: 'EUR',
    variants: [{ sku: 'PL-1', name: 'White', stock: 5 }],
  });
  await h.app.modules.commerce.checkout.place(
    await principalOf(omar.id),
    {
      items: [{ variantId: lamp.variants[0].id, quantity: 1 }],
      shippingAddress: {
        name: 'Omar Haddad',
        line1: '2 Rue Neuve',
        city: 'Lyon',
        postalCode: '69001',
        country: 'FR',
      },
      card: { number: TEST_CARDS.succeeds },
    },
    randomUUID(),
  );
});
afterAll(() => h?.close());

describe('the inbox as a new user met it', () => {
  it('should list the most urgent first, sort on request and keep the sort in the URL', async () => {
    const page = await logIn(await h.newContext(), 'lena', 'team password 1');
    await page.goto('/orgs/lanternco/inbox');
    const rows = page.getByTestId('inbox-conversation');
    await expect.poll(() => rows.count(), { timeout: 15_000 }).toBe(2);
    expect(await page.getByTestId('inbox-sort').inputValue()).toBe('urgency');
    expect(await rows.first().textContent()).toContain('@omar');

    await page.getByTestId('inbox-sort').selectOption('newest');
    await expect.poll(() => new URL(page.url()).searchParams.get('sort')).toBe('newest');
    await expect.poll(() => rows.first().textContent()).toContain('@nina');
    await page.reload();
    expect(await page.getByTestId('inbox-sort').inputValue()).toBe('newest');
    await expect.poll(() => rows.first().textContent()).toContain('@nina');
  });

  it('should insert two canned replies apart, refuse order details in public, and show the reply on the customer’s Support page', async () => {
    const page = await logIn(await h.newContext(), 'lena', 'team password 1');
    await page.goto('/orgs/lanternco/inbox?sort=newest');
    await page.getByTestId('inbox-conversation').filter({ hasText: '@nina' }).click();
    const text = page.getByTestId('reply-text');
    await page.getByTestId('canned-select').selectOption({ label: 'Thanks' });
    await expect.poll(() => text.inputValue()).toBe('Thanks for asking.');
    await page.getByTestId('canned-select').selectOption({ label: 'Greeting' });
    await expect.poll(() => text.inputValue()).toBe('Thanks for asking.\n\nHi nina!');

    await page.getByTestId('canned-select').selectOption({ label: 'Order' });
    await expect.poll(() => page.getByTestId('canned-error').textContent()).toContain('private message');
    expect(await text.inputValue()).toBe('Thanks for asking.\n\nHi nina!');

    await page.getByTestId('reply-submit').click();
    await page.locator('[data-testid="message"][data-direction="out"]').first().waitFor();

    const customer = await logIn(await h.newContext(), 'nina', 'customer password 2');
    await customer.goto('/me/care');
    const item = customer.getByTestId('my-care-conversation').filter({ hasText: 'Lanternco' });
    await item.getByTestId('my-care-message').nth(1).waitFor();
    expect(await item.getByTestId('my-care-message').nth(1).getAttribute('data-from')).toBe('brand');
    expect(await item.getByTestId('my-care-message').nth(1).textContent()).toContain('Hi nina!');
  });

  it('should list the customer’s orders in the 360, save an edited canned reply, and say when a follow-up changed the triage', async () => {
    const page = await logIn(await h.newContext(), 'lena', 'team password 1');

    // The 360 beside Omar's complaint lists his order by its short reference, with what he paid.
    await page.goto('/orgs/lanternco/inbox?sort=newest');
    await page.getByTestId('inbox-conversation').filter({ hasText: '@omar' }).click();
    const order = page.getByTestId('customer-360').getByTestId('c360-order');
    await expect.poll(() => order.count(), { timeout: 15_000 }).toBe(1);
    expect(await order.textContent()).toMatch(/#[0-9A-F]{8}/);
    expect(await order.textContent()).toContain('42.50');

    // The owner edits a canned reply; the reply box then inserts the new wording.
    await page.goto('/orgs/lanternco/inbox/setup');
    const thanks = page.getByTestId('canned-reply').filter({ hasText: 'Thanks for asking.' });
    await thanks.getByTestId('canned-edit').click();
    await page.getByTestId('canned-edit-body').fill('Thanks for asking, we will look into it.');
    await page.getByTestId('canned-save').click();
    await page.getByTestId('canned-reply').filter({ hasText: 'we will look into it' }).waitFor();
    expect(await page.getByTestId('canned-edit-body').count()).toBe(0);

    // Nina's question turns into a complaint in a follow-up: the conversation says what changed.
    await post(
      ninaId,
      '@lanternco two days and still no answer about Lisbon, this is terrible service, I want a refund',
    );
    await page.goto('/orgs/lanternco/inbox?sort=newest');
    await page.getByTestId('inbox-conversation').filter({ hasText: '@nina' }).click();
    await page.getByTestId('canned-select').selectOption({ label: 'Thanks' });
    await expect
      .poll(() => page.getByTestId('reply-text').inputValue())
      .toBe('Thanks for asking, we will look into it.');
    const activity = page.getByTestId('triage-activity');
    await expect.poll(() => activity.count(), { timeout: 15_000 }).toBe(1);
    expect(await activity.textContent()).toContain('question → complaint');
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPerson, type Harness, logIn, startHarness } from './harness.ts';

// What a new user of the inbox met: the list by urgency with a sort kept in the URL, canned replies that do not
// run together and keep order details out of public replies, and the customer's Support page with the brand's
// replies.
let h: Harness;
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
});

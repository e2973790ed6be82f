import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPerson, type Harness, logIn, startHarness } from './harness.ts';

// The ideas loop as people meet it: a customer's idea written to the brand becomes, with their consent, an idea on
// the portal; someone typing the same idea is shown it and votes instead; the brand ships it as a product; the
// voter hears of it, buys, and the brand's report counts that order. Once at desktop width, once on a phone.
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };

let h: Harness;
const principalOf = (id: string) => h.app.modules.identity.service.resolvePrincipalForUser(id);

beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.close());

/** The page fits the phone's width: nothing scrolls sideways. */
async function fitsWidth(page: Page, width: number) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
}

/** Reloads until the locator is there: state that an event subscriber writes after the request returned. */
async function reloadUntil(page: Page, found: () => Promise<boolean>) {
  await expect
    .poll(
      async () => {
        if (await found()) return true;
        await page.reload();
        return found();
      },
      { timeout: 30_000, interval: 500 },
    )
    .toBe(true);
}

describe.each([
  ['desktop', DESKTOP, 'strapco'],
  ['phone', PHONE, 'bandco'],
] as const)('the ideas loop on %s', (_name, viewport, brand) => {
  const context = (): Promise<BrowserContext> =>
    viewport === PHONE
      ? h.browser.newContext({ baseURL: h.url, viewport, isMobile: true, hasTouch: true })
      : h.browser.newContext({ baseURL: h.url, viewport });
  const owner = `${brand}owner`;
  const author = `${brand}omar`;
  const voter = `${brand}nina`;
  let ideaId = '';

  beforeAll(async () => {
    const lena = await createPerson(h, owner);
    await h.app.modules.identity.orgs.create(await principalOf(lena.id), {
      handle: brand,
      name: brand === 'strapco' ? 'Strapco' : 'Bandco',
      kind: 'brand',
    });
    await h.app.modules.commerce.catalog.create(await principalOf(lena.id), brand, {
      title: 'Leather watch strap',
      priceMinor: 3_500,
      currency: 'EUR',
      variants: [{ sku: `${brand}-LS`, stock: 20 }],
    });
    const omar = await createPerson(h, author, 'customer password 1');
    await createPerson(h, voter, 'customer password 2');
    // The step is not the point: the customer writes to the brand in public; triage files it as an idea.
    await h.app.modules.social.posts.create(await principalOf(omar.id), {
      text: `@${brand} it would be great if the watch strap came in leather`,
    });
  });

  it('should turn the customer’s idea into a portal idea once they agree in My care', async () => {
    const agent = await logIn(await context(), owner, 'team password 1');
    await agent.goto(`/orgs/${brand}/inbox`);
    const row = agent.getByTestId('inbox-conversation').filter({ hasText: `@${author}` });
    await reloadUntil(agent, async () => (await row.count()) === 1);
    await row.click();
    await expect.poll(() => agent.getByTestId('conversation-intent').textContent()).toContain('Idea');
    await agent.getByTestId('idea-request-open').click();
    expect(await agent.getByTestId('idea-request-description').inputValue()).toContain(
      'strap came in leather',
    );
    await agent.getByTestId('idea-request-title').fill('Leather watch strap');
    await agent.getByTestId('idea-request-submit').click();
    await expect
      .poll(() => agent.getByTestId('conversion-state').getAttribute('data-state'))
      .toBe('requested');
    if (viewport === PHONE) await fitsWidth(agent, PHONE.width);

    const customer = await logIn(await context(), author, 'customer password 1');
    await customer.goto('/me/care');
    const question = customer.getByTestId('conversion-question');
    await reloadUntil(customer, async () => (await question.getAttribute('data-state')) === 'requested');
    expect(await question.textContent()).toContain('Leather watch strap');
    await customer.getByTestId('conversion-accept').click();
    // Posted by the ideas module on the author's yes, then linked back: the My care line leads to the idea.
    const link = customer.getByTestId('conversion-target');
    await reloadUntil(customer, async () => (await link.count()) === 1);
    await link.click();
    await customer.waitForURL(/\/ideas\//);
    ideaId = customer.url().split('/ideas/')[1];
    expect(await customer.getByTestId('idea-page').textContent()).toContain(`by ${author}`);
    if (viewport === PHONE) await fitsWidth(customer, PHONE.width);

    // The agent's conversation now leads to the posted idea too.
    await agent.reload();
    await expect
      .poll(() => agent.getByTestId('conversion-target').textContent())
      .toContain('Leather watch strap');
  });

  it('should show the existing idea to someone typing it, who votes for it instead of posting a duplicate', async () => {
    expect(ideaId).not.toBe('');
    const nina = await logIn(await context(), voter, 'customer password 2');
    await nina.goto(`/orgs/${brand}/ideas`);
    await nina.getByTestId('idea-list').getByText('Leather watch strap').waitFor();
    await nina.getByTestId('idea-form').locator('input[name="title"]').fill('leather strap');
    const similar = nina.getByTestId('similar-ideas');
    await similar.getByText('Leather watch strap').waitFor();
    if (viewport === PHONE) await fitsWidth(nina, PHONE.width);
    await similar.getByText('Leather watch strap').click();
    await nina.waitForURL(`**/ideas/${ideaId}`);
    await nina.getByTestId('vote-bar').getByRole('button', { name: 'Vote' }).click();
    await expect.poll(() => nina.getByTestId('your-votes').textContent()).toBe('1');
    expect(await nina.getByTestId('idea-votes').textContent()).toBe('1');
    expect(await nina.getByTestId('budget-left').textContent()).toBe('9');
    // Nobody posted a second one: the portal still lists one idea.
    await nina.goto(`/orgs/${brand}/ideas`);
    await expect.poll(() => nina.getByTestId('idea-list').locator('li').count()).toBe(1);
  });

  it('should let the brand move it through the statuses and ship it as a catalog product', async () => {
    const team = await logIn(await context(), owner, 'team password 1');
    await team.goto(`/orgs/${brand}/ideas-review`);
    const row = team.locator('[data-testid="review-row"][data-title="Leather watch strap"]');
    for (const status of ['under_review', 'planned', 'in_progress'])
      await expect
        .poll(async () => {
          await row.getByLabel('Status').selectOption(status);
          return row.getByLabel('Status').inputValue();
        })
        .toBe(status);
    await expect.poll(() => row.getByLabel('Ship as').locator('option').count()).toBe(1);
    await row.getByLabel('Ship as').selectOption({ label: 'Leather watch strap' });
    if (viewport === PHONE) await fitsWidth(team, PHONE.width);
    await row.getByRole('button', { name: 'Ship' }).click();
    // Shipped ideas leave the review queue.
    await expect.poll(() => row.count()).toBe(0);
  });

  it('should tell the voter where to buy it, and count their order in the brand’s ideas report', async () => {
    const nina = await logIn(await context(), voter, 'customer password 2');
    await nina.goto('/notifications');
    const note = nina.locator('[data-testid="notification"][data-kind="idea_shipped"]');
    await reloadUntil(nina, async () => (await note.count()) === 1);
    expect(await note.textContent()).toContain('Leather watch strap');
    expect(await note.textContent()).toContain('buy it');
    await note.getByText('buy it').click();
    await nina.waitForURL(`**/ideas/${ideaId}`);
    const shipped = nina.getByTestId('idea-products');
    expect(await shipped.textContent()).toContain('35.00');
    if (viewport === PHONE) await fitsWidth(nina, PHONE.width);
    await shipped.getByRole('link', { name: 'Buy' }).click();
    await nina.getByTestId('product-buy-now').click();
    await nina.getByTestId('address-name').fill('Nina Voter');
    await nina.getByTestId('address-line1').fill('1 Harbour Road');
    await nina.getByTestId('address-postalCode').fill('LS1 1AA');
    await nina.getByTestId('address-city').fill('Leeds');
    await nina.getByTestId('address-country').selectOption('GB');
    await nina.getByTestId('checkout-card').fill('4242 4242 4242 4242');
    await nina.getByTestId('checkout-submit').click();
    await nina.getByTestId('checkout-result').waitFor();

    const team = await logIn(await context(), owner, 'team password 1');
    await team.goto(`/orgs/${brand}/ideas-review`);
    const report = team.getByTestId('ideas-returns').locator('tr').filter({ hasText: 'Leather watch strap' });
    await reloadUntil(
      team,
      async () => (await report.count()) === 1 && ((await report.textContent()) ?? '').includes('35.00'),
    );
    const cells = await report.locator('td').allTextContents();
    // Idea, votes, orders, buyers, revenue.
    expect(cells.slice(1)).toEqual(['1', '1', '1', '€35.00']);
    if (viewport === PHONE) await fitsWidth(team, PHONE.width);
  });
});

describe.each([
  ['desktop', DESKTOP, 'modco'],
  ['phone', PHONE, 'modfon'],
] as const)('the brand’s hidden ideas and comments on %s', (_name, viewport, brand) => {
  const context = (): Promise<BrowserContext> =>
    viewport === PHONE
      ? h.browser.newContext({ baseURL: h.url, viewport, isMobile: true, hasTouch: true })
      : h.browser.newContext({ baseURL: h.url, viewport });
  const owner = `${brand}owner`;
  let goodId = '';

  beforeAll(async () => {
    // The step is not the point: a spammer posts, three people report with their reasons (the default hides at 3).
    const lena = await createPerson(h, owner);
    await h.app.modules.identity.orgs.create(await principalOf(lena.id), {
      handle: brand,
      name: brand,
      kind: 'brand',
    });
    const { portal, moderation } = h.app.modules.ideas;
    const fan = await principalOf((await createPerson(h, `${brand}fan`)).id);
    const spammer = await principalOf((await createPerson(h, `${brand}spam`)).id);
    const good = await portal.post(fan, brand, { title: 'Refill pouches', description: 'Less plastic.' });
    goodId = good.id;
    const spam = await portal.post(spammer, brand, { title: 'Cheap followers here', description: 'DM me' });
    const ad = await portal.comment(spammer, good.id, { body: 'Visit my shop for deals' });
    const harsh = await portal.comment(spammer, good.id, { body: 'Pouches leak, I had one split' });
    for (const [i, reason] of ['Selling followers', 'Spam', 'Scam'].entries()) {
      const reporter = await principalOf((await createPerson(h, `${brand}rep${i}`)).id);
      await moderation.report(reporter, 'idea', spam.id, reason);
      await moderation.report(reporter, 'comment', ad.id, 'Advert');
      await moderation.report(reporter, 'comment', harsh.id, 'Rude');
    }
  });

  it('should list what reports hid with their reasons, and restore, keep hidden or delete each', async () => {
    const team = await logIn(await context(), owner, 'team password 1');
    team.on('dialog', (dialog) => void dialog.accept());
    await team.goto(`/orgs/${brand}/ideas-review`);
    await expect.poll(() => team.getByTestId('ideas-hidden-link').textContent()).toContain('(3)');
    await team.getByTestId('ideas-hidden-link').click();
    const items = team.getByTestId('hidden-item');
    await expect.poll(() => items.count()).toBe(3);
    const spam = items.filter({ hasText: 'Cheap followers here' });
    expect(await spam.getByTestId('hidden-reports').textContent()).toBe('3 reports');
    expect(await spam.getByTestId('hidden-reason').allTextContents()).toEqual([
      expect.stringContaining('Selling followers'),
      expect.stringContaining('Spam'),
      expect.stringContaining('Scam'),
    ]);
    if (viewport === PHONE) await fitsWidth(team, PHONE.width);

    await spam.getByTestId('hidden-keep').click();
    await expect.poll(() => spam.getAttribute('data-state')).toBe('kept');
    expect(await spam.getByTestId('hidden-restore').count()).toBe(0);

    // The harsh but honest comment comes back; the advert goes for good.
    await items.filter({ hasText: 'Pouches leak' }).getByTestId('hidden-restore').click();
    await expect.poll(() => items.filter({ hasText: 'Pouches leak' }).count()).toBe(0);
    await items.filter({ hasText: 'Visit my shop' }).getByTestId('hidden-delete').click();
    await expect.poll(() => items.count()).toBe(1);

    const visitor = await (await context()).newPage();
    await visitor.goto(`/ideas/${goodId}`);
    await visitor.getByText('Pouches leak, I had one split').waitFor();
    expect(await visitor.getByText('Visit my shop for deals').count()).toBe(0);
    await team.goto(`/orgs/${brand}/ideas-review`);
    await expect.poll(() => team.getByTestId('ideas-hidden-link').textContent()).toBe('Hidden after reports');
  });
});

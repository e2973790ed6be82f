import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { png } from '../support/images.ts';
import { createPerson, type Harness, logIn, startHarness } from './harness.ts';

const PHONE = { width: 390, height: 844 };
let h: Harness;
let originalId: string;

beforeAll(async () => {
  h = await startHarness();
  const ana = await createPerson(h, 'ana');
  const ben = await createPerson(h, 'ben');
  await createPerson(h, 'cleo');
  const principalOf = (id: string) => h.app.modules.identity.service.resolvePrincipalForUser(id);
  originalId = await h.app.modules.social.posts.create(await principalOf(ana.id), {
    text: 'Our new trail map is out today',
  });
  await h.app.modules.social.follows.follow(await principalOf(ben.id), 'ana');
}, 120_000);
afterAll(() => h?.close());

const phoneContext = () =>
  h.browser.newContext({ baseURL: h.url, viewport: PHONE, isMobile: true, hasTouch: true });

const scrollWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

async function quoteFromPostPage(context: BrowserContext, who: string, comment: string) {
  const page = await logIn(context, who, 'team password 1');
  await page.goto(`/posts/${originalId}`);
  const original = page.locator(`[data-testid="post"][data-post-id="${originalId}"]`);
  await original.getByTestId('quote-button').click();
  const dialog = page.getByTestId('quote-dialog');
  await dialog.waitFor();
  // The composer shows the card of the post being quoted.
  expect(await dialog.getByTestId('quoted-card').textContent()).toContain('Our new trail map is out today');
  await dialog.getByTestId('compose-text').fill(comment);
  await dialog.getByTestId('compose-submit').click();
  await expect.poll(() => dialog.count()).toBe(0);
  return page;
}

describe('quote posts and image-only posts in the web app', () => {
  it('should quote a post on desktop and show it as a card in the timeline, counted on the original', async () => {
    const context = await h.newContext();
    const page = await quoteFromPostPage(context, 'ben', 'This is the one to get');
    await expect
      .poll(() => page.getByTestId('quote-button').first().getAttribute('aria-label'))
      .toBe('Quote (1)');
    await page.goto('/');
    const quote = page.getByTestId('post').filter({ hasText: 'This is the one to get' });
    await quote.waitFor();
    const card = quote.getByTestId('quoted-card');
    expect(await card.getAttribute('data-available')).toBe('true');
    expect(await card.textContent()).toContain('@ana');
    await card.click();
    await page.waitForURL(`**/posts/${originalId}`);
    await context.close();
  });

  it('should tell the quoted author, and quote on a phone without the page scrolling sideways', async () => {
    const context = await phoneContext();
    const page = await quoteFromPostPage(context, 'cleo', 'Printing it for the weekend');
    expect(await scrollWidth(page)).toBeLessThanOrEqual(PHONE.width);
    await context.close();

    const anaContext = await h.newContext();
    const ana = await logIn(anaContext, 'ana', 'team password 1');
    await ana.goto('/notifications');
    const quoted = ana.locator('[data-testid="notification"][data-kind="quote"]');
    await expect.poll(() => quoted.count(), { timeout: 20_000 }).toBe(2);
    expect(await quoted.first().textContent()).toContain('quoted your post');
    await anaContext.close();
  });

  it('should publish an image-only post with alt text from a phone and show it well', async () => {
    const context = await phoneContext();
    const page = await logIn(context, 'cleo', 'team password 1');
    await page.goto('/');
    const submit = page.getByTestId('compose-submit').first();
    expect(await submit.isDisabled()).toBe(true);
    await page
      .getByTestId('image-input')
      .first()
      .setInputFiles({ name: 'view.png', mimeType: 'image/png', buffer: await png(900, 700) });
    await page.getByTestId('picked-image').waitFor();
    await page.getByTestId('image-alt').fill('Fog over the ridge at sunrise');
    await expect.poll(() => submit.isDisabled()).toBe(false);
    await submit.click();
    const post = page
      .getByTestId('post')
      .filter({ has: page.locator('img[alt="Fog over the ridge at sunrise"]') });
    await post.first().waitFor();
    // No empty text block above the image.
    expect(await post.first().getByTestId('post-text').count()).toBe(0);
    await expect
      .poll(() =>
        post
          .first()
          .locator('img')
          .last()
          .evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0),
      )
      .toBe(true);
    expect(await scrollWidth(page)).toBeLessThanOrEqual(PHONE.width);
    await context.close();
  });
});

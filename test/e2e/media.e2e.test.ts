import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jpeg, png } from '../support/images.ts';
import { createPerson, type Harness, logIn, startHarness } from './harness.ts';

const PHONE = { width: 390, height: 844 };
let h: Harness;
let productId: string;

beforeAll(async () => {
  h = await startHarness();
  const owner = await createPerson(h, 'mira');
  await createPerson(h, 'pablo');
  const principal = await h.app.modules.identity.service.resolvePrincipalForUser(owner.id);
  await h.app.modules.identity.orgs.create(principal, {
    handle: 'lumen',
    name: 'Lumen Lamps',
    kind: 'brand',
  });
  const member = await h.app.modules.identity.service.resolvePrincipalForUser(owner.id);
  const product = await h.app.modules.commerce.catalog.create(member, 'lumen', {
    title: 'Arc Lamp',
    priceMinor: 8_900,
    currency: 'EUR',
    variants: [{ sku: 'ARC-1', stock: 5 }],
  });
  productId = product.id;
});
afterAll(() => h?.close());

/** Content-Security-Policy refusals the page reported, so a test fails when an image is blocked. */
function cspViolations(page: Page): string[] {
  const seen: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) seen.push(m.text());
  });
  return seen;
}

const loaded = (page: Page, selector: string) =>
  page
    .locator(selector)
    .first()
    .evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0);

describe('images in the web app', () => {
  it('should upload a product picture with alt text and show it on the product page', async () => {
    const context = await h.newContext();
    const page = await logIn(context, 'mira', 'team password 1');
    const violations = cspViolations(page);
    await page.goto(`/products/${productId}`);
    await page.getByTestId('product-image-placeholder').waitFor();
    await page.goto(`/orgs/lumen/catalog?edit=${productId}`);
    const form = page.getByTestId('product-form');
    await form.getByTestId('image-input').setInputFiles({
      name: 'lamp.jpg',
      mimeType: 'image/jpeg',
      buffer: await jpeg(1200, 900),
    });
    await form.getByTestId('picked-image').waitFor();
    await form.getByTestId('image-alt').fill('A brass arc lamp over a reading chair');
    await form.getByTestId('product-form-submit').click();
    await expect.poll(() => form.count()).toBe(0);

    await page.goto(`/products/${productId}`);
    const image = page.getByTestId('product-gallery').getByTestId('media-image').first();
    await image.waitFor();
    expect(await image.getAttribute('alt')).toBe('A brass arc lamp over a reading chair');
    await expect.poll(() => loaded(page, '[data-testid="product-gallery"] img')).toBe(true);
    expect(await page.getByTestId('product-image-placeholder').count()).toBe(0);
    expect(violations).toEqual([]);
    await context.close();
  });

  it('should refuse a file that is not an image with a message, on a phone', async () => {
    const context = await h.browser.newContext({
      baseURL: h.url,
      viewport: PHONE,
      isMobile: true,
      hasTouch: true,
    });
    const page = await logIn(context, 'pablo', 'team password 1');
    await page.goto('/');
    await page
      .getByTestId('image-input')
      .first()
      .setInputFiles({
        name: 'notes.png',
        mimeType: 'image/png',
        buffer: Buffer.from('%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n'),
      });
    const alert = page.locator('.image-picker [role="alert"]').first();
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/notes\.png: .*application\/pdf/);
    await context.close();
  });

  it('should post an image with alt text from a phone and show it lazily in the timeline', async () => {
    const context = await h.browser.newContext({
      baseURL: h.url,
      viewport: PHONE,
      isMobile: true,
      hasTouch: true,
    });
    const page = await logIn(context, 'pablo', 'team password 1');
    const violations = cspViolations(page);
    await page.goto('/');
    await page
      .getByTestId('image-input')
      .first()
      .setInputFiles({
        name: 'dog.png',
        mimeType: 'image/png',
        buffer: await png(900, 700),
      });
    await page.getByTestId('picked-image').waitFor();
    // The picked image and its alt text field fit the phone's width (nothing scrolls sideways).
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await page.getByTestId('image-alt').fill('My dog asleep on the sofa');
    await page.getByTestId('compose-text').fill('Sunday mood');
    await page.getByTestId('compose-submit').click();
    const post = page.getByTestId('post').filter({ hasText: 'Sunday mood' }).first();
    await post.waitFor();
    const image = post.getByTestId('post-media').locator('img');
    expect(await image.getAttribute('alt')).toBe('My dog asleep on the sofa');
    expect(await image.getAttribute('loading')).toBe('lazy');
    await image.scrollIntoViewIfNeeded();
    await expect
      .poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0))
      .toBe(true);
    const box = await image.boundingBox();
    expect(box && box.x >= 0 && box.x + box.width <= PHONE.width).toBe(true);
    expect(await page.getByTestId('picked-image').count()).toBe(0);
    expect(violations).toEqual([]);
    await context.close();
  });
});

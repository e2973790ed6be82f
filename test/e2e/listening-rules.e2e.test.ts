import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPerson, type Harness, logIn, startHarness } from './harness.ts';

// Auto-tagging rules in the browser: the owner writes a rule with a typo and is told where the query breaks, fixes
// it, sees it applied to the mentions already stored, opens the tagged mentions, and finds the tag on the topic
// page's mentions, where it filters them; at desktop width and on a 390 px phone.
let h: Harness;
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };
const SHOTS = process.env.SOUK_SCREENSHOTS;

beforeAll(async () => {
  h = await startHarness();
  const { identity, listening } = h.app.modules;
  const owner = await createPerson(h, 'rhea');
  const principal = await h.app.modules.identity.service.resolvePrincipalForUser(owner.id);
  const org = await identity.orgs.create(principal, {
    handle: 'fjordgear',
    name: 'Fjord Gear',
    kind: 'brand',
  });
  const asOwner = await h.app.modules.identity.service.resolvePrincipalForUser(owner.id);
  await listening.topics.create(asOwner, 'fjordgear', { name: 'Fjord', kind: 'brand', query: 'fjord' });
  const now = Date.now();
  const lines = Array.from({ length: 30 }, (_, i) =>
    JSON.stringify({
      id: `f${i}`,
      text: i % 3 === 0 ? `the zip on my Fjord jacket broke, day ${i}` : `Fjord jacket kept me dry, day ${i}`,
      at: new Date(now - i * 3_600_000).toISOString(),
      user: `walker${i}`,
    }),
  );
  await listening.imports.run(
    org.id,
    owner.id,
    (async function* () {
      yield `${lines.join('\n')}\n`;
    })(),
    { format: 'jsonl', mapping: { id: 'id', text: 'text', createdAt: 'at', author: 'user' } },
  );
}, 180_000);
afterAll(() => h?.close());

const noSideScroll = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1);

describe.each([
  ['desktop', DESKTOP, 'Broken zip'],
  ['phone', PHONE, 'Zip trouble'],
])('auto-tagging rules (%s)', (name, viewport, tag) => {
  it('should name where a query breaks, then tag the stored mentions and show the tag on the topic page', async () => {
    const page = await logIn(await h.newContext(), 'rhea', 'team password 1');
    await page.setViewportSize(viewport);
    await page.goto('/orgs/fjordgear/listening/rules');
    const form = page.getByTestId('rule-form');
    await form.waitFor({ timeout: 15_000 });
    await form.getByLabel('Tag').fill(tag);
    await page.getByTestId('rule-query').fill('zip AND (broke');
    await form.getByRole('button', { name: 'Add rule' }).click();
    const error = form.getByRole('alert');
    await error.waitFor();
    expect(await error.textContent()).toMatch(/position 15: expected "\)"/);

    await page.getByTestId('rule-query').fill('zip AND broke');
    await form.getByRole('button', { name: 'Add rule' }).click();
    const rule = page.getByTestId('rule').filter({ hasText: tag });
    await rule.getByTestId('backfill-done').waitFor({ timeout: 15_000 });
    expect(await rule.getByTestId('backfill-done').textContent()).toContain('30 stored mentions');
    await rule.getByRole('button', { name: 'Mentions' }).click();
    const tagged = page.getByTestId('tagged-mentions').getByTestId('mention');
    await tagged.first().waitFor();
    expect(await tagged.count()).toBe(10);
    expect(await tagged.first().textContent()).toContain('zip');
    expect(await noSideScroll(page)).toBe(true);
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/rules-${name}.png`, fullPage: true });

    await page.goto('/orgs/fjordgear/listening');
    await page.getByRole('link', { name: 'Fjord', exact: true }).first().click();
    const mentions = page.locator('.listening-drill').getByTestId('mention');
    await mentions.first().waitFor({ timeout: 45_000 });
    const chip = page.locator('.listening-tag-chip', { hasText: tag }).first();
    await chip.click();
    expect(await page.getByTestId('drill-filter').textContent()).toContain(`tag: ${tag}`);
    await page.waitForFunction(
      () => document.querySelectorAll('.listening-drill [data-testid="mention"]').length === 10,
    );
    expect(await noSideScroll(page)).toBe(true);
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/topic-tags-${name}.png`, fullPage: true });
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPerson, type Harness, logIn, startHarness } from './harness.ts';

// Listening's journey from a spike to care: a brand watches its topic page; customers' Souk posts about a broken zip
// surge against five quiet weeks; the spike sweep runs (the job's own trigger) and the open page shows the spike
// live (SSE `listening.spike`), with why; the manager opens its mentions and hands one to care in one click.
let h: Harness;
const HOUR = 3600_000;
const principalOf = (id: string) => h.app.modules.identity.service.resolvePrincipalForUser(id);

/** Five weeks of ordinary mentions, one every three hours, as a JSON-lines import. */
function quietWeeks(brand: string) {
  const now = Date.now();
  const start = Math.floor(now / HOUR) * HOUR - 35 * 24 * HOUR;
  const lines: string[] = [];
  for (let at = start, n = 0; at < now - 6 * HOUR; at += 3 * HOUR, n++)
    lines.push(
      JSON.stringify({
        id: `${brand}-${n}`,
        text: `${brand} jacket ${['arrived', 'looks great', 'keeps me warm'][n % 3]}`,
        at: new Date(at).toISOString(),
        user: `fan${n % 40}`,
      }),
    );
  return `${lines.join('\n')}\n`;
}

/** A brand with a topic and its quiet history; returns the topic's page and the brand's customers. */
async function brandWithHistory(brand: string, ownerHandle: string) {
  const { identity, listening } = h.app.modules;
  const owner = await createPerson(h, ownerHandle);
  await identity.orgs.create(await principalOf(owner.id), { handle: brand, name: brand, kind: 'brand' });
  // Resolved again: the principal carries the memberships it had when it was made.
  const asOwner = await principalOf(owner.id);
  const topic = await listening.topics.create(asOwner, brand, {
    name: `${brand} itself`,
    kind: 'brand',
    query: `${brand} OR @${brand}`,
  });
  const org = await identity.orgs.requireCapability(asOwner, brand, 'listen');
  const file = quietWeeks(brand);
  await listening.imports.run(
    org.id,
    owner.id,
    (async function* () {
      yield file;
    })(),
    { format: 'jsonl', mapping: { id: 'id', text: 'text', createdAt: 'at', author: 'user' } },
  );
  return { owner, asOwner, topicPath: `/orgs/${brand}/listening/topics/${topic.id}` };
}

beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.close());

describe('listening: from a spike to a care conversation', () => {
  for (const [label, viewport, brand] of [
    ['desktop', { width: 1280, height: 900 }, 'zipline'],
    ['390 px phone', { width: 390, height: 844 }, 'zipwear'],
  ] as const) {
    it(`should show a spike live, explain it, and hand its mention to care (${label})`, async () => {
      const { owner, asOwner, topicPath } = await brandWithHistory(brand, `${brand}_owner`);
      const context = await h.browser.newContext({ baseURL: h.url, viewport });
      const page = await logIn(context, owner.handle, owner.password);
      await page.goto(topicPath);
      await expect
        .poll(() => page.locator('.listening-spikes').textContent())
        .toContain('No spike in the last week');

      // Customers complain on Souk about the same broken zip, all in this hour.
      for (let i = 0; i < 12; i++) {
        const customer = await createPerson(h, `${brand}_buyer${i}`);
        await h.app.modules.social.posts.create(await principalOf(customer.id), {
          text: `@${brand} the zip on my new jacket broke ${i % 2 ? 'again' : 'on day one'} #zipfail`,
        });
      }
      await expect
        .poll(
          async () =>
            (await h.app.modules.listening.mentions.list(asOwner, brand, { q: 'source:souk' })).items.length,
          {
            timeout: 30_000,
          },
        )
        .toBe(12);

      // The sweep runs as the server's schedule would; the open page learns of the spike through the live stream.
      expect(await h.app.modules.listening.spikes.scanAll()).toBeGreaterThanOrEqual(1);
      const spike = page.getByTestId('spike');
      await spike.waitFor({ timeout: 30_000 });
      await expect.poll(() => spike.textContent()).toMatch(/12 mentions in \d+ hours?/);
      // Why: the broken zip stands out against the quiet weeks.
      await expect
        .poll(() => spike.locator('.spike-chip').allTextContents())
        .toEqual(expect.arrayContaining(['zip', 'broke']));

      // The mentions behind it, then one handed to care: the inbox opens on that post's conversation.
      await spike.getByRole('button', { name: 'Show its mentions' }).click();
      const mention = page
        .getByTestId('mention')
        .filter({ hasText: 'the zip on my new jacket broke' })
        .first();
      await mention.waitFor();
      const text = (await mention.locator('p').textContent()) ?? '';
      await mention.getByTestId('open-in-care').click();
      await page.waitForURL(new RegExp(`/orgs/${brand}/inbox\\?c=`));
      const conversation = page.getByTestId('conversation-detail');
      await conversation.waitFor({ timeout: 30_000 });
      await expect
        .poll(() => conversation.textContent())
        .toContain(text.replace(`@${brand} `, '').slice(0, 30));
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width).toBeLessThanOrEqual(viewport.width);
      await context.close();
    });
  }
});

import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPerson, type Harness, logIn, startHarness } from './harness.ts';

// Listening as a brand's marketer meets it: import a file in the browser and read its per-line report, open a
// topic's page, drill down from a chart to the mentions behind it, and open a mention's thread; at desktop
// width and at 390 px.
let h: Harness;
let file: string;
const principalOf = (id: string) => h.app.modules.identity.service.resolvePrincipalForUser(id);
const now = Date.now();
const at = (minutesAgo: number) => new Date(now - minutesAgo * 60_000).toUTCString();

beforeAll(async () => {
  h = await startHarness();
  const owner = await createPerson(h, 'lena');
  const asOwner = await principalOf(owner.id);
  await h.app.modules.identity.orgs.create(asOwner, {
    handle: 'lanternco',
    name: 'Lanternco',
    kind: 'brand',
  });
  const asMember = await principalOf(owner.id);
  await h.app.modules.listening.topics.create(asMember, 'lanternco', {
    name: 'Lanternco',
    kind: 'brand',
    query: 'lanternco OR @lanternco OR #lanternfail',
  });
  await h.app.modules.listening.topics.create(asMember, 'lanternco', {
    name: 'Glowly',
    kind: 'competitor',
    query: 'glowly',
  });
  file = path.join(os.tmpdir(), `listening-e2e-${process.pid}.csv`);
  writeFileSync(
    file,
    [
      'tweet_id,author_id,inbound,created_at,text,response_tweet_id,in_response_to_tweet_id',
      `1,ann,True,${at(300)},@lanternco my lamp arrived broken #lanternfail,2,`,
      `2,lanterncare,False,${at(290)},@ann so sorry! A new one is on its way,3,1`,
      `3,ann,True,${at(280)},@lanterncare thank you,,2`,
      `4,bob,True,not a date,@lanternco hi,,`,
      `5,cy,True,${at(200)},glowly lamps are fine,,`,
    ].join('\n'),
  );
});
afterAll(() => h?.close());

describe('listening in the browser', () => {
  for (const width of [1280, 390]) {
    it(`imports a file, charts the topic and drills down to a mention's thread at ${width} px`, async () => {
      const context = await h.newContext();
      const page = await logIn(context, 'lena', 'team password 1');
      await page.setViewportSize({ width, height: 900 });
      await page.goto('/orgs/lanternco/listening');
      await page.getByTestId('import-file').setInputFiles(file);
      await page.getByRole('button', { name: 'Import', exact: true }).click();
      const report = page.getByTestId('import-report');
      await expect.poll(() => report.textContent(), { timeout: 20_000 }).toMatch(/bad lines/);
      expect(await report.textContent()).toContain('line 5: unreadable date "not a date"');
      await page.getByTestId('topic-list').getByRole('link', { name: 'Lanternco' }).click();
      await expect.poll(() => page.getByTestId('volume-chart').count(), { timeout: 15_000 }).toBe(1);
      const mentions = page.getByTestId('mention');
      await expect.poll(() => mentions.count(), { timeout: 15_000 }).toBeGreaterThan(0);
      await mentions.filter({ hasText: 'arrived broken' }).getByRole('button', { name: 'Thread' }).click();
      const thread = page.getByTestId('mention-thread');
      await expect.poll(() => thread.textContent(), { timeout: 15_000 }).toContain('A new one is on its way');
      expect(await thread.textContent()).toContain('thank you');
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await page.screenshot({ path: path.join(os.tmpdir(), `listening-topic-${width}.png`), fullPage: true });
      await context.close();
    });
  }
});

import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPerson, type Harness, startHarness } from './harness.ts';

// A brand-new person lands on an empty home: they follow a suggested account, then mention a brand picked from
// @-autocomplete with the keyboard. "bramble" (a person) sorts before "brookline" (a verified brand), so picking
// the brand takes an ArrowDown.
let h: Harness;
let benId: string;
beforeAll(async () => {
  h = await startHarness();
  const tess = await createPerson(h, 'tess');
  const ben = await createPerson(h, 'ben');
  const bramble = await createPerson(h, 'bramble');
  benId = ben.id;
  const tessP = await h.app.modules.identity.service.resolvePrincipalForUser(tess.id);
  await h.app.modules.identity.orgs.create(tessP, {
    handle: 'brookline',
    name: 'Brookline Boots',
    kind: 'brand',
  });
  await h.app.modules.identity.orgs.setVerified({ ...tessP, isAdmin: true }, 'brookline', true);
  const benP = await h.app.modules.identity.service.resolvePrincipalForUser(ben.id);
  // brookline is the most followed (3), then ben (1, and one more after the desktop run follows him).
  const brambleP = await h.app.modules.identity.service.resolvePrincipalForUser(bramble.id);
  await h.app.modules.social.follows.follow(brambleP, 'brookline');
  await h.app.modules.social.follows.follow(tessP, 'ben');
  await h.app.modules.social.follows.follow(benP, 'brookline');
  await h.app.modules.social.follows.follow(tessP, 'brookline');
  await h.app.modules.social.posts.create(benP, { text: 'Morning run done', visibility: 'public' });
});
afterAll(() => h?.close());

async function signUp(context: BrowserContext, handle: string) {
  const page = await context.newPage();
  await page.goto('/signup');
  await page.getByTestId('signup-email').fill(`${handle}@example.com`);
  await page.getByTestId('signup-password').fill('a long password');
  await page.getByTestId('signup-handle').fill(handle);
  await page.getByTestId('signup-name').fill(handle);
  await page.getByTestId('signup-submit').click();
  await page.waitForURL((u) => u.pathname === '/');
  return page;
}

const widths = [
  { name: 'desktop', handle: 'nina', options: { viewport: { width: 1280, height: 900 } } },
  {
    name: 'phone (390 px)',
    handle: 'pia',
    options: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true },
  },
];

describe.each(widths)('social basics at $name', ({ name, handle, options }) => {
  it('should suggest whom to follow on an empty home and autocomplete @mentions', async () => {
    const context = await h.browser.newContext({ baseURL: h.url, ...options });
    const page = await signUp(context, handle);

    const shot = async (what: string) => {
      const dir = process.env.SCREENSHOT_DIR;
      if (dir) await page.screenshot({ path: `${dir}/social-basics-${what}-${name.split(' ')[0]}.png` });
    };
    // Who to follow: the most followed first, never yourself.
    const panel = page.getByTestId('who-to-follow-page');
    await panel.waitFor();
    const cards = panel.getByTestId('suggestion');
    await expect.poll(() => cards.count()).toBeGreaterThanOrEqual(2);
    const texts = await cards.allTextContents();
    expect(texts[0]).toContain('@brookline');
    expect(texts[1]).toContain('@ben');
    expect(texts.join(' ')).not.toContain(`@${handle}`);
    await shot('suggestions');
    await panel.getByRole('button', { name: 'Follow @ben' }).click();
    await expect.poll(() => panel.getByText('@ben', { exact: true }).count()).toBe(0);
    const me = await h.app.modules.identity.accounts.byHandle(handle);
    expect(await h.app.modules.social.follows.isFollowing(me!.id, benId)).toBe(true);
    // ben's post arrives in the home timeline.
    await page.getByTestId('post').filter({ hasText: 'Morning run done' }).first().waitFor();

    // @-autocomplete: "@br" offers bramble then the verified brand; ArrowDown + Enter picks the brand.
    const box = page.getByTestId('compose-text');
    await box.click();
    await box.pressSequentially('Love my boots from @br');
    const list = page.getByRole('listbox', { name: 'Accounts to mention' });
    await list.waitFor();
    const choices = list.getByRole('option');
    await expect
      .poll(() => choices.allTextContents())
      .toEqual([expect.stringContaining('@bramble'), expect.stringContaining('@brookline')]);
    expect(await choices.nth(1).getByTestId('verified-mark').count()).toBe(1);
    await shot('mention');
    expect(await box.getAttribute('aria-expanded')).toBe('true');
    await box.press('ArrowDown');
    const activeId = await box.getAttribute('aria-activedescendant');
    expect(await choices.nth(1).getAttribute('id')).toBe(activeId);
    expect(await choices.nth(1).getAttribute('aria-selected')).toBe('true');
    await box.press('Enter');
    expect(await box.inputValue()).toBe('Love my boots from @brookline ');
    expect(await list.count()).toBe(0);
    // The caret stays after the inserted handle: typing goes on from there.
    await box.pressSequentially('so much');
    expect(await box.inputValue()).toBe('Love my boots from @brookline so much');

    // Escape closes the list without changing the text.
    await box.pressSequentially(' @be');
    await list.waitFor();
    await box.press('Escape');
    expect(await list.count()).toBe(0);
    for (let i = 0; i < 4; i++) await box.press('Backspace');
    expect(await box.inputValue()).toBe('Love my boots from @brookline so much');

    await page.getByTestId('compose-submit').click();
    const post = page.getByTestId('post').filter({ hasText: 'Love my boots from' }).first();
    await post.waitFor();
    const mention = post.getByRole('link', { name: '@brookline' });
    expect(await mention.getAttribute('href')).toBe('/@brookline');
    await shot('posted');
    await context.close();
  });
});

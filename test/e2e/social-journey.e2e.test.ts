import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPerson, type Harness, logIn, startHarness } from './harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  const owner = await createPerson(h, 'tess');
  const principal = await h.app.modules.identity.service.resolvePrincipalForUser(owner.id);
  await h.app.modules.identity.orgs.create(principal, {
    handle: 'trailco',
    name: 'Trailco Outfitters',
    kind: 'brand',
    bio: 'Boots for every trail',
  });
  await h.app.modules.identity.orgs.setVerified({ ...principal, isAdmin: true }, 'trailco', true);
});
afterAll(() => h?.close());

describe('a customer and a brand talk on Souk', () => {
  it('should let a new user sign up, follow a brand, mention it, get a reply from the brand and a live notification', async () => {
    const customer = await h.newContext();
    const page = await customer.newPage();
    await page.goto('/signup');
    await page.getByTestId('signup-email').fill('rosa@example.com');
    await page.getByTestId('signup-password').fill('a long password');
    await page.getByTestId('signup-handle').fill('rosa');
    await page.getByTestId('signup-name').fill('Rosa Diaz');
    await page.getByTestId('signup-submit').click();
    await page.waitForURL((u) => u.pathname === '/');

    await page.goto('/@trailco');
    await expect.poll(() => page.getByTestId('profile-name').textContent()).toContain('Trailco Outfitters');
    expect(await page.getByTestId('verified-mark').count()).toBeGreaterThan(0);
    await page.getByTestId('follow-button').click();
    await expect.poll(() => page.getByTestId('follow-button').textContent()).toMatch(/following|unfollow/i);

    await page.goto('/');
    const text = 'Hi @trailco, my new boots leak after one week #help';
    await page.getByTestId('compose-text').fill(text);
    await expect.poll(() => page.getByTestId('compose-counter').textContent()).toContain(String(text.length));
    await page.getByTestId('compose-submit').click();
    const mine = page.getByTestId('post').filter({ hasText: 'my new boots leak' });
    await mine.first().waitFor();
    expect(await mine.first().getByTestId('post-author').textContent()).toContain('Rosa Diaz');

    // The brand's team member sees the mention on the brand page and answers as the brand.
    const brand = await h.newContext();
    const brandPage = await logIn(brand, 'tess', 'team password 1');
    await brandPage.goto('/@trailco');
    await brandPage.getByTestId('tab-mentions').click();
    const mention = brandPage.getByTestId('post').filter({ hasText: 'my new boots leak' }).first();
    await mention.waitFor();
    await mention.getByTestId('reply-button').click();
    await brandPage.waitForURL(/\/posts\//);
    await brandPage.getByTestId('compose-as').selectOption('trailco');
    await brandPage.getByTestId('compose-text').fill('Sorry to hear that, Rosa! We will replace them.');
    await brandPage.getByTestId('compose-submit').click();
    await brandPage.getByTestId('post').filter({ hasText: 'We will replace them' }).first().waitFor();

    // The customer's badge updates live, without a reload, and the notification names the brand.
    await expect
      .poll(() => page.getByTestId('notif-badge').textContent(), { timeout: 10_000 })
      .toMatch(/[1-9]/);
    await page.goto('/notifications');
    const item = page.getByTestId('notification').first();
    await item.waitFor();
    expect(await item.textContent()).toMatch(/Trailco/);
    await customer.close();
    await brand.close();
  });

  it('should render HTML and script payloads in names, bios and posts as plain text', async () => {
    const payload = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script><b>bold</b>';
    const context = await h.newContext();
    const page = await context.newPage();
    await page.goto('/signup');
    await page.getByTestId('signup-email').fill('mallory@example.com');
    await page.getByTestId('signup-password').fill('a long password');
    await page.getByTestId('signup-handle').fill('mallory');
    await page.getByTestId('signup-name').fill('<b>Mal</b><script>window.__pwned=3</script>');
    await page.getByTestId('signup-submit').click();
    await page.waitForURL((u) => u.pathname === '/');
    const csrf = await page.evaluate(async () => (await (await fetch('/api/v1/me')).json()).csrfToken);
    await page.evaluate(
      async ({ csrf, payload }) => {
        const headers = { 'content-type': 'application/json', 'x-csrf-token': csrf };
        await fetch('/api/v1/me/profile', {
          method: 'PATCH',
          headers,
          body: JSON.stringify({ bio: payload }),
        });
        await fetch('/api/v1/posts', { method: 'POST', headers, body: JSON.stringify({ text: payload }) });
      },
      { csrf, payload },
    );
    await page.goto('/@mallory');
    await page.getByTestId('post-text').first().waitFor();
    expect(await page.getByTestId('post-text').first().textContent()).toBe(payload);
    expect(await page.getByTestId('profile-bio').textContent()).toContain(payload);
    expect(await page.getByTestId('profile-name').textContent()).toContain('<b>Mal</b>');
    expect(
      await page
        .locator('[data-testid="post-text"] b, [data-testid="profile-bio"] b, [data-testid="profile-name"] b')
        .count(),
    ).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    await context.close();
  });

  it('should take a deleted reply out of its thread, say so when the thread’s own post is deleted, and link a reply whose parent is gone to that post', async () => {
    await createPerson(h, 'nadia');
    const context = await h.newContext();
    const page = await logIn(context, 'nadia', 'team password 1');
    const ids = await page.evaluate(async () => {
      const { csrfToken } = await (await fetch('/api/v1/me')).json();
      const headers = { 'content-type': 'application/json', 'x-csrf-token': csrfToken };
      const post = async (body: object): Promise<string> =>
        (await (await fetch('/api/v1/posts', { method: 'POST', headers, body: JSON.stringify(body) })).json())
          .id;
      const root = await post({ text: 'Which boots for wet spring hikes?' });
      const first = await post({ text: 'A first answer, soon deleted', inReplyToId: root });
      const second = await post({ text: 'A second answer that stays', inReplyToId: root });
      return { root, first, second };
    });
    const card = (id: string) => page.locator(`[data-testid="post"][data-post-id="${id}"]`);
    const remove = async (id: string) => {
      await card(id).getByRole('button', { name: 'Delete' }).click();
      await card(id).getByTestId('delete-confirm').click();
    };

    await page.goto(`/posts/${ids.root}`);
    await card(ids.first).waitFor();
    await remove(ids.first);
    await expect.poll(() => card(ids.first).count()).toBe(0);
    expect(await card(ids.second).count()).toBe(1);

    await remove(ids.root);
    await page.getByText('This post isn’t available').waitFor();
    expect(await card(ids.root).count()).toBe(0);

    await page.goto(`/posts/${ids.second}`);
    await card(ids.second).waitFor();
    const replyingTo = card(ids.second).locator('.replying-to');
    expect(await replyingTo.textContent()).toBe('Replying to a post');
    expect(await replyingTo.locator('a').getAttribute('href')).toBe(`/posts/${ids.root}`);
    await context.close();
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPerson, type Harness, logIn, startHarness } from './harness.ts';

let h: Harness;
let owner: { id: string; handle: string; password: string };
let fan: { id: string; handle: string; password: string };

beforeAll(async () => {
  h = await startHarness();
  owner = await createPerson(h, 'olive');
  fan = await createPerson(h, 'finn');
  const principal = await h.app.modules.identity.service.resolvePrincipalForUser(owner.id);
  await h.app.modules.identity.orgs.create(principal, { handle: 'peakco', name: 'Peak Co', kind: 'brand' });
  // The principal read before the org existed has no membership in it yet.
  const asOwner = await h.app.modules.identity.service.resolvePrincipalForUser(owner.id);
  await h.app.modules.identity.orgs.invite(asOwner, 'peakco', 'finn', 'marketer');
});
afterAll(() => h?.close());

describe('the web app', () => {
  it('should count characters, warn near 500 and refuse to post over it or when empty', async () => {
    const context = await h.newContext();
    const page = await logIn(context, owner.handle, owner.password);
    const counter = page.getByTestId('compose-counter');
    const submit = page.getByTestId('compose-submit');
    expect(await submit.isDisabled()).toBe(true);
    await page.getByTestId('compose-text').fill('   ');
    expect(await submit.isDisabled()).toBe(true);
    await page.getByTestId('compose-text').fill('a'.repeat(470));
    expect(await counter.textContent()).toContain('470');
    expect(await counter.getAttribute('data-state')).toBe('warning');
    expect(await submit.isDisabled()).toBe(false);
    await page.getByTestId('compose-text').fill('a'.repeat(501));
    expect(await counter.getAttribute('data-state')).toBe('over');
    expect(await submit.isDisabled()).toBe(true);
    await context.close();
  });

  it('should post as the brand and render mentions, tags and links as links by their offsets', async () => {
    const context = await h.newContext();
    const page = await logIn(context, owner.handle, owner.password);
    await page.getByTestId('compose-as').selectOption('peakco');
    await page
      .getByTestId('compose-text')
      .fill('🎉 New trail pack, ask @olive #launch https://peak.example/pack.');
    await page.getByTestId('compose-submit').click();
    await expect.poll(() => page.getByTestId('compose-text').inputValue()).toBe('');
    await page.goto('/@peakco');
    const post = page.getByTestId('post').filter({ hasText: 'New trail pack' }).first();
    await post.waitFor();
    expect(await post.getByTestId('post-author').textContent()).toContain('Peak Co');
    const text = post.getByTestId('post-text');
    expect(await text.getByRole('link', { name: '@olive' }).getAttribute('href')).toBe('/@olive');
    expect(await text.getByRole('link', { name: '#launch' }).getAttribute('href')).toBe('/tags/launch');
    const link = text.getByRole('link', { name: 'https://peak.example/pack' });
    expect(await link.getAttribute('rel')).toBe('noopener noreferrer nofollow');
    expect(await text.textContent()).toBe('🎉 New trail pack, ask @olive #launch https://peak.example/pack.');
    await context.close();
  });

  it('should show a like at once and keep it after the server answers', async () => {
    const author = await h.newContext();
    const authorPage = await logIn(author, owner.handle, owner.password);
    await authorPage.getByTestId('compose-text').fill('Like me if you hike');
    await authorPage.getByTestId('compose-submit').click();
    await authorPage.getByTestId('post').filter({ hasText: 'Like me if you hike' }).first().waitFor();

    const context = await h.newContext();
    const page = await logIn(context, fan.handle, fan.password);
    await page.goto('/@olive');
    const post = page.getByTestId('post').filter({ hasText: 'Like me if you hike' }).first();
    const like = post.getByTestId('like-button');
    await like.waitFor();
    expect(await like.textContent()).toContain('0');
    await like.click();
    expect(await like.getAttribute('aria-pressed')).toBe('true');
    expect(await like.textContent()).toContain('1');
    await page.reload();
    await expect.poll(() => page.getByTestId('like-button').first().textContent()).toContain('1');
    await author.close();
    await context.close();
  });

  it('should show a pending invitation in the navigation and join the org on accept', async () => {
    const context = await h.newContext();
    const page = await logIn(context, fan.handle, fan.password);
    await expect.poll(() => page.getByTestId('invitations-badge').textContent()).toBe('1');
    await page.getByTestId('nav-invitations').click();
    await page.getByTestId('invitation-accept').click();
    await expect.poll(() => page.getByTestId('invitation').count()).toBe(0);
    await page.goto('/');
    // The post-as choice appears once the app has loaded who you are: wait for it rather than read it at once.
    await expect
      .poll(async () => (await page.getByTestId('compose-as').locator('option').allTextContents()).join(' '))
      .toContain('Peak Co');
    await context.close();
  });

  it('should show a new API token once and list it by prefix', async () => {
    const context = await h.newContext();
    const page = await logIn(context, owner.handle, owner.password);
    await page.goto('/settings');
    await page.getByTestId('token-name').fill('Shop sync');
    await page.getByTestId('token-create').click();
    const token = (await page.getByTestId('token-value').textContent()) ?? '';
    expect(token).toMatch(/^souk_/);
    await expect.poll(() => page.getByTestId('token-item').count()).toBe(1);
    await page.reload();
    await page.getByTestId('token-item').waitFor();
    expect(await page.getByTestId('token-value').count()).toBe(0);
    expect(await page.getByTestId('token-item').textContent()).not.toContain(token);
    await context.close();
  });

  it('should show server field errors next to the signup fields', async () => {
    const context = await h.newContext();
    const page = await context.newPage();
    await page.goto('/signup');
    await page.getByTestId('signup-email').fill('someone@example.com');
    await page.getByTestId('signup-password').fill('a long password');
    await page.getByTestId('signup-handle').fill('olive');
    await page.getByTestId('signup-name').fill('Another Olive');
    await page.getByTestId('signup-submit').click();
    await expect
      .poll(() => page.locator('.field-error').allTextContents())
      .toContain('Handle is already taken');
    await context.close();
  });
});

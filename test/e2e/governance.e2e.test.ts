import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPerson, type Harness, logIn, startHarness } from './harness.ts';

// The brand policy where a brand member writes: a customer's phone number in a post as the brand is highlighted
// where it stands, stops the post, and the offered fix clears it; a warning waits for a reason that lands in the
// audit log on the Policy page, where a rule with a pattern RE2 cannot run is refused at its field. A marketer's
// post as the brand goes to the approvals queue with a time, and goes out at that time once approved.
let h: Harness;
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };
const principalOf = (id: string) => h.app.modules.identity.service.resolvePrincipalForUser(id);

beforeAll(async () => {
  h = await startHarness();
  const owner = await createPerson(h, 'greta');
  await h.app.modules.identity.orgs.create(await principalOf(owner.id), {
    handle: 'fjordwear',
    name: 'Fjordwear',
    kind: 'brand',
  });
  // Mia markets the brand; her posts as the brand wait for one approver.
  const { identity, approvals } = h.app.modules;
  const mia = await createPerson(h, 'mia');
  const invitation = await identity.orgs.invite(await principalOf(owner.id), 'fjordwear', 'mia', 'marketer');
  await identity.orgs.respond(await principalOf(mia.id), invitation.id, 'accept');
  await approvals.approvals.saveSettings(await principalOf(owner.id), 'fjordwear', {
    roles: ['marketer'],
    approvers: 1,
  });
}, 180_000);
afterAll(() => h?.close());

const noSideScroll = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1);

describe.each([
  ['desktop', DESKTOP],
  ['phone', PHONE],
])('the policy in the composer (%s)', (_name, viewport) => {
  it('should block a draft with a customer’s phone number, highlight its span and clear it with the offered fix', async () => {
    const page = await logIn(await h.newContext(), 'greta', 'team password 1');
    await page.setViewportSize(viewport);
    await page.goto('/');
    await page.getByTestId('compose-as').first().selectOption('fjordwear');
    const number = '415-555-0132';
    const text = `Thanks Sam, we will call you at ${number} tomorrow`;
    const box = page.getByTestId('compose-text').first();
    await box.fill(text);

    const mark = page.getByTestId('policy-mark').first();
    await expect.poll(() => mark.count(), { timeout: 15_000 }).toBe(1);
    expect(await mark.getAttribute('data-severity')).toBe('block');
    expect(await mark.textContent()).toBe(number);
    expect(Number(await mark.getAttribute('data-start'))).toBe(text.indexOf(number));
    // The highlight sits inside the textarea, over the words it marks.
    const markBox = (await mark.boundingBox())!;
    const areaBox = (await box.boundingBox())!;
    expect(markBox.x).toBeGreaterThanOrEqual(areaBox.x);
    expect(markBox.x + markBox.width).toBeLessThanOrEqual(areaBox.x + areaBox.width + 1);
    expect(markBox.y).toBeGreaterThanOrEqual(areaBox.y);
    expect(markBox.y + markBox.height).toBeLessThanOrEqual(areaBox.y + areaBox.height + 1);

    // Not colour only: the finding is written out, with its severity and the words it is about.
    const finding = page.getByTestId('policy-finding').first();
    expect(await finding.textContent()).toContain('Blocks posting');
    expect(await finding.textContent()).toContain('A phone number must not be posted in public');
    expect(await finding.textContent()).toContain(number);
    expect(await page.getByTestId('compose-submit').first().isDisabled()).toBe(true);
    expect(await noSideScroll(page)).toBe(true);

    await page.getByTestId('policy-fix').first().click();
    expect(await box.inputValue()).toBe('Thanks Sam, we will call you at [sent privately] tomorrow');
    await expect.poll(() => page.getByTestId('policy-finding').count(), { timeout: 15_000 }).toBe(0);
    expect(await page.getByTestId('policy-mark').count()).toBe(0);
    await page.getByTestId('compose-submit').first().click();
    await expect.poll(() => page.getByText('Posted').count(), { timeout: 15_000 }).toBe(1);
    await page.context().close();
  });
});

describe('warnings, the server’s word and the Policy page', () => {
  it('should ask for a reason to post over a warning and list the override in the audit log', async () => {
    const page = await logIn(await h.newContext(), 'greta', 'team password 1');
    await page.goto('/');
    await page.getByTestId('compose-as').first().selectOption('fjordwear');
    await page.getByTestId('compose-text').first().fill('WE ARE SO EXCITED for the winter launch');
    await expect.poll(() => page.getByTestId('policy-reason').count(), { timeout: 15_000 }).toBe(1);
    expect(await page.getByTestId('policy-finding').first().textContent()).toContain('Warning');
    expect(await page.getByTestId('compose-submit').first().isDisabled()).toBe(true);
    await page.getByTestId('policy-reason').fill('Launch day, the shouting is the point');
    await page.getByTestId('compose-submit').first().click();
    await expect.poll(() => page.getByText('Posted').count(), { timeout: 15_000 }).toBe(1);

    await page.goto('/orgs/fjordwear/policy');
    const entry = page.getByTestId('audit-entry').first();
    await expect.poll(() => entry.count(), { timeout: 15_000 }).toBe(1);
    expect(await entry.textContent()).toContain('Launch day, the shouting is the point');
    await page.getByTestId('audit-action').selectOption('blocked');
    await expect.poll(() => page.getByText('Nothing recorded yet').count(), { timeout: 15_000 }).toBe(1);
    expect(await page.getByTestId('audit-csv').getAttribute('href')).toContain('action=blocked');
    await page.context().close();
  });

  it('should show the server’s refusal of a draft the composer had not checked yet the same way', async () => {
    const page = await logIn(await h.newContext(), 'greta', 'team password 1');
    await page.goto('/');
    await page.getByTestId('compose-as').first().selectOption('fjordwear');
    // Sent before the lint's pause is over: the server's 422 brings the findings.
    await page.getByTestId('compose-text').first().fill('Write to sam@example.com for the swap');
    await page.getByTestId('compose-submit').first().click();
    const finding = page.getByTestId('policy-finding').first();
    await expect.poll(() => finding.count(), { timeout: 15_000 }).toBe(1);
    expect(await finding.getAttribute('data-severity')).toBe('block');
    expect(await page.getByTestId('policy-mark').first().textContent()).toBe('sam@example.com');
    await page.context().close();
  });

  it('should refuse a rule whose pattern RE2 cannot run, at its field, and try a brand rule in the box', async () => {
    const page = await logIn(await h.newContext(), 'greta', 'team password 1');
    await page.setViewportSize(PHONE);
    await page.goto('/orgs/fjordwear/policy');
    await page.getByTestId('rule-add').click();
    await page.getByTestId('rule-kind').selectOption('banned_pattern');
    await page.getByTestId('rule-message').fill('No countdown hype');
    await page.getByTestId('rule-pattern').fill('(a+)\\1');
    await page.getByTestId('rule-save').click();
    const fieldError = page.locator('.field-error');
    await expect.poll(() => fieldError.count(), { timeout: 15_000 }).toBeGreaterThan(0);
    expect(await fieldError.first().textContent()).toContain('Pattern');
    await page.getByTestId('rule-pattern').fill('last chance!+');
    await page.getByTestId('rule-save').click();
    await expect
      .poll(() => page.getByText('No countdown hype').count(), { timeout: 15_000 })
      .toBeGreaterThan(0);
    await page.getByTestId('policy-try-text').fill('Hurry, last chance!!! to save');
    const finding = page.getByTestId('policy-finding').first();
    await expect.poll(() => finding.count(), { timeout: 15_000 }).toBe(1);
    expect(await finding.textContent()).toContain('No countdown hype');
    expect(await noSideScroll(page)).toBe(true);
    await page.context().close();
  });
});

describe('approvals and scheduled publishing', () => {
  it('should send a marketer’s scheduled post for approval, and publish it at its time once the owner approves it on a phone', async () => {
    const writer = await logIn(await h.newContext(), 'mia', 'team password 1');
    await writer.goto('/');
    await writer.getByTestId('compose-as').first().selectOption('fjordwear');
    await expect.poll(() => writer.getByTestId('needs-approval').count(), { timeout: 15_000 }).toBe(1);
    const text = 'Winter boots land on Friday';
    await writer.getByTestId('compose-text').first().fill(text);
    // One to two minutes ahead on the writer’s clock (the time picker counts whole minutes).
    const nextMinute = await writer.evaluate(() => {
      const d = new Date(Date.now() + 120_000);
      const pad = (n: number) => String(n).padStart(2, '0');
      return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
    });
    await writer.getByTestId('compose-publish-at').fill(nextMinute);
    expect(await writer.getByTestId('compose-submit').first().textContent()).toBe('Submit for approval');
    await writer.getByTestId('compose-submit').first().click();
    await expect.poll(() => writer.getByText('Sent for approval').count(), { timeout: 15_000 }).toBe(1);
    // Her own draft she cannot approve.
    await writer.goto('/orgs/fjordwear/approvals');
    const own = writer.getByTestId('draft').first();
    await expect.poll(() => own.getAttribute('data-status'), { timeout: 15_000 }).toBe('pending');
    expect(await own.getByTestId('draft-approve').count()).toBe(0);

    const approver = await logIn(await h.newContext(), 'greta', 'team password 1');
    await approver.setViewportSize(PHONE);
    await approver.goto('/orgs/fjordwear/approvals');
    const draft = approver.getByTestId('draft').filter({ hasText: text });
    await expect.poll(() => draft.getAttribute('data-status'), { timeout: 15_000 }).toBe('pending');
    await draft.getByTestId('draft-comment').fill('Good to go');
    await draft.getByTestId('draft-approve').click();
    await expect.poll(() => draft.getAttribute('data-status'), { timeout: 15_000 }).toBe('scheduled');
    expect(await draft.textContent()).toContain('Good to go');
    expect(await noSideScroll(approver)).toBe(true);
    const posts = async () =>
      (await h.app.app.inject({ url: '/api/v1/accounts/fjordwear/posts' }))
        .json()
        .items.map((p: { text: string }) => p.text);
    expect(await posts()).not.toContain(text);
    // The sweep publishes it at its time; the queue says so without a reload.
    await expect
      .poll(() => draft.getAttribute('data-status'), { timeout: 150_000, interval: 2000 })
      .toBe('published');
    expect((await posts()).filter((t: string) => t === text)).toHaveLength(1);
    await writer.context().close();
    await approver.context().close();
  }, 240_000);
});

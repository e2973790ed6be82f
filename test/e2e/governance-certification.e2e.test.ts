import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPerson, type Harness, logIn, startHarness } from './harness.ts';

// Certification and deal approvals in the browser: a sales rep without the brand's certificate is told before
// typing that posting as the brand needs its course, takes the course, passes the quiz and then posts; a
// marketer's deal with a time waits for the owner's approval and goes live at that time.
let h: Harness;
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };
const principalOf = (id: string) => h.app.modules.identity.service.resolvePrincipalForUser(id);
let ownerId: string;

beforeAll(async () => {
  h = await startHarness();
  const { identity, approvals, governance, commerce } = h.app.modules;
  const owner = await createPerson(h, 'olga');
  ownerId = owner.id;
  await identity.orgs.create(await principalOf(owner.id), {
    handle: 'tundrakit',
    name: 'Tundra Kit',
    kind: 'brand',
  });
  const asOwner = await principalOf(owner.id);
  const join = async (handle: string, role: 'marketer' | 'sales') => {
    const person = await createPerson(h, handle);
    const inv = await identity.orgs.invite(asOwner, 'tundrakit', handle, role);
    await identity.orgs.respond(await principalOf(person.id), inv.id, 'accept');
    return person;
  };
  const milo = await join('milo', 'marketer');
  await join('sami', 'sales');
  await join('suvi', 'sales');
  await commerce.catalog.create(asOwner, 'tundrakit', {
    title: 'Polar Parka',
    description: 'Warm to minus thirty.',
    priceMinor: 40_000,
    currency: 'EUR',
    variants: [{ sku: 'PARKA-1', name: 'Black', stock: 40 }],
  });
  await approvals.approvals.saveSettings(asOwner, 'tundrakit', {
    roles: [],
    dealRoles: ['marketer'],
    careReplyRoles: [],
    approvers: 1,
  });
  await governance.certification.saveSettings(asOwner, 'tundrakit', {
    required: true,
    validityDays: 180,
    passPercent: 80,
  });
  // The owner and the marketer passed the course already; the sales reps have not.
  const course = await governance.certification.course(asOwner, 'tundrakit');
  const answers = course.questions.map((q) => ({ questionId: q.id, choice: q.answer ?? 0 }));
  for (const id of [owner.id, milo.id])
    await governance.certification.attempt(await principalOf(id), 'tundrakit', answers);
}, 180_000);
afterAll(() => h?.close());

const noSideScroll = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1);

describe.each([
  ['desktop', DESKTOP, 'sami'],
  ['phone', PHONE, 'suvi'],
])('certification (%s)', (name, viewport, rep) => {
  it('should stop an uncertified rep before they type, then let them post once they pass the course', async () => {
    const page = await logIn(await h.newContext(), rep, 'team password 1');
    await page.setViewportSize(viewport);
    await page.goto('/');
    await page.getByTestId('compose-as').first().selectOption('tundrakit');
    const notice = page.getByTestId('certification-required');
    await notice.waitFor({ timeout: 15_000 });
    expect(await notice.textContent()).toContain('social policy course');
    await page.getByTestId('compose-text').first().fill('Parkas are back in stock');
    expect(await page.getByTestId('compose-submit').first().isDisabled()).toBe(true);
    expect(await noSideScroll(page)).toBe(true);

    await page.getByTestId('certification-course-link').click();
    await page.getByTestId('course-page').waitFor();
    expect(await page.getByText('Personal data stays private').count()).toBe(1);
    expect(await noSideScroll(page)).toBe(true);
    // A wrong answer everywhere fails; the right ones (as the course's editor knows them) pass.
    const course = await h.app.modules.governance.certification.course(
      await principalOf(ownerId),
      'tundrakit',
    );
    for (const [qi, q] of course.questions.entries())
      await page.getByTestId(`answer-${qi}-${((q.answer ?? 0) + 1) % q.choices.length}`).check();
    await page.getByTestId('quiz-submit').click();
    await expect
      .poll(() => page.getByTestId('quiz-result').textContent(), { timeout: 15_000 })
      .toContain('not yet');
    for (const [qi, q] of course.questions.entries())
      await page.getByTestId(`answer-${qi}-${q.answer}`).check();
    await page.getByTestId('quiz-submit').click();
    await expect
      .poll(() => page.getByTestId('quiz-result').textContent(), { timeout: 15_000 })
      .toContain('Passed');

    // The certificate is public at its link: holder, brand, valid.
    await page.getByTestId('certificate-link').click();
    const verdict = page.getByTestId('certificate-verdict');
    await verdict.waitFor();
    expect(await verdict.textContent()).toBe('Valid');
    expect(await page.getByTestId('certificate-page').textContent()).toContain(`@${rep}`);

    await page.goto('/');
    await page.getByTestId('compose-as').first().selectOption('tundrakit');
    const text = `Parkas are back in stock (${name})`;
    await page.getByTestId('compose-text').first().fill(text);
    await expect
      .poll(() => page.getByTestId('compose-submit').first().isDisabled(), { timeout: 15_000 })
      .toBe(false);
    expect(await page.getByTestId('certification-required').count()).toBe(0);
    await page.getByTestId('compose-submit').first().click();
    await expect.poll(() => page.getByText('Posted').count(), { timeout: 15_000 }).toBe(1);
    await page.context().close();
  }, 120_000);
});

describe.each([
  ['desktop', DESKTOP],
  ['phone', PHONE],
])('deal approvals (%s)', (name, viewport) => {
  it('should send a marketer’s scheduled deal for approval and put it live at its time once approved', async () => {
    const writer = await logIn(await h.newContext(), 'milo', 'team password 1');
    await writer.setViewportSize(viewport);
    await writer.goto('/orgs/tundrakit/deals/new');
    const text = `Polar Parka week (${name})`;
    await writer.getByTestId('deal-text').fill(text);
    await writer.locator('[data-testid="deal-product"][data-title="Polar Parka"]').check();
    await expect.poll(() => writer.getByTestId('needs-approval').count(), { timeout: 15_000 }).toBe(1);
    // Up to a minute ahead on the writer’s clock (the time picker counts whole minutes).
    const nextMinute = await writer.evaluate(() => {
      const d = new Date(Date.now() + 60_000);
      const pad = (n: number) => String(n).padStart(2, '0');
      return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
    });
    await writer.getByTestId('compose-publish-at').fill(nextMinute);
    const publish = writer.getByTestId('deal-publish');
    expect(await publish.textContent()).toBe('Submit for approval');
    expect(await noSideScroll(writer)).toBe(true);
    await publish.click();
    await writer.waitForURL('**/orgs/tundrakit/approvals');
    const own = writer.getByTestId('draft').filter({ hasText: text });
    await expect.poll(() => own.getAttribute('data-status'), { timeout: 15_000 }).toBe('pending');
    expect(await own.getAttribute('data-kind')).toBe('deal');
    expect(await own.getByTestId('draft-approve').count()).toBe(0);

    const approver = await logIn(await h.newContext(), 'olga', 'team password 1');
    await approver.setViewportSize(viewport);
    await approver.goto('/orgs/tundrakit/approvals');
    const draft = approver.getByTestId('draft').filter({ hasText: text });
    await expect.poll(() => draft.getAttribute('data-status'), { timeout: 15_000 }).toBe('pending');
    const deals = async () =>
      (await h.app.app.inject({ url: '/api/v1/orgs/tundrakit/deals' })).json().items as {
        text: string;
        status: string;
      }[];
    expect((await deals()).map((d) => d.text)).not.toContain(text);
    await draft.getByTestId('draft-approve').click();
    expect(await noSideScroll(approver)).toBe(true);
    // The sweep publishes it at its time; the queue says so without a reload.
    await expect
      .poll(() => draft.getAttribute('data-status'), { timeout: 150_000, interval: 2000 })
      .toBe('published');
    const live = (await deals()).filter((d) => d.text === text);
    expect(live.map((d) => d.status)).toEqual(['live']);
    await writer.context().close();
    await approver.context().close();
  }, 240_000);
});

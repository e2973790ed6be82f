import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPerson, type Harness, logIn, startHarness } from './harness.ts';

let h: Harness;
let owner: { id: string; handle: string; password: string };

beforeAll(async () => {
  h = await startHarness();
  owner = await createPerson(h, 'cspowner');
  const principal = await h.app.modules.identity.service.resolvePrincipalForUser(owner.id);
  await h.app.modules.identity.orgs.create(principal, { handle: 'cspco', name: 'CSP Co', kind: 'brand' });
});
afterAll(() => h?.close());

/** Records every Content-Security-Policy violation a page reports, in the console or as an event. */
async function watchViolations(context: BrowserContext) {
  const violations: string[] = [];
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  const watch = (page: Page) =>
    page.on('console', (message) => {
      if (/Content[- ]Security[- ]Policy|CSP violation|Refused to/i.test(message.text()))
        violations.push(`${page.url()}: ${message.text()}`);
    });
  context.on('page', watch);
  return violations;
}

describe('security headers in the browser', () => {
  it('should send a CSP under which the web app renders without violations', async () => {
    const context = await h.newContext();
    const violations = await watchViolations(context);
    const response = await context.request.get('/');
    expect(response.headers()['content-security-policy']).toContain("script-src 'self'");
    expect(response.headers()['x-content-type-options']).toBe('nosniff');
    const page = await logIn(context, owner.handle, owner.password);
    await expect.poll(() => page.getByTestId('compose-text').isVisible()).toBe(true);
    for (const path of ['/orgs/cspco/sales', '/orgs/cspco/catalog', '/settings']) {
      await page.goto(path);
      await page.waitForLoadState('networkidle');
      expect(await page.locator('#root').innerHTML()).not.toBe('');
    }
    expect(violations).toEqual([]);
    await context.close();
  });

  it('should render the API docs page (swagger-ui) without violations', async () => {
    const context = await h.newContext();
    const violations = await watchViolations(context);
    const page = await context.newPage();
    const response = await page.goto('/api/docs');
    expect(response?.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
    await expect.poll(() => page.locator('.swagger-ui .info .title').textContent()).toContain('Souk API');
    await expect.poll(() => page.locator('.opblock').count()).toBeGreaterThan(10);
    expect(violations).toEqual([]);
    await context.close();
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSmtpServer } from '../support/smtp.ts';
import { createPerson, type Harness, logIn, startHarness } from './harness.ts';

// A person who forgot their password gets it back through a real mail, then turns a kind of notification mail
// on and off in Settings and sees mail stop for it. Mail goes through a real SMTP server started here.
let h: Harness;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
beforeAll(async () => {
  smtp = await startSmtpServer();
  h = await startHarness({ modules: { mail: { smtpUrl: smtp.url }, publicUrl: 'http://souk.test' } });
}, 120_000);
afterAll(async () => {
  await h?.close();
  await smtp?.close();
});

/** A mailed link as a path of the app under test (mail links use the configured public address). */
const pathOf = (link: string) => {
  const url = new URL(link);
  return `${url.pathname}${url.search}`;
};

async function follow(by: string, handle: string) {
  const fan = await createPerson(h, by);
  const principal = await h.app.modules.identity.service.resolvePrincipalForUser(fan.id);
  await h.app.modules.social.follows.follow(principal, handle);
}

describe.each([
  { name: 'desktop', width: 1280, height: 900 },
  { name: 'phone', width: 390, height: 844 },
])('account mail on $name', { timeout: 240_000 }, ({ name, width, height }) => {
  it('should reset a forgotten password from the mail, then stop a kind of mail from Settings', async () => {
    const handle = `mira_${name}`;
    const email = `${handle}@example.com`;
    await createPerson(h, handle, 'the old password');
    const context = await h.browser.newContext({ baseURL: h.url, viewport: { width, height } });

    const page = await context.newPage();
    await page.goto('/forgot-password');
    await page.getByTestId('forgot-email').fill(email);
    await page.getByTestId('forgot-submit').click();
    await page.getByTestId('forgot-sent').waitFor();
    const reset = await smtp.waitFor(email, /Reset your Souk password/, 60_000);
    await page.goto(pathOf(reset.link!));
    await page.getByTestId('reset-password').fill('a brand new password');
    await page.getByTestId('reset-submit').click();
    await page.getByTestId('reset-done').waitFor();
    await page.close();

    const home = await logIn(context, email, 'a brand new password');
    await home.goto('/settings');
    const followMail = home.getByTestId('pref-follow-email');
    await followMail.waitFor();
    expect(await followMail.isChecked()).toBe(false); // social chatter is not mailed by default
    await Promise.all([
      home.waitForResponse((r) => r.url().includes('/notification-preferences/follow') && r.ok()),
      followMail.check(),
    ]);

    await follow(`fan1_${name}`, handle);
    const mail = await smtp.waitFor(email, /now follows you/, 60_000);
    expect(mail.text).toContain(`@fan1_${name}`);

    await Promise.all([
      home.waitForResponse((r) => r.url().includes('/notification-preferences/follow') && r.ok()),
      followMail.uncheck(),
    ]);
    await follow(`fan2_${name}`, handle);
    // The second follow reaches the person's notifications (in the app) before we look for its mail.
    await expect
      .poll(
        async () => {
          const res = await home.request.get('/api/v1/notifications?limit=20');
          return JSON.stringify(await res.json());
        },
        { timeout: 90_000, interval: 1_000 },
      )
      .toContain(`fan2_${name}`);
    await h.app.modules.mail.service.sendDue();
    expect(
      smtp.received.filter((m) => m.to.includes(email) && /now follows you/.test(m.subject)),
    ).toHaveLength(1);
    await context.close();
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSmtpServer } from '../../../../test/support/smtp.ts';
import { createTestApp, type TestContext } from '../../../../test/support/test-app.ts';

let t: TestContext;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
beforeAll(async () => {
  smtp = await startSmtpServer();
  t = await createTestApp({ modules: { mail: { smtpUrl: smtp.url }, publicUrl: 'http://souk.test' } });
});
afterAll(async () => {
  await t.close();
  await smtp.close();
});

/** Delivers pending events (the mail.queued subscriber sends after commit) and waits for the message. */
async function mailTo(address: string, subject: RegExp) {
  await t.drain();
  return smtp.waitFor(address, subject);
}
const tokenOf = (link: string | undefined) => new URL(link!).searchParams.get('token')!;

describe('email verification', () => {
  it('should mail a working verification link on sign-up, and refuse the link a second time', async () => {
    const ana = await t.signup('ana');
    expect((await ana.get('/api/v1/me')).json().emailVerified).toBe(false);
    const mail = await mailTo('ana@example.com', /Confirm your email/);
    expect(mail.link).toMatch(/^http:\/\/souk\.test\/verify-email\?token=/);
    expect(mail.html).toContain('Confirm email address');

    const ok = await t.anonymous.request('POST', '/api/v1/auth/verify-email', { token: tokenOf(mail.link) });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toEqual({ email: 'ana@example.com', changed: false });
    expect((await ana.get('/api/v1/me')).json().emailVerified).toBe(true);

    const again = await t.anonymous.request('POST', '/api/v1/auth/verify-email', {
      token: tokenOf(mail.link),
    });
    expect(again.statusCode).toBe(410);
    expect(again.json().code).toBe('token_used');
    expect((await ana.post('/api/v1/me/email/verification')).json().code).toBe('already_verified');
  });

  it('should answer an unknown token with 400 token_invalid', async () => {
    const res = await t.anonymous.request('POST', '/api/v1/auth/verify-email', { token: 'x'.repeat(43) });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('token_invalid');
  });
});

describe('password reset', () => {
  it('should answer the same for an unknown address and send nothing', async () => {
    await t.signup('bo');
    const known = await t.anonymous.request('POST', '/api/v1/auth/password-reset', {
      email: 'bo@example.com',
    });
    const unknown = await t.anonymous.request('POST', '/api/v1/auth/password-reset', {
      email: 'nobody@example.com',
    });
    expect(known.statusCode).toBe(202);
    expect(unknown.statusCode).toBe(202);
    expect(unknown.json()).toEqual(known.json());
    await mailTo('bo@example.com', /Reset your Souk password/);
    expect(smtp.received.some((m) => m.to.includes('nobody@example.com'))).toBe(false);
  });

  it('should reset with the mailed link once, sign out every session, and let the new password in', async () => {
    const cy = await t.signup('cy', 'old password 1');
    await t.anonymous.request('POST', '/api/v1/auth/password-reset', { email: 'CY@example.com' });
    const mail = await mailTo('cy@example.com', /Reset your Souk password/);
    expect(mail.link).toMatch(/^http:\/\/souk\.test\/reset-password\?token=/);
    const token = tokenOf(mail.link);

    const short = await t.anonymous.request('POST', '/api/v1/auth/password-reset/confirm', {
      token,
      password: 'x',
    });
    expect(short.statusCode).toBe(400);
    const reset = await t.anonymous.request('POST', '/api/v1/auth/password-reset/confirm', {
      token,
      password: 'new password 2',
    });
    expect(reset.statusCode).toBe(204);
    expect((await cy.get('/api/v1/me')).statusCode).toBe(401);
    const reused = await t.anonymous.request('POST', '/api/v1/auth/password-reset/confirm', {
      token,
      password: 'third password 3',
    });
    expect(reused.json().code).toBe('token_used');
    const oldLogin = await t.anonymous.request('POST', '/api/v1/auth/login', {
      login: 'cy',
      password: 'old password 1',
    });
    expect(oldLogin.statusCode).toBe(401);
    const newLogin = await t.anonymous.request('POST', '/api/v1/auth/login', {
      login: 'cy',
      password: 'new password 2',
    });
    expect(newLogin.statusCode).toBe(200);
    expect(newLogin.json().emailVerified).toBe(true);
    await mailTo('cy@example.com', /password was reset/);
  });

  it('should refuse an expired link with 410 token_expired', async () => {
    await t.signup('dee');
    await t.anonymous.request('POST', '/api/v1/auth/password-reset', { email: 'dee@example.com' });
    const mail = await mailTo('dee@example.com', /Reset your Souk password/);
    await t.handle.db
      .updateTable('account_tokens')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('purpose', '=', 'reset_password')
      .execute();
    const res = await t.anonymous.request('POST', '/api/v1/auth/password-reset/confirm', {
      token: tokenOf(mail.link),
      password: 'new password 2',
    });
    expect(res.statusCode).toBe(410);
    expect(res.json().code).toBe('token_expired');
  });
});

describe('password change, email change and sessions', () => {
  it('should refuse a wrong current password and sign out the other sessions on change', async () => {
    const eve = await t.signup('eve', 'first password');
    const other = await t.anonymous.request('POST', '/api/v1/auth/login', {
      login: 'eve',
      password: 'first password',
    });
    const otherCookie = `souk_session=${other.cookies.find((c) => c.name === 'souk_session')!.value}`;

    const sessions = (await eve.get('/api/v1/me/sessions')).json().items;
    expect(sessions).toHaveLength(2);
    expect(sessions.filter((s: { current: boolean }) => s.current)).toHaveLength(1);

    const wrong = await eve.post('/api/v1/me/password', {
      currentPassword: 'nope',
      newPassword: 'second password',
    });
    expect(wrong.statusCode).toBe(403);
    expect(wrong.json()).toMatchObject({ code: 'wrong_password', errors: [{ field: 'currentPassword' }] });

    const ok = await eve.post('/api/v1/me/password', {
      currentPassword: 'first password',
      newPassword: 'second password',
    });
    expect(ok.json()).toEqual({ sessionsEnded: 1 });
    expect((await eve.get('/api/v1/me')).statusCode).toBe(200);
    const stale = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: otherCookie } });
    expect(stale.statusCode).toBe(401);
    await mailTo('eve@example.com', /password was changed/);
  });

  it('should sign out one session or all the others', async () => {
    const fay = await t.signup('fay');
    for (let i = 0; i < 2; i++)
      await t.anonymous.request('POST', '/api/v1/auth/login', {
        login: 'fay',
        password: 'correct horse battery',
      });
    const items = (await fay.get('/api/v1/me/sessions')).json().items as { id: string; current: boolean }[];
    expect(items).toHaveLength(3);
    const notMine = items.find((s) => !s.current)!;
    expect((await fay.del(`/api/v1/me/sessions/${notMine.id}`)).statusCode).toBe(204);
    expect((await fay.del(`/api/v1/me/sessions/${notMine.id}`)).statusCode).toBe(404);
    expect((await fay.post('/api/v1/me/sessions/sign-out-others')).json()).toEqual({ sessionsEnded: 1 });
    expect((await fay.get('/api/v1/me/sessions')).json().items).toHaveLength(1);
  });

  it("should not let one person end another's session", async () => {
    const gil = await t.signup('gil');
    const hal = await t.signup('hal');
    const halSession = (await hal.get('/api/v1/me/sessions')).json().items[0].id;
    expect((await gil.del(`/api/v1/me/sessions/${halSession}`)).statusCode).toBe(404);
    expect((await hal.get('/api/v1/me')).statusCode).toBe(200);
  });

  it('should change the email only once the new address confirms, and tell the old one', async () => {
    const ivy = await t.signup('ivy', 'ivy password');
    await t.signup('jon');
    const taken = await ivy.post('/api/v1/me/email', { email: 'jon@example.com', password: 'ivy password' });
    expect(taken.json().code).toBe('email_taken');
    const wrong = await ivy.post('/api/v1/me/email', { email: 'ivy@new.example', password: 'nope nope' });
    expect(wrong.json().code).toBe('wrong_password');

    const asked = await ivy.post('/api/v1/me/email', { email: 'ivy@new.example', password: 'ivy password' });
    expect(asked.statusCode).toBe(202);
    await mailTo('ivy@example.com', /being changed/);
    const confirm = await mailTo('ivy@new.example', /Confirm your new email/);
    expect((await ivy.get('/api/v1/me')).json().email).toBe('ivy@example.com');

    const ok = await t.anonymous.request('POST', '/api/v1/auth/verify-email', {
      token: tokenOf(confirm.link),
    });
    expect(ok.json()).toEqual({ email: 'ivy@new.example', changed: true });
    expect((await ivy.get('/api/v1/me')).json()).toMatchObject({
      email: 'ivy@new.example',
      emailVerified: true,
    });
    await mailTo('ivy@example.com', /was changed/);
    const login = await t.anonymous.request('POST', '/api/v1/auth/login', {
      login: 'ivy@new.example',
      password: 'ivy password',
    });
    expect(login.statusCode).toBe(200);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSmtpServer } from '../../../../test/support/smtp.ts';
import { createTestApp, type TestClient, type TestContext } from '../../../../test/support/test-app.ts';

// Notification preferences: per kind, in the app and by mail; mail only to a confirmed address, once per event,
// with a signed unsubscribe link that works without signing in.
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

const tokenOf = (link: string) => new URL(link).searchParams.get('token')!;

/** A person whose address is confirmed through the mailed link, as a real sign-up would. */
async function confirmedPerson(name: string) {
  const client = await t.signup(name);
  await t.drain();
  const mail = await smtp.waitFor(`${name}@example.com`, /Confirm your email/);
  const res = await t.anonymous.request('POST', '/api/v1/auth/verify-email', { token: tokenOf(mail.link!) });
  expect(res.statusCode).toBe(200);
  return client;
}

const mailsTo = (name: string, subject: RegExp) =>
  smtp.received.filter((m) => m.to.includes(`${name}@example.com`) && subject.test(m.subject));

async function prefs(client: TestClient) {
  const res = await client.get('/api/v1/me/notification-preferences');
  expect(res.statusCode).toBe(200);
  return res.json() as {
    emailConfirmed: boolean;
    items: { kind: string; inApp: boolean; email: boolean; locked: boolean }[];
  };
}

/** Waits long enough for a mail that should not come: every event is delivered and the sender is idle. */
async function settled() {
  await t.drain();
  await t.modules.mail.service.sendDue();
}

describe('notification preferences', { timeout: 120_000 }, () => {
  it('should list every kind with defaults: orders by mail, social chatter not, security locked on', async () => {
    const ida = await t.signup('prefida');
    const body = await prefs(ida);
    expect(body.emailConfirmed).toBe(false);
    const byKind = Object.fromEntries(body.items.map((i) => [i.kind, i]));
    expect(byKind.order_fulfilled).toMatchObject({ inApp: true, email: true, locked: false });
    expect(byKind.like).toMatchObject({ inApp: true, email: false });
    expect(byKind.follow).toMatchObject({ inApp: true, email: false });
    expect(byKind.account_security).toMatchObject({ email: true, locked: true });

    const locked = await ida.request('PUT', '/api/v1/me/notification-preferences/account_security', {
      inApp: false,
      email: false,
    });
    expect(locked.statusCode).toBe(422);
    expect(locked.json().code).toBe('preference_locked');
    const unknown = await ida.request('PUT', '/api/v1/me/notification-preferences/nonsense', {
      inApp: true,
      email: true,
    });
    expect(unknown.statusCode).toBe(400);
  });

  it('should mail a notification once its kind is on, and stop after the unsubscribe link', async () => {
    const max = await confirmedPerson('prefmax');
    const fan1 = await t.signup('preffan1');
    const fan2 = await t.signup('preffan2');
    const on = await max.request('PUT', '/api/v1/me/notification-preferences/follow', {
      inApp: true,
      email: true,
    });
    expect(on.statusCode, on.body).toBe(200);

    expect((await fan1.post('/api/v1/accounts/prefmax/follow')).statusCode).toBe(200);
    await t.drain();
    const mail = await smtp.waitFor('prefmax@example.com', /now follows you/);
    expect(mail.subject).toContain('@preffan1');
    const unsubscribe = mail.text.match(/Stop these mails: (\S+)/)?.[1];
    expect(unsubscribe).toMatch(/^http:\/\/souk\.test\/unsubscribe\?token=/);

    // A tampered token is refused and changes nothing.
    const token = tokenOf(unsubscribe!);
    const tampered = await t.anonymous.request('POST', '/api/v1/notifications/unsubscribe', {
      token: `${token.slice(0, -2)}xx`,
    });
    expect(tampered.statusCode).toBe(400);
    expect(tampered.json().code).toBe('unsubscribe_invalid');
    const otherKind = token.split('.');
    otherKind[1] = Buffer.from('order_fulfilled').toString('base64url');
    const swapped = await t.anonymous.request('POST', '/api/v1/notifications/unsubscribe', {
      token: otherKind.join('.'),
    });
    expect(swapped.statusCode).toBe(400);
    expect((await prefs(max)).items.find((i) => i.kind === 'order_fulfilled')?.email).toBe(true);

    const off = await t.anonymous.request('POST', '/api/v1/notifications/unsubscribe', { token });
    expect(off.statusCode, off.body).toBe(200);
    expect(off.json()).toMatchObject({ kind: 'follow', email: false, inApp: true });

    expect((await fan2.post('/api/v1/accounts/prefmax/follow')).statusCode).toBe(200);
    await settled();
    expect(mailsTo('prefmax', /now follows you/)).toHaveLength(1);
    // The notice still shows in the app: only the mail was turned off.
    const notices = (await max.get('/api/v1/notifications')).json().items as { kind: string }[];
    expect(notices.filter((n) => n.kind === 'follow')).toHaveLength(2);
  });

  it('should not mail an unconfirmed address, and show nothing in the app when in-app is off', async () => {
    const una = await t.signup('prefuna');
    const fan = await t.signup('preffan3');
    await una.request('PUT', '/api/v1/me/notification-preferences/follow', { inApp: false, email: true });
    expect((await fan.post('/api/v1/accounts/prefuna/follow')).statusCode).toBe(200);
    await settled();
    expect(mailsTo('prefuna', /follows you/)).toHaveLength(0);
    expect((await una.get('/api/v1/notifications')).json().items).toHaveLength(0);
  });

  it('should mail once when the same event is delivered again', async () => {
    const rex = await confirmedPerson('prefrex');
    const fan = await t.signup('preffan4');
    const item = {
      recipient_id: rex.userId,
      kind: 'order_cancelled' as const,
      actor_id: fan.userId,
      post_id: null,
    };
    const route = t.modules.notifications.preferences.route;
    for (let i = 0; i < 2; i++) await t.events.transaction(t.handle.db, (trx) => route(trx, 987_654, [item]));
    await t.drain();
    await smtp.waitFor('prefrex@example.com', /was cancelled/);
    await settled();
    expect(mailsTo('prefrex', /was cancelled/)).toHaveLength(1);
  });
});

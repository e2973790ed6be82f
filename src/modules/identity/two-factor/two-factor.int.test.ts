import { generate } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestClient, type TestContext } from '../../../../test/support/test-app.ts';

let t: TestContext;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

/** A code for the time step `steps` away from now, as an authenticator app would show it. */
const codeAt = (secret: string, steps = 0) =>
  generate({ secret, epoch: Math.floor(Date.now() / 1000) + steps * 30 });
const login = (name: string, password = 'correct horse battery') =>
  t.anonymous.request('POST', '/api/v1/auth/login', { login: name, password });
const secondStep = (challenge: string, code: string) =>
  t.anonymous.request('POST', '/api/v1/auth/login/two-factor', { challenge, code });

async function enrol(client: TestClient) {
  const setup = await client.post('/api/v1/me/two-factor/setup');
  expect(setup.statusCode).toBe(200);
  const { secret, otpauthUrl, qrCode } = setup.json();
  expect(otpauthUrl).toMatch(/^otpauth:\/\/totp\/Souk:/);
  expect(qrCode).toMatch(/^data:image\/svg\+xml;base64,/);
  const enabled = await client.post('/api/v1/me/two-factor/enable', { code: await codeAt(secret, -1) });
  expect(enabled.statusCode).toBe(200);
  return { secret, recoveryCodes: enabled.json().recoveryCodes as string[] };
}

describe('two-factor sign-in', () => {
  it('should confirm a code before turning on, and refuse a wrong one with 422 totp_invalid', async () => {
    const ann = await t.signup('ann');
    expect((await ann.post('/api/v1/me/two-factor/enable', { code: '123456' })).json().code).toBe(
      'totp_not_started',
    );
    const { secret } = (await ann.post('/api/v1/me/two-factor/setup')).json();
    const wrong = await ann.post('/api/v1/me/two-factor/enable', { code: '000000' });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().code).toBe('totp_invalid');
    expect((await ann.get('/api/v1/me')).json().twoFactorEnabled).toBe(false);
    const ok = await ann.post('/api/v1/me/two-factor/enable', { code: await codeAt(secret) });
    expect(ok.json().recoveryCodes).toHaveLength(10);
    expect(new Set(ok.json().recoveryCodes).size).toBe(10);
    expect((await ann.get('/api/v1/me')).json().twoFactorEnabled).toBe(true);
    expect((await ann.post('/api/v1/me/two-factor/setup')).json().code).toBe('totp_already_enabled');
  });

  it('should ask for the code after the password, with no session before it, and accept each code once', async () => {
    const ben = await t.signup('ben');
    const { secret, recoveryCodes } = await enrol(ben);

    const first = await login('ben');
    expect(first.statusCode).toBe(202);
    expect(first.cookies.find((c) => c.name === 'souk_session')).toBeUndefined();
    const { challenge } = first.json();

    const wrong = await secondStep(challenge, '000000');
    expect(wrong.json().code).toBe('totp_invalid');
    const code = await codeAt(secret, 1);
    const ok = await secondStep(challenge, code);
    expect(ok.statusCode).toBe(200);
    expect(ok.json().account.handle).toBe('ben');
    expect(ok.cookies.find((c) => c.name === 'souk_session')?.value).toBeTruthy();
    expect((await secondStep(challenge, code)).json().code).toBe('challenge_invalid');

    // The same code again on a new sign-in: refused (each time step once).
    const again = (await login('ben')).json().challenge;
    expect((await secondStep(again, code)).json().code).toBe('totp_invalid');
    const byRecovery = await secondStep(again, recoveryCodes[0].toUpperCase());
    expect(byRecovery.statusCode).toBe(200);
    const third = (await login('ben')).json().challenge;
    const reused = await secondStep(third, recoveryCodes[0]);
    expect(reused.statusCode).toBe(410);
    expect(reused.json().code).toBe('recovery_code_used');
    expect((await ben.get('/api/v1/me/two-factor')).json()).toMatchObject({
      enabled: true,
      recoveryCodesLeft: 9,
    });
  });

  it('should end a sign-in after 5 wrong codes with 429 totp_throttled', async () => {
    const cat = await t.signup('cat');
    const { secret } = await enrol(cat);
    const { challenge } = (await login('cat')).json();
    for (let i = 0; i < 5; i++) expect((await secondStep(challenge, '000000')).statusCode).toBe(422);
    const blocked = await secondStep(challenge, await codeAt(secret));
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().code).toBe('totp_throttled');
    expect((await secondStep(challenge, await codeAt(secret))).json().code).toBe('challenge_invalid');
  });

  it('should turn off only with the password and a code', async () => {
    const dan = await t.signup('dan');
    const { recoveryCodes } = await enrol(dan);
    const noPassword = await dan.post('/api/v1/me/two-factor/disable', {
      password: 'nope',
      code: recoveryCodes[1],
    });
    expect(noPassword.json().code).toBe('wrong_password');
    const noCode = await dan.post('/api/v1/me/two-factor/disable', {
      password: 'correct horse battery',
      code: '000000',
    });
    expect(noCode.json().code).toBe('totp_invalid');
    const off = await dan.post('/api/v1/me/two-factor/disable', {
      password: 'correct horse battery',
      code: recoveryCodes[1],
    });
    expect(off.statusCode).toBe(204);
    expect((await login('dan')).statusCode).toBe(200);
  });

  it("should let only an owner ask the org's staff for two-factor, and tell the staff in /me", async () => {
    const owner = await t.signup('eli');
    await t.brand(owner, 'eliwear');
    const staff = await t.signup('fox');
    const invite = await owner.post('/api/v1/orgs/eliwear/invitations', { handle: 'fox', role: 'agent' });
    await staff.post(`/api/v1/invitations/${invite.json().id}/accept`);
    const byStaff = await staff.request('PUT', '/api/v1/orgs/eliwear/two-factor-requirement', {
      required: true,
    });
    expect(byStaff.statusCode).toBe(403);
    const set = await owner.request('PUT', '/api/v1/orgs/eliwear/two-factor-requirement', { required: true });
    expect(set.json()).toEqual({ required: true });
    expect((await staff.get('/api/v1/me')).json()).toMatchObject({
      twoFactorEnabled: false,
      twoFactorRequiredBy: ['eliwear'],
    });
  });
});

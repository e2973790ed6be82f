import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '../../../test/support/test-app.ts';

let t: TestContext;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const PASSWORD = 'the right password';

function login(body: { login: string; password: string }, from = '10.1.0.1', cookie?: string) {
  return t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    remoteAddress: from,
    payload: body,
    headers: cookie ? { cookie } : {},
  });
}

describe('sign-in throttling', () => {
  it('should let at most 5 of 20 parallel wrong passwords past the per-account limit', async () => {
    await t.signup('parallel', PASSWORD);
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => login({ login: 'parallel', password: `wrong ${i}` })),
    );
    const codes = results.map((r) => r.statusCode);
    expect(codes.filter((c) => c === 401).length).toBeLessThanOrEqual(5);
    expect(codes.filter((c) => c === 429).length).toBeGreaterThanOrEqual(15);
    expect(codes.every((c) => c === 401 || c === 429)).toBe(true);
  });

  it('should count guesses by email and by handle against one account', async () => {
    await t.signup('twoforms', PASSWORD);
    const from = '10.1.0.2';
    for (let i = 0; i < 3; i++)
      expect((await login({ login: 'twoforms@example.com', password: `w${i}` }, from)).statusCode).toBe(401);
    for (let i = 0; i < 2; i++)
      expect((await login({ login: '@TwoForms', password: `w${i}` }, from)).statusCode).toBe(401);
    const sixth = await login({ login: 'twoforms', password: 'w6' }, from);
    expect(sixth.statusCode).toBe(429);
    expect(sixth.json().code).toBe('login_throttled');
  });

  it('should answer an unknown account like a wrong password, and throttle it the same way', async () => {
    const from = '10.1.0.3';
    const codes = [];
    for (let i = 0; i < 6; i++)
      codes.push((await login({ login: 'nobody-here', password: 'x' }, from)).statusCode);
    expect(codes).toEqual([401, 401, 401, 401, 401, 429]);
  });

  it("should not lock the owner out when a stranger guesses: other addresses and the owner's browser still sign in", async () => {
    await t.signup('owner1', PASSWORD);
    const home = await login({ login: 'owner1', password: PASSWORD }, '10.2.0.1');
    expect(home.statusCode).toBe(200);
    const device = home.cookies.find((c) => c.name === 'souk_device');
    expect(device?.httpOnly).toBe(true);
    const deviceCookie = `souk_device=${device!.value}`;

    const attacker = '10.9.9.9';
    for (let i = 0; i < 8; i++) await login({ login: 'owner1', password: `guess ${i}` }, attacker);
    expect((await login({ login: 'owner1', password: PASSWORD }, attacker)).statusCode).toBe(429);

    // The owner's own browser, even behind the attacker's address (a shared network), and a new address.
    expect((await login({ login: 'owner1', password: PASSWORD }, attacker, deviceCookie)).statusCode).toBe(
      200,
    );
    expect((await login({ login: 'owner1', password: PASSWORD }, '10.2.0.2')).statusCode).toBe(200);
  });

  it('should lock guessing spread over many addresses out of the account, but not the browser with a device cookie', async () => {
    await t.signup('owner2', PASSWORD);
    const home = await login({ login: 'owner2', password: PASSWORD }, '10.3.0.1');
    const deviceCookie = `souk_device=${home.cookies.find((c) => c.name === 'souk_device')!.value}`;
    for (let i = 0; i < 25; i++) await login({ login: 'owner2', password: `guess ${i}` }, `10.4.${i}.1`);
    expect((await login({ login: 'owner2', password: PASSWORD }, '10.5.0.1')).statusCode).toBe(429);
    expect((await login({ login: 'owner2', password: PASSWORD }, '10.5.0.1', deviceCookie)).statusCode).toBe(
      200,
    );
  });

  it("should refuse a device cookie made for another account or forged, and limit a device's own guesses", async () => {
    await t.signup('owner3', PASSWORD);
    await t.signup('owner4', PASSWORD);
    const other = await login({ login: 'owner4', password: PASSWORD }, '10.6.0.1');
    const foreign = `souk_device=${other.cookies.find((c) => c.name === 'souk_device')!.value}`;
    const from = '10.6.0.2';
    for (let i = 0; i < 5; i++) await login({ login: 'owner3', password: `guess ${i}` }, from, foreign);
    expect((await login({ login: 'owner3', password: PASSWORD }, from, foreign)).statusCode).toBe(429);
    expect(
      (await login({ login: 'owner3', password: PASSWORD }, from, 'souk_device=v1.x.y.z')).statusCode,
    ).toBe(429);

    const own = await login({ login: 'owner3', password: PASSWORD }, '10.6.0.3');
    const deviceCookie = `souk_device=${own.cookies.find((c) => c.name === 'souk_device')!.value}`;
    for (let i = 0; i < 5; i++)
      expect((await login({ login: 'owner3', password: `g${i}` }, from, deviceCookie)).statusCode).toBe(401);
    expect((await login({ login: 'owner3', password: PASSWORD }, from, deviceCookie)).statusCode).toBe(429);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '../../../test/support/test-app.ts';

let t: TestContext;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('sign-up, sign-in and sessions', () => {
  it('should sign up, set an HttpOnly SameSite session cookie and return the user with a CSRF token', async () => {
    const res = await t.anonymous.request('POST', '/api/v1/auth/signup', {
      email: 'nadia@example.com',
      password: 'long enough secret',
      handle: 'nadia',
      name: 'Nadia',
    });
    expect(res.statusCode).toBe(201);
    const cookie = res.cookies.find((c) => c.name === 'souk_session');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Lax');
    expect(res.json()).toMatchObject({
      account: { handle: 'nadia', kind: 'person' },
      email: 'nadia@example.com',
    });
    expect(res.json().csrfToken).toEqual(expect.any(String));
  });

  it('should refuse a taken handle or email with 409 naming the field', async () => {
    const again = await t.anonymous.request('POST', '/api/v1/auth/signup', {
      email: 'other@example.com',
      password: 'long enough secret',
      handle: 'NADIA',
      name: 'N',
    });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'handle_taken', errors: [{ field: 'handle' }] });
    const email = await t.anonymous.request('POST', '/api/v1/auth/signup', {
      email: 'Nadia@example.com',
      password: 'long enough secret',
      handle: 'nadia2',
      name: 'N',
    });
    expect(email.json()).toMatchObject({ code: 'email_taken' });
  });

  it('should log in by email or handle and answer a wrong password and an unknown account the same way', async () => {
    const ok = await t.anonymous.request('POST', '/api/v1/auth/login', {
      login: '@Nadia',
      password: 'long enough secret',
    });
    expect(ok.statusCode).toBe(200);
    const wrong = await t.anonymous.request('POST', '/api/v1/auth/login', {
      login: 'nadia@example.com',
      password: 'nope',
    });
    const unknown = await t.anonymous.request('POST', '/api/v1/auth/login', {
      login: 'ghost@example.com',
      password: 'nope',
    });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().detail).toBe(unknown.json().detail);
  });

  it('should throttle an account after repeated failures with 429 and Retry-After', async () => {
    await t.signup('target', 'the right password');
    for (let i = 0; i < 5; i++) {
      await t.anonymous.request(
        'POST',
        '/api/v1/auth/login',
        { login: 'target', password: `wrong ${i}` },
        { 'x-forwarded-for': `10.0.0.${i}` },
      );
    }
    const locked = await t.anonymous.request('POST', '/api/v1/auth/login', {
      login: 'target',
      password: 'the right password',
    });
    expect(locked.statusCode).toBe(429);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('should reject a cookie-authenticated write without the CSRF header', async () => {
    const amir = await t.signup('amir');
    const res = await amir.request('POST', '/api/v1/posts', { text: 'hello' }, { 'x-csrf-token': 'forged' });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('csrf_failed');
    expect((await amir.get('/api/v1/accounts/amir/posts')).json().items).toEqual([]);
  });

  it('should end the session on logout', async () => {
    const lea = await t.signup('lea');
    expect((await lea.get('/api/v1/me')).statusCode).toBe(200);
    expect((await lea.post('/api/v1/auth/logout')).statusCode).toBe(204);
    const after = await lea.get('/api/v1/me');
    expect(after.statusCode).toBe(401);
    expect(after.json().code).toBe('unauthenticated');
  });
});

describe('personal API tokens', () => {
  it('should show a token once, accept it as a bearer token, and reject it once revoked', async () => {
    const kim = await t.signup('kim');
    const created = await kim.post('/api/v1/me/tokens', { name: 'ci' });
    expect(created.statusCode).toBe(201);
    const { token, id } = created.json();
    expect(token).toMatch(/^souk_/);
    const list = await kim.get('/api/v1/me/tokens');
    expect(JSON.stringify(list.json())).not.toContain(token);

    const bearer = { authorization: `Bearer ${token}` };
    const posted = await t.anonymous.request('POST', '/api/v1/posts', { text: 'from a script' }, bearer);
    expect(posted.statusCode).toBe(201);

    expect((await kim.del(`/api/v1/me/tokens/${id}`)).statusCode).toBe(204);
    const revoked = await t.anonymous.request('GET', '/api/v1/me', undefined, bearer);
    expect(revoked.statusCode).toBe(401);
    expect(revoked.json().code).toBe('invalid_token');
  });
});

describe('organizations', () => {
  it('should let an owner invite a member who accepts and then posts as the brand, while an employee may not', async () => {
    const owner = await t.signup('olga');
    const marketer = await t.signup('mark');
    const employee = await t.signup('emma');
    await t.brand(owner, 'acme');
    for (const [who, role] of [
      [marketer, 'marketer'],
      [employee, 'employee'],
    ] as const) {
      const inv = await owner.post('/api/v1/orgs/acme/invitations', { handle: who.handle, role });
      expect(inv.statusCode).toBe(201);
      expect((await who.post(`/api/v1/invitations/${inv.json().id}/accept`)).statusCode).toBe(204);
    }
    const asBrand = await marketer.post('/api/v1/posts', { text: 'New season is here', as: 'acme' });
    expect(asBrand.statusCode).toBe(201);
    expect(asBrand.json().author.handle).toBe('acme');
    const denied = await employee.post('/api/v1/posts', { text: 'I am the brand now', as: 'acme' });
    expect(denied.statusCode).toBe(403);
    expect(denied.json().code).toBe('cannot_act_as');
    const brandPosts = (await owner.get('/api/v1/accounts/acme/posts')).json().items;
    expect(brandPosts.map((p: { text: string }) => p.text)).toEqual(['New season is here']);
  });

  it('should keep outsiders out of member lists and refuse removing the last owner', async () => {
    const owner = await t.signup('ines');
    const outsider = await t.signup('otto');
    await t.brand(owner, 'globex');
    const members = await outsider.get('/api/v1/orgs/globex/members');
    expect(members.statusCode).toBe(403);
    expect(members.json().code).toBe('not_a_member');
    const invite = await outsider.post('/api/v1/orgs/globex/invitations', { handle: 'otto', role: 'admin' });
    expect(invite.statusCode).toBe(403);
    expect(invite.json().code).toBe('not_a_member');
    expect((await owner.get('/api/v1/orgs/globex/invitations')).json().items).toEqual([]);
    const last = await owner.del('/api/v1/orgs/globex/members/ines');
    expect(last.statusCode).toBe(409);
    expect(last.json().code).toBe('last_owner');
  });

  it('should let only a platform admin set the verified mark', async () => {
    const owner = await t.signup('vera');
    await t.brand(owner, 'initech');
    const res = await owner.request('PUT', '/api/v1/orgs/initech/verified', { verified: true });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('admin_only');
    expect((await owner.get('/api/v1/accounts/initech')).json().verified).toBe(false);
    await t.modules.identity.service.setAdmin('vera', true);
    const ok = await owner.request('PUT', '/api/v1/orgs/initech/verified', { verified: true });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().verified).toBe(true);
  });
});

import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '../support/test-app.ts';

let t: TestContext;
let url: string;
beforeAll(async () => {
  t = await createTestApp();
  url = await t.app.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(() => t.close());

const PASSWORD = 'correct horse battery';

/** Signs in over real HTTP: the session cookie and CSRF token a browser would hold. */
async function signIn(handle: string) {
  const res = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login: handle, password: PASSWORD }),
  });
  expect(res.status).toBe(200);
  const cookie = res.headers
    .getSetCookie()
    .find((c) => c.startsWith('souk_session='))!
    .split(';')[0];
  return { cookie, csrf: (await res.json()).csrfToken as string };
}

/** Opens GET /stream and reads it; `endsWithin` resolves true when the server closes it in time. */
async function openStream(headers: Record<string, string>) {
  const controller = new AbortController();
  const res = await fetch(`${url}/api/v1/stream`, { headers, signal: controller.signal });
  expect(res.status).toBe(200);
  const reader = res.body!.getReader();
  let text = '';
  let done = false;
  const read = async (until: () => boolean, ms: number) => {
    const deadline = Date.now() + ms;
    while (!done && !until() && Date.now() < deadline) {
      const chunk = await Promise.race([
        reader.read(),
        new Promise<null>((r) => setTimeout(() => r(null), deadline - Date.now())),
      ]);
      if (!chunk) break;
      if (chunk.done) done = true;
      else text += new TextDecoder().decode(chunk.value);
    }
  };
  await read(() => text.includes('event: ready'), 3000);
  expect(text).toContain('event: ready');
  return {
    text: () => text,
    read,
    async endsWithin(ms: number) {
      await read(() => false, ms);
      return done;
    },
    close: () => controller.abort(),
  };
}

describe('live streams end with their credential', () => {
  it('should end a stream opened with an API token within a second of its revocation', async () => {
    const kim = await t.signup('streamkim');
    const created = (await kim.post('/api/v1/me/tokens', { name: 'dashboard' })).json();
    const stream = await openStream({ authorization: `Bearer ${created.token}` });
    t.live.publish([kim.userId], { event: 'probe', data: { n: 1 } });
    await stream.read(() => stream.text().includes('"n":1'), 2000);
    expect(stream.text()).toContain('"n":1');
    expect((await kim.del(`/api/v1/me/tokens/${created.id}`)).statusCode).toBe(204);
    const started = Date.now();
    expect(await stream.endsWithin(1000)).toBe(true);
    expect(Date.now() - started).toBeLessThan(1000);
    stream.close();
  });

  it('should end a stream within a second of its session logging out', async () => {
    await t.signup('streamlea');
    const { cookie, csrf } = await signIn('streamlea');
    const stream = await openStream({ cookie });
    const out = await fetch(`${url}/api/v1/auth/logout`, {
      method: 'POST',
      headers: { cookie, 'x-csrf-token': csrf },
    });
    expect(out.status).toBe(204);
    expect(await stream.endsWithin(1000)).toBe(true);
    stream.close();
  });

  it("should stop delivering a brand's messages within a second of the member's removal", async () => {
    const owner = await t.signup('streamowner');
    const agent = await t.signup('streamagent');
    const brandId = await t.brand(owner, 'streambrand');
    const invitation = await owner.post('/api/v1/orgs/streambrand/invitations', {
      handle: 'streamagent',
      role: 'agent',
    });
    expect((await agent.post(`/api/v1/invitations/${invitation.json().id}/accept`)).statusCode).toBe(204);
    const { cookie } = await signIn('streamagent');
    const stream = await openStream({ cookie });
    t.live.publish([brandId], { event: 'care.conversation', data: { text: 'before removal' } });
    await stream.read(() => stream.text().includes('before removal'), 2000);
    expect(stream.text()).toContain('before removal');

    expect((await owner.del('/api/v1/orgs/streambrand/members/streamagent')).statusCode).toBe(204);
    t.live.publish([brandId], { event: 'care.conversation', data: { text: 'customer secret after' } });
    t.live.publish([agent.userId], { event: 'probe', data: { text: 'own message' } });
    await stream.read(() => stream.text().includes('own message'), 1000);
    expect(stream.text()).toContain('own message'); // still open for what the agent may see
    expect(stream.text()).not.toContain('customer secret after');
    stream.close();
  });

  it('should end a stream whose session was ended by another server process, by the periodic re-check', async () => {
    await t.signup('streamfar');
    const { cookie } = await signIn('streamfar');
    const stream = await openStream({ cookie });
    // Another process deleting the session: no notice reaches this process's hub.
    await sql`DELETE FROM sessions WHERE user_id = (SELECT id FROM accounts WHERE handle = 'streamfar')`.execute(
      t.handle.db,
    );
    expect(await stream.endsWithin(10_000)).toBe(true);
    stream.close();
  });
});

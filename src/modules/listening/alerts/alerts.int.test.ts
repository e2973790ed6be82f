import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSmtpServer } from '../../../../test/support/smtp.ts';
import { createTestApp, type TestClient, type TestContext } from '../../../../test/support/test-app.ts';
import { SIGNATURE_HEADER, signWebhook } from './alert-channels.ts';

// Spike alerts end to end: a brand sends them in the app, to a webhook (a local HTTP server that fails, hangs, then
// answers) and by mail (a real SMTP server); each spike alerts once per channel, failures are kept and retried.
// A Souk mention opens the care conversation of its post, the same one every time.
let t: TestContext;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let owner: TestClient;
let other: TestClient;
let customer: TestClient;
const base = '/api/v1/orgs/alertco/listening';
const HOUR = 3600_000;
type Hook = { headers: http.IncomingHttpHeaders; body: string };
const hooks: Hook[] = [];
let hookMode: 'fail' | 'hang' | 'ok' = 'fail';
const server = http.createServer((req, res) => {
  let body = '';
  req.on('data', (c) => {
    body += c;
  });
  req.on('end', () => {
    hooks.push({ headers: req.headers, body });
    if (hookMode === 'fail') res.writeHead(500).end('down');
    else if (hookMode === 'ok') res.writeHead(204).end();
    else setTimeout(() => res.writeHead(204).end(), 8000).unref();
  });
});

/** Four weeks of a few mentions an hour, and 40 about a broken zip in three hours yesterday. */
function mentionsFile(now: number) {
  const lines: string[] = [];
  const start = Math.floor(now / HOUR) * HOUR - 35 * 24 * HOUR;
  const surge = Math.floor(now / HOUR) * HOUR - 20 * HOUR;
  let n = 0;
  const add = (at: number, text: string, user: string) =>
    lines.push(JSON.stringify({ id: `m${++n}`, text, at: new Date(at).toISOString(), user }));
  for (let at = start; at < now; at += HOUR)
    add(at, `Alertco coat ${['arrived', 'is warm'][n % 2]}`, `fan${n % 40}`);
  for (let i = 0; i < 40; i++)
    add(surge + i * 4 * 60_000, `the zip on my Alertco coat broke ${i}`, `angry${i}`);
  return `${lines.join('\n')}\n`;
}

async function until<T>(read: () => Promise<T>, ok: (v: T) => boolean, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await read();
    if (ok(v) || Date.now() > deadline) return v;
    await new Promise((r) => setTimeout(r, 200));
  }
}
type Delivery = { channel: string; status: string; attempts: number; lastError: string | null };
const deliveries = async () => (await owner.get(`${base}/alerts/deliveries`)).json().items as Delivery[];
const byChannel = (items: Delivery[], channel: string) => items.find((d) => d.channel === channel);

beforeAll(async () => {
  smtp = await startSmtpServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  t = await createTestApp({ modules: { mail: { smtpUrl: smtp.url }, publicUrl: 'http://souk.test' } });
  owner = await t.signup('alertco_owner');
  other = await t.signup('alertco_rival');
  customer = await t.signup('alertco_fan');
  await t.brand(owner, 'alertco');
  await t.brand(other, 'alertrival');
  const mapping = encodeURIComponent(
    JSON.stringify({ id: 'id', text: 'text', createdAt: 'at', author: 'user' }),
  );
  const imported = await owner.request(
    'POST',
    `${base}/imports?format=jsonl&mapping=${mapping}`,
    mentionsFile(Date.now()),
    {
      'content-type': 'application/x-ndjson',
    },
  );
  expect(imported.statusCode, imported.body).toBe(201);
}, 120_000);
afterAll(async () => {
  await t.close();
  await smtp.close();
  server.closeAllConnections();
  server.close();
});

describe('listening alerts', () => {
  it('should refuse a webhook URL or mail address that is not one, naming the field', async () => {
    const badUrl = await owner.request('PUT', `${base}/alerts`, {
      inApp: true,
      emailTo: [],
      webhookUrl: 'ftp://x',
    });
    expect([badUrl.statusCode, badUrl.json().code, badUrl.json().errors[0].field]).toEqual([
      400,
      'invalid_alert_settings',
      'webhookUrl',
    ]);
    const badMail = await owner.request('PUT', `${base}/alerts`, {
      inApp: true,
      emailTo: ['nobody'],
      webhookUrl: null,
    });
    expect([badMail.statusCode, badMail.json().errors[0].field]).toEqual([400, 'emailTo']);
    expect((await owner.get(`${base}/alerts`)).json()).toEqual({
      inApp: true,
      emailTo: [],
      webhookUrl: null,
      webhookSecret: null,
    });
  });

  it('should alert each chosen channel once, keep a failing webhook’s error and retry it until it answers', async () => {
    const { port } = server.address() as AddressInfo;
    const saved = await owner.request('PUT', `${base}/alerts`, {
      inApp: true,
      emailTo: ['Alerts@Alertco.test'],
      webhookUrl: `http://127.0.0.1:${port}/hooks/souk`,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const { webhookSecret, emailTo } = saved.json();
    expect(emailTo).toEqual(['alerts@alertco.test']);
    expect(webhookSecret).toMatch(/^[\w-]{20,}$/);

    const topic = (
      await owner.post(`${base}/topics`, { name: 'Alertco', kind: 'brand', query: 'alertco' })
    ).json();
    const spikes = (await owner.post(`${base}/spikes/scan?topicId=${topic.id}`, {})).json().items;
    expect(spikes).toHaveLength(1);
    await t.drain();

    // In the app: the brand's listening members hear of it, with the topic and why.
    const notes = await until(
      async () =>
        (await owner.get('/api/v1/notifications')).json().items as {
          kind: string;
          detail: Record<string, string>;
        }[],
      (items) => items.some((n) => n.kind === 'listening_spike'),
    );
    const note = notes.find((n) => n.kind === 'listening_spike')!;
    expect(note.detail.topic).toBe('Alertco');
    expect(note.detail.why).toContain('zip');
    // By mail, to the address the brand chose, linking to the topic page (queued, then sent by the mail module).
    await until(deliveries, (d) => byChannel(d, 'email')?.status === 'sent');
    await t.drain();
    const mail = await smtp.waitFor('alerts@alertco.test', /Spike on “Alertco”/);
    expect(mail.link).toBe(`http://souk.test/orgs/alertco/listening/topics/${topic.id}`);
    // The webhook answered 500: kept with its error, to be tried again later.
    let items = await until(deliveries, (d) => (byChannel(d, 'webhook')?.attempts ?? 0) >= 1);
    expect(byChannel(items, 'webhook')).toMatchObject({
      status: 'pending',
      attempts: 1,
      lastError: 'answered 500',
    });
    expect(byChannel(items, 'in_app')?.status).toBe('sent');
    expect(byChannel(items, 'email')?.status).toBe('sent');

    // Scanning again finds the same spike: nothing is alerted twice.
    await owner.post(`${base}/spikes/scan`, {});
    await t.drain();
    expect(await deliveries()).toHaveLength(3);

    // Next try: the receiver hangs past the timeout (recorded); the one after, it answers.
    hookMode = 'hang';
    await t.modules.listening.alerts.deliverDue({ now: new Date(Date.now() + 10 * 60_000) });
    items = await deliveries();
    expect(byChannel(items, 'webhook')).toMatchObject({
      status: 'pending',
      attempts: 2,
      lastError: 'no answer within 5000 ms',
    });
    hookMode = 'ok';
    await t.modules.listening.alerts.deliverDue({ now: new Date(Date.now() + 60 * 60_000) });
    expect(byChannel(await deliveries(), 'webhook')).toMatchObject({ status: 'sent', attempts: 3 });

    // Every try carried the same alert, signed with the brand's key.
    expect(hooks).toHaveLength(3);
    const last = hooks[2];
    const t0 = /t=(\d+)/.exec(String(last.headers[SIGNATURE_HEADER]))![1];
    expect(last.headers[SIGNATURE_HEADER]).toBe(signWebhook(webhookSecret, Number(t0), last.body));
    expect(JSON.parse(last.body)).toMatchObject({
      type: 'listening.spike',
      spike: { spikeId: spikes[0].id, topicName: 'Alertco', orgHandle: 'alertco' },
    });
    expect(smtp.received.filter((m) => /Spike on/.test(m.subject))).toHaveLength(1);
  }, 120_000);

  it('should open the care conversation of a Souk mention, the same one every time, and not of an import', async () => {
    const posted = await customer.post('/api/v1/posts', {
      text: '@alertco the zip of my coat broke, help please',
    });
    expect(posted.statusCode, posted.body).toBe(201);
    await t.drain();
    const native = (await owner.get(`${base}/mentions?q=${encodeURIComponent('source:souk')}`)).json().items;
    expect(native).toHaveLength(1);
    const first = await owner.post(`${base}/mentions/${native[0].id}/care`, {});
    expect(first.statusCode, first.body).toBe(200);
    const again = await owner.post(`${base}/mentions/${native[0].id}/care`, {});
    expect(again.json().conversationId).toBe(first.json().conversationId);
    expect(again.json().mention.careConversationId).toBe(first.json().conversationId);
    const conversation = await owner.get(
      `/api/v1/orgs/alertco/care/conversations/${first.json().conversationId}`,
    );
    expect(conversation.statusCode).toBe(200);
    expect(JSON.stringify(conversation.json())).toContain('the zip of my coat broke');

    const imported = (
      await owner.get(`${base}/mentions?q=${encodeURIComponent('source:jsonl')}&limit=1`)
    ).json().items;
    const refused = await owner.post(`${base}/mentions/${imported[0].id}/care`, {});
    expect([refused.statusCode, refused.json().code]).toEqual([400, 'not_a_souk_post']);
  }, 60_000);

  it('should keep a brand’s alerts and mentions to its team', async () => {
    expect((await other.get(`${base}/alerts`)).statusCode).toBe(403);
    expect(
      (await other.request('PUT', `${base}/alerts`, { inApp: false, emailTo: [], webhookUrl: null }))
        .statusCode,
    ).toBe(403);
    expect((await other.get(`${base}/alerts/deliveries`)).statusCode).toBe(403);
    const mine = (await owner.get(`${base}/mentions?limit=1`)).json().items[0];
    const foreign = await other.post(`/api/v1/orgs/alertrival/listening/mentions/${mine.id}/care`, {});
    expect([foreign.statusCode, foreign.json().code]).toEqual([404, 'mention_not_found']);
  });
});

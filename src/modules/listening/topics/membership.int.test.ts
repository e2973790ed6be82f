import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestClient, type TestContext } from '../../../../test/support/test-app.ts';
import { ownTables } from '../../../platform/db/database.ts';
import { newId } from '../../../platform/ids.ts';
import type { ListeningTables } from '../listening.tables.ts';
import { lockTopics } from './membership.repo.ts';
import { BACKFILL_CHUNK } from './membership.service.ts';

// Topic and tag membership stored once: a rule or topic created after the mentions is applied to them by a backfill
// (the first chunk in the request, the rest through the outbox, with its progress), new mentions are tagged as they
// are stored, a changed query re-tags, and the topic page read from the daily rollup counts exactly what its query
// matches, partial days at the window's ends included.
let t: TestContext;
let owner: TestClient;
let zipperId: string;
let other: TestClient;
const base = '/api/v1/orgs/zipper/listening';
const MINUTE = 60_000;
const START = Date.UTC(2026, 9, 1, 3, 17);
const COUNT = 2 * BACKFILL_CHUNK + 1200;
/** Mention i: every third is about a broken zip, every fifth asks for a refund; one every 7 minutes. */
const textOf = (i: number) =>
  `${i % 3 === 0 ? 'the zip broke on my Zipper coat' : 'Zipper coat is warm'}${i % 5 === 0 ? ', refund please' : ''}`;
const atOf = (i: number) => START + i * 7 * MINUTE;

function file(from: number, to: number) {
  const lines: string[] = [];
  for (let i = from; i < to; i++)
    lines.push(
      JSON.stringify({
        id: `z${i}`,
        text: textOf(i),
        at: new Date(atOf(i)).toISOString(),
        user: `u${i % 40}`,
      }),
    );
  return `${lines.join('\n')}\n`;
}
const mapping = encodeURIComponent(
  JSON.stringify({ id: 'id', text: 'text', createdAt: 'at', author: 'user' }),
);
const upload = (body: string) =>
  owner.request('POST', `${base}/imports?format=jsonl&mapping=${mapping}`, body, {
    'content-type': 'application/x-ndjson',
  });
/** How many mentions i in [0, n) with a time in [from, to) satisfy `keep`. */
const expected = (n: number, from: number, to: number, keep: (i: number) => boolean) => {
  let c = 0;
  for (let i = 0; i < n; i++) if (atOf(i) >= from && atOf(i) < to && keep(i)) c++;
  return c;
};

beforeAll(async () => {
  t = await createTestApp();
  owner = await t.signup('zipper_owner');
  other = await t.signup('zipper_rival');
  zipperId = await t.brand(owner, 'zipper');
  await t.brand(other, 'otherzip');
  const imported = await upload(file(0, COUNT));
  expect(imported.statusCode, imported.body).toBe(201);
  expect(imported.json().imported).toBe(COUNT);
}, 300_000);
afterAll(() => t.close());

describe('listening membership', () => {
  let ruleId: string;
  it('backfills a new rule over stored mentions in chunks, with its progress, and tags new mentions at once', async () => {
    const bad = await owner.post(`${base}/rules`, { tag: 'Zips', query: 'zip AND (broke' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].message).toMatch(/position 15: expected "\)"/);

    const created = await owner.post(`${base}/rules`, { tag: 'Zips', query: 'zip AND broke' });
    expect(created.statusCode, created.body).toBe(201);
    ruleId = created.json().id;
    expect(created.json()).toMatchObject({
      tag: 'Zips',
      backfill: { status: 'running', done: BACKFILL_CHUNK, total: COUNT },
    });
    expect((await owner.get(`${base}/rules`)).json().items).toHaveLength(1);
    expect((await owner.get(`${base}/topics`)).json().items).toHaveLength(0);

    await t.drain();
    const rule = (await owner.get(`${base}/rules/${ruleId}`)).json();
    expect(rule.backfill).toEqual({ status: 'done', done: COUNT, total: COUNT });

    const tagged = (await owner.get(`${base}/mentions?tag=${ruleId}&limit=50`)).json();
    expect(tagged.items).toHaveLength(50);
    for (const m of tagged.items) {
      expect(m.text).toMatch(/zip broke/);
      expect(m.tags).toContainEqual({ id: ruleId, name: 'Zips', kind: 'tag' });
    }
    const plain = (await owner.get(`${base}/mentions?q=${encodeURIComponent('warm -zip')}&limit=5`)).json();
    expect(plain.items).toHaveLength(5);
    for (const m of plain.items) expect(m.tags).toEqual([]);

    // a mention stored after the rule carries its tag without a backfill
    const later = await upload(
      `${JSON.stringify({ id: 'late1', text: 'my zip broke today', at: new Date(atOf(COUNT + 5)).toISOString(), user: 'x' })}\n`,
    );
    expect(later.json().imported).toBe(1);
    const newest = (await owner.get(`${base}/mentions?tag=${ruleId}&limit=1`)).json().items[0];
    expect(newest.externalId).toBe('late1');

    // another brand can neither read the rule nor filter by it
    expect((await other.get(`/api/v1/orgs/zipper/listening/rules/${ruleId}`)).statusCode).toBe(403);
    expect((await other.get(`/api/v1/orgs/otherzip/listening/rules/${ruleId}`)).statusCode).toBe(404);
    expect((await other.get(`/api/v1/orgs/otherzip/listening/mentions?tag=${ruleId}`)).statusCode).toBe(404);
  });

  it('counts on the topic page exactly what the query matches, partial days and hours included', async () => {
    const zips = (
      await owner.post(`${base}/topics`, { name: 'Zips', kind: 'product', query: 'refund' })
    ).json();
    expect(zips.code).toBe('topic_name_taken');
    const topic = (
      await owner.post(`${base}/topics`, { name: 'Zipper', kind: 'brand', query: 'zip AND broke' })
    ).json();
    const rival = (
      await owner.post(`${base}/topics`, { name: 'Refunds', kind: 'competitor', query: 'refund' })
    ).json();
    await t.drain();
    const from = START + 1234 * MINUTE + 17_000;
    const to = START + (COUNT - 700) * 7 * MINUTE + 5 * MINUTE;
    const s = (
      await owner.get(
        `${base}/topics/${topic.id}/summary?from=${new Date(from).toISOString()}&to=${new Date(to).toISOString()}`,
      )
    ).json();
    const zipCount = expected(COUNT, from, to, (i) => i % 3 === 0);
    const refundCount = expected(COUNT, from, to, (i) => i % 5 === 0);
    expect(s.topic.backfill).toEqual({ status: 'done', done: COUNT + 1, total: COUNT + 1 });
    expect(s.count).toBe(zipCount);
    expect(s.series.reduce((n: number, p: { count: number }) => n + p.count, 0)).toBe(zipCount);
    expect(s.shareOfVoice.map((v: { name: string; count: number }) => [v.name, v.count])).toEqual([
      ['Zipper', zipCount],
      ['Refunds', refundCount],
    ]);
    expect(s.intents.reduce((n: number, p: { count: number }) => n + p.count, 0)).toBe(zipCount);
    // the drill-down behind the first bar lists its mentions
    const bar = s.series[0];
    const barEnd = new Date(new Date(bar.at).getTime() + 86_400_000).toISOString();
    const drill = (
      await owner.get(
        `${base}/mentions?topicId=${topic.id}&from=${new Date(from).toISOString()}&to=${barEnd}&limit=100`,
      )
    ).json();
    expect(drill.items).toHaveLength(bar.count);

    const hourFrom = START + 500 * MINUTE + 30_000;
    const hourTo = hourFrom + 26 * 3600_000;
    const hourly = (
      await owner.get(
        `${base}/topics/${topic.id}/summary?bucket=hour&from=${new Date(hourFrom).toISOString()}&to=${new Date(hourTo).toISOString()}`,
      )
    ).json();
    expect(hourly.count).toBe(expected(COUNT, hourFrom, hourTo, (i) => i % 3 === 0));
    expect(hourly.series.length).toBeGreaterThan(20);
    expect(rival.kind).toBe('competitor');
  });

  it('re-tags stored mentions when a rule’s query changes, and forgets the tag when it goes', async () => {
    const changed = await owner.request('PATCH', `${base}/rules/${ruleId}`, { query: 'refund' });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json().backfill.status).toBe('running');
    await t.drain();
    const tagged = (await owner.get(`${base}/mentions?tag=${ruleId}&limit=30`)).json();
    expect(tagged.items).toHaveLength(30);
    for (const m of tagged.items) expect(m.text).toMatch(/refund/);
    const zipOnly = (
      await owner.get(`${base}/mentions?q=${encodeURIComponent('zip -refund')}&limit=5`)
    ).json();
    for (const m of zipOnly.items) expect(m.tags.map((x: { id: string }) => x.id)).not.toContain(ruleId);

    expect((await owner.request('DELETE', `${base}/rules/${ruleId}`)).statusCode).toBe(204);
    expect((await owner.get(`${base}/rules/${ruleId}`)).statusCode).toBe(404);
    const after = (await owner.get(`${base}/mentions?q=refund&limit=5`)).json();
    for (const m of after.items) expect(m.tags.map((x: { id: string }) => x.id)).not.toContain(ruleId);
    // its membership rows go after the request, through the outbox
    await t.drain();
    const left = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM listening_mention_tags WHERE topic_id = ${ruleId}`.execute(t.handle.db);
    expect(left.rows[0].n).toBe(0);
  });

  it('a topic created while a batch is being stored waits for it, and its backfill includes that batch', async () => {
    let release = () => {};
    const held = new Promise<void>((r) => {
      release = r;
    });
    let locked = () => {};
    const isLocked = new Promise<void>((r) => {
      locked = r;
    });
    // A batch being stored: a mention inserted, the brand's topics lock shared, not yet committed.
    const batch = t.handle.db.transaction().execute(async (trx) => {
      await sql`
        INSERT INTO listening_mentions (id, org_id, source, external_id, text, author_handle, language, posted_at,
          sentiment, intent)
        VALUES (${newId()}, ${zipperId}, 'jsonl', 'race1', 'a brand new velcro strap', 'racer', 'en',
          ${new Date(atOf(COUNT + 9))}, 0, 'other')`.execute(trx);
      await lockTopics(ownTables<ListeningTables>(trx), zipperId, 'share');
      locked();
      await held;
    });
    await isLocked;
    let created = false;
    const creating = owner.post(`${base}/rules`, { tag: 'Velcro', query: 'velcro' }).then((res) => {
      created = true;
      return res;
    });
    await new Promise((r) => setTimeout(r, 300));
    const waited = !created;
    release();
    await batch;
    expect(waited).toBe(true);
    const res = await creating;
    expect(res.statusCode, res.body).toBe(201);
    await t.drain();
    const velcro = (await owner.get(`${base}/mentions?tag=${res.json().id}&limit=5`)).json();
    expect(velcro.items.map((m: { externalId: string }) => m.externalId)).toEqual(['race1']);
  });
});

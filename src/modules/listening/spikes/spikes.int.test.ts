import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestClient, type TestContext } from '../../../../test/support/test-app.ts';

// Spikes through the API: five weeks of ordinary mentions with a surge yesterday afternoon about broken zips;
// the scan finds the surge once, says why, and another brand can neither see nor scan it.
let t: TestContext;
let owner: TestClient;
let other: TestClient;
const base = '/api/v1/orgs/zipco/listening';
const HOUR = 3600_000;

/** JSON lines: a few mentions every hour for five weeks, and 40 more about zips in three hours yesterday. */
function mentionsFile(now: number) {
  const lines: string[] = [];
  const start = Math.floor(now / HOUR) * HOUR - 35 * 24 * HOUR;
  const surge = Math.floor(now / HOUR) * HOUR - 20 * HOUR;
  let n = 0;
  const add = (at: number, text: string, user: string, reshares = 0) =>
    lines.push(JSON.stringify({ id: `m${++n}`, text, at: new Date(at).toISOString(), user, reshares }));
  for (let at = start; at < now; at += HOUR) {
    const busy = new Date(at).getUTCHours() >= 8 && new Date(at).getUTCHours() < 22;
    for (let i = 0; i < (busy ? 2 : 1); i++)
      add(
        at + i * 60_000,
        `Zipco jacket ${['arrived', 'looks great', 'keeps me warm'][n % 3]}`,
        `fan${n % 50}`,
      );
  }
  for (let i = 0; i < 40; i++)
    add(
      surge + i * 4 * 60_000,
      `the zip on my Zipco jacket broke ${i % 2 ? 'again' : 'today'}`,
      `angry${i}`,
      i === 7 ? 12 : 0,
    );
  return `${lines.join('\n')}\n`;
}

beforeAll(async () => {
  t = await createTestApp();
  owner = await t.signup('zipco_owner');
  other = await t.signup('rival_spikes');
  await t.brand(owner, 'zipco');
  await t.brand(other, 'rivalspikes');
  const mapping = encodeURIComponent(
    JSON.stringify({ id: 'id', text: 'text', createdAt: 'at', author: 'user', reshares: 'reshares' }),
  );
  const imported = await owner.request(
    'POST',
    `${base}/imports?format=jsonl&mapping=${mapping}`,
    mentionsFile(Date.now()),
    { 'content-type': 'application/x-ndjson' },
  );
  expect(imported.statusCode, imported.body).toBe(201);
});
afterAll(() => t.close());

describe('listening spikes', () => {
  it('finds yesterday’s surge once, with its size and why it happened', async () => {
    const topic = (
      await owner.post(`${base}/topics`, { name: 'Zipco', kind: 'brand', query: 'zipco' })
    ).json();
    const scanned = await owner.post(`${base}/spikes/scan?topicId=${topic.id}`, {});
    expect(scanned.statusCode, scanned.body).toBe(200);
    const spikes = scanned.json().items;
    expect(spikes).toHaveLength(1);
    const [spike] = spikes;
    expect(spike.topicId).toBe(topic.id);
    expect(spike.observed).toBeGreaterThanOrEqual(40);
    expect(spike.ratio).toBeGreaterThan(3);
    // It covers the surge (which began 20 to 21 hours ago) and not much more.
    const surgeStart = Math.floor(Date.now() / HOUR) * HOUR - 20 * HOUR;
    expect(Date.parse(spike.startedAt)).toBeLessThanOrEqual(surgeStart);
    expect(Date.parse(spike.endedAt)).toBeGreaterThanOrEqual(surgeStart + 2 * HOUR);
    expect(Date.parse(spike.endedAt) - Date.parse(spike.startedAt)).toBeLessThanOrEqual(24 * HOUR);
    // Why: the words of the surge, not the words every mention of the brand has.
    const terms = spike.why.terms.map((w: { key: string }) => w.key);
    expect(terms.slice(0, 3)).toContain('zip');
    expect(terms).not.toContain('jacket');
    expect(spike.why.topMention).toMatchObject({ authorHandle: 'angry7', reshares: 12 });

    // A second scan finds the same spike, not a second one; the list shows it.
    await owner.post(`${base}/spikes/scan`, {});
    const listed = (await owner.get(`${base}/spikes?topicId=${topic.id}`)).json().items;
    expect(listed.map((s: { id: string }) => s.id)).toEqual([spike.id]);
  });

  it('keeps a brand’s spikes to its team', async () => {
    expect((await other.get(`${base}/spikes`)).statusCode).toBe(403);
    expect((await other.post(`${base}/spikes/scan`, {})).statusCode).toBe(403);
    const foreign = await other.get(
      `/api/v1/orgs/rivalspikes/listening/spikes?topicId=${(await owner.get(`${base}/topics`)).json().items[0].id}`,
    );
    expect([foreign.statusCode, foreign.json().code]).toEqual([404, 'topic_not_found']);
    expect((await owner.get(`${base}/spikes?topicId=not-a-uuid`)).statusCode).toBe(400);
  });
});

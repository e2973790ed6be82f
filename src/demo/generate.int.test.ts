import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '../../test/support/test-app.ts';
import { createTestDb } from '../../test/support/test-db.ts';
import { type PostEntities, parseText, resolveEntities } from '../modules/social/index.ts';
import { DEMO_PASSWORD, type DemoWorldSummary, generateDemoWorld } from './generate.ts';

const USERS = 300;
const now = new Date('2026-03-01T12:00:00Z');

let t: TestContext;
let summary: DemoWorldSummary | null;

beforeAll(async () => {
  t = await createTestApp();
  summary = await generateDemoWorld(t.handle.db, { users: USERS, seed: 7, now, onlyIfEmpty: true });
});
afterAll(() => t.close());

const rows = async <T>(query: ReturnType<typeof sql<T>>) => (await query.execute(t.handle.db)).rows;

async function login(email: string) {
  const res = await t.anonymous.request('POST', '/api/v1/auth/login', {
    login: email,
    password: DEMO_PASSWORD,
  });
  expect(res.statusCode).toBe(200);
  const cookie = res.cookies.find((c) => c.name === 'souk_session')!;
  return { cookie: `souk_session=${cookie.value}`, me: res.json() };
}

describe('generateDemoWorld', () => {
  it('should report the people, brands and posts it created and the demo sign-ins', () => {
    expect(summary).toMatchObject({ users: USERS, brands: 8, posts: USERS * 5 });
    expect(summary!.loginHint).toContain('demo@souk.example');
    expect(summary!.loginHint).toContain(DEMO_PASSWORD);
  });

  it('should write nothing and return null when accounts exist and onlyIfEmpty is set', async () => {
    const [{ n }] = await rows(sql<{ n: number }>`SELECT count(*)::int AS n FROM accounts`);
    expect(await generateDemoWorld(t.handle.db, { users: 20, onlyIfEmpty: true })).toBeNull();
    const [after] = await rows(sql<{ n: number }>`SELECT count(*)::int AS n FROM accounts`);
    expect(after.n).toBe(n);
  });

  it('should build the same handles and post texts from the same seed, whatever the clock', async () => {
    const other = await createTestDb();
    try {
      await generateDemoWorld(other.db, { users: USERS, seed: 7, now: new Date('2026-05-20T08:00:00Z') });
      const load = async (db: typeof other.db) => ({
        handles: (await sql<{ handle: string }>`SELECT handle FROM accounts ORDER BY handle`.execute(db))
          .rows,
        texts: (await sql<{ text: string }>`SELECT text FROM posts ORDER BY id`.execute(db)).rows,
      });
      expect(await load(other.db)).toEqual(await load(t.handle.db));
    } finally {
      await other.close();
    }
  });

  it('should store entities exactly as the post API parses them, with matching mention and tag rows', async () => {
    const accounts = await rows(sql<{ id: string; handle: string }>`SELECT id, handle FROM accounts`);
    const idsByHandle = new Map(accounts.map((a) => [a.handle.toLowerCase(), a.id]));
    const posts = await rows(sql<{
      id: string;
      text: string;
      entities: PostEntities;
      mentions: string[] | null;
      tags: string[] | null;
    }>`
      SELECT p.id, p.text, p.entities,
        (SELECT array_agg(m.account_id::text ORDER BY m.account_id) FROM post_mentions m WHERE m.post_id = p.id) AS mentions,
        (SELECT array_agg(g.tag ORDER BY g.tag) FROM post_tags g WHERE g.post_id = p.id) AS tags
      FROM posts p`);
    let mentioning = 0;
    for (const p of posts) {
      expect(p.entities).toEqual(resolveEntities(parseText(p.text), idsByHandle));
      expect(p.entities.mentions.length).toBe(parseText(p.text).mentions.length); // every mention resolves
      expect(p.mentions ?? []).toEqual([...new Set(p.entities.mentions.map((m) => m.accountId))].sort());
      expect(p.tags ?? []).toEqual([...new Set(p.entities.hashtags.map((h) => h.tag))].sort());
      if (p.entities.mentions.length) mentioning++;
    }
    expect(mentioning).toBeGreaterThan(posts.length / 3);
  });

  it('should keep reply, reshare and like counters equal to the rows they count', async () => {
    const wrong = await rows(sql`
      SELECT p.id FROM posts p
      WHERE p.reply_count <> (SELECT count(*) FROM posts r WHERE r.in_reply_to_id = p.id AND r.visibility = 'public')
         OR p.reshare_count <> (SELECT count(*) FROM posts r WHERE r.reshare_of_id = p.id)
         OR p.like_count <> (SELECT count(*) FROM likes l WHERE l.post_id = p.id)`);
    expect(wrong).toEqual([]);
    const [totals] = await rows(sql<{ replies: number; reshares: number; likes: number }>`
      SELECT sum(reply_count)::int AS replies, sum(reshare_count)::int AS reshares, sum(like_count)::int AS likes FROM posts`);
    expect(totals.replies).toBeGreaterThan(0);
    expect(totals.reshares).toBeGreaterThan(0);
    expect(totals.likes).toBeGreaterThan(0);
  });

  it('should keep reshare chains: a reshare is of a public original, made from it or from another reshare of it', async () => {
    const broken = await rows(sql`
      SELECT r.id FROM posts r
      JOIN posts o ON o.id = r.reshare_of_id
      JOIN posts parent ON parent.id = r.reshare_parent_id
      WHERE o.reshare_of_id IS NOT NULL OR o.visibility <> 'public' OR r.author_id = o.author_id
         OR NOT (parent.id = o.id OR parent.reshare_of_id = o.id)`);
    expect(broken).toEqual([]);
    const [{ chained }] = await rows(sql<{ chained: number }>`
      SELECT count(*)::int AS chained FROM posts WHERE reshare_parent_id <> reshare_of_id`);
    expect(chained).toBeGreaterThan(0);
  });

  it('should have brands answer the customers who mention them', async () => {
    const [{ n }] = await rows(sql<{ n: number }>`
      SELECT count(*)::int AS n FROM posts r
      JOIN posts q ON q.id = r.in_reply_to_id
      JOIN accounts b ON b.id = r.author_id AND b.kind = 'brand'
      JOIN post_mentions m ON m.post_id = q.id AND m.account_id = b.id`);
    expect(n).toBeGreaterThan(10);
  });

  it('should skew follower counts: the top brand has far more followers than the median person', async () => {
    const [{ top }] = await rows(sql<{ top: number }>`
      SELECT max(n)::int AS top FROM (SELECT count(*) AS n FROM follows f JOIN accounts a ON a.id = f.followee_id
        WHERE a.kind = 'brand' GROUP BY a.id) x`);
    const [{ median }] = await rows(sql<{ median: number }>`
      SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY n)::float AS median FROM (
        SELECT count(f.follower_id) AS n FROM accounts a LEFT JOIN follows f ON f.followee_id = a.id
        WHERE a.kind = 'person' GROUP BY a.id) x`);
    expect(top).toBeGreaterThan(10 * Math.max(1, median));
  });

  it('should give the demo person a home timeline, newest first, of brands they follow and others', async () => {
    const { cookie } = await login('demo@souk.example');
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/v1/timelines/home?limit=50',
      headers: { cookie },
    });
    expect(res.statusCode).toBe(200);
    const items: { createdAt: string; author: { kind: string } }[] = res.json().items;
    expect(items.length).toBe(50);
    const times = items.map((p) => p.createdAt);
    expect(times).toEqual([...times].sort().reverse());
    expect(items.some((p) => p.author.kind === 'brand')).toBe(true);
    expect(res.json().nextCursor).not.toBeNull();
  });

  it('should fill homes with the newest posts of the audience the fan-out uses, capped at 100', async () => {
    const mismatched = await rows(sql`
      WITH owners AS (SELECT id FROM accounts ORDER BY id LIMIT 40),
      audience AS (
        SELECT o.id AS owner_id, p.id AS post_id,
          row_number() OVER (PARTITION BY o.id ORDER BY p.id DESC) AS n
        FROM owners o JOIN posts p ON p.author_id = o.id
          OR (p.author_id IN (SELECT followee_id FROM follows WHERE follower_id = o.id)
              AND (p.visibility <> 'direct' OR EXISTS (SELECT 1 FROM post_mentions m WHERE m.post_id = p.id AND m.account_id = o.id)))
      ),
      expected AS (SELECT owner_id, post_id FROM audience WHERE n <= 100),
      actual AS (SELECT h.owner_id, h.post_id FROM home_timeline h JOIN owners o ON o.id = h.owner_id)
      (SELECT * FROM expected EXCEPT SELECT * FROM actual) UNION ALL (SELECT * FROM actual EXCEPT SELECT * FROM expected)`);
    expect(mismatched).toEqual([]);
  });

  it('should let the brand team member and the admin sign in with their roles', async () => {
    const team = await login('team@larchwood.example');
    expect(team.me.memberships).toEqual([
      { org: expect.objectContaining({ handle: 'larchwood', verified: true }), role: 'owner' },
    ]);
    const admin = await login('admin@souk.example');
    expect(admin.me.isAdmin).toBe(true);
    const demo = await login('demo@souk.example');
    expect(demo.me.isAdmin).toBe(false);
  });
});

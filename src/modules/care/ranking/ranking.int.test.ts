import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestClient, type TestContext } from '../../../../test/support/test-app.ts';

// The public service-quality ranking: brands ranked within their industry from their care history, a brand with
// too few conversations unranked, each brand's page with the formula's inputs; the industry is the brand's choice.
let t: TestContext;
let owner: TestClient;
const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  owner = await t.signup('acme_owner');
  const fan = await t.signup('fan_one');
  for (const handle of ['acme', 'bolt', 'tiny']) ids[handle] = await t.brand(owner, handle);
  const history = { customerIds: [fan.userId], days: 200, industry: 'sports' };
  const ranking = t.modules.care.ranking;
  await ranking.generateHistory({
    ...history,
    orgId: ids.acme,
    conversations: 40,
    responseMinutes: 20,
    resolvedShare: 0.9,
    csatMean: 4.5,
    sentimentAfter: 0.5,
  });
  await ranking.generateHistory({
    ...history,
    orgId: ids.bolt,
    conversations: 30,
    responseMinutes: 400,
    resolvedShare: 0.5,
    csatMean: 3,
    sentimentAfter: -0.2,
  });
  await ranking.generateHistory({
    ...history,
    orgId: ids.tiny,
    conversations: 2,
    responseMinutes: 1,
    resolvedShare: 1,
    csatMean: 5,
    sentimentAfter: 1,
  });
});
afterAll(() => t.close());

describe('service-quality ranking', () => {
  it('should rank brands within their industry without sign-in, the one with 2 conversations unranked', async () => {
    const res = await t.anonymous.get('/api/v1/service-ranking');
    expect(res.statusCode).toBe(200);
    const sports = res.json().industries.find((i: { industry: string }) => i.industry === 'sports');
    expect(sports.brands.map((b: { handle: string; rank: number | null }) => [b.handle, b.rank])).toEqual([
      ['acme', 1],
      ['bolt', 2],
      ['tiny', null],
    ]);
    expect(sports.brands[2]).toMatchObject({ ranked: false, conversations: 2 });
    expect(res.json().method.formula).toMatch(/Σ w·x \+ m·μ/);
  });

  it('should show a brand its rank, its score and the inputs of the formula', async () => {
    const res = await t.anonymous.get('/api/v1/service-ranking/brands/acme');
    expect(res.json()).toMatchObject({
      rankedInIndustry: 2,
      industry: 'sports',
      entry: { rank: 1, ranked: true },
    });
    const csat = res.json().entry.measures.csat;
    expect(csat.value).toBeCloseTo(
      (csat.observed * csat.weight + 5 * csat.industryMean) / (csat.weight + 5),
      6,
    );
    expect((await t.anonymous.get('/api/v1/service-ranking/brands/nobody_here')).statusCode).toBe(404);
  });

  it('should move a brand to the industry its owner chooses, and refuse an unknown industry', async () => {
    const set = await owner.request('PUT', '/api/v1/orgs/bolt/care/ranking-profile', { industry: 'telecom' });
    expect(set.json()).toEqual({ industry: 'telecom' });
    const page = (await t.anonymous.get('/api/v1/service-ranking?industry=telecom')).json();
    expect(page.industries).toEqual([expect.objectContaining({ industry: 'telecom' })]);
    expect(page.industries[0].brands).toEqual([expect.objectContaining({ handle: 'bolt', rank: 1 })]);
    const bad = await owner.request('PUT', '/api/v1/orgs/bolt/care/ranking-profile', { industry: 'mining' });
    expect(bad.statusCode).toBe(400);
  });
});

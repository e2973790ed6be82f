import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestClient, type TestContext } from '../../../../test/support/test-app.ts';
import { describeRetrain } from '../../../cli/retrain.report.ts';
import { triage } from '../../../lib/triage/index.ts';

let t: TestContext;
let owner: TestClient;
let agent: TestClient;
let creator: TestClient;
let plainOwner: TestClient;

// Influencers pitching a collaboration: the shipped model reads them as praise, questions or chatter; this
// brand's agents file them as proposals (rfp), which is what its Sales queue handles.
const PITCHES = [
  "I'm a beauty creator with 40k followers, would love to collab with you",
  'fitness influencer here, open to a sponsored post for your serum?',
  'we are a youtube channel about skincare, interested in a paid partnership?',
  'micro influencer with 12k on tiktok, can I review your new cream?',
  "hey! content creator here, let's work together on your summer launch",
  'do you send PR packages to creators? I have 25k followers',
  'skincare blogger with 18k readers, happy to feature your spring collection in a sponsored post',
  'ugc creator here, I make short videos for brands, want to work together?',
  'hi! I run a beauty podcast with 9k listeners, would you sponsor an episode?',
  'nail artist with 60k followers, keen to collab on a giveaway with you',
  'content creator on instagram (35k), looking for a paid collab with your skincare line',
  'influencer agency here, we have creators ready to promote your serum, interested?',
];
const NEW_PITCH = 'skincare creator with 30k followers, would love a paid collab on your toner';
const OTHER_KINDS = [
  'my face broke out after using your cream',
  'does the serum contain retinol?',
  'love the new cleanser, my skin has never been better',
];

async function post(client: TestClient, text: string) {
  const res = await client.post('/api/v1/posts', { text });
  expect(res.statusCode, res.body).toBe(201);
}

/** The intent of the newest conversation of a brand's inbox (as its agents see it). */
async function latestIntent(client: TestClient, brand: string) {
  const res = await client.get(`/api/v1/orgs/${brand}/care/conversations`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items[0].intent as string;
}

async function join(org: string, client: TestClient, role: string) {
  const inv = await owner.post(`/api/v1/orgs/${org}/invitations`, { handle: client.handle, role });
  await client.post(`/api/v1/invitations/${inv.json().id}/accept`);
}

beforeAll(async () => {
  t = await createTestApp();
  owner = await t.signup('glow_owner');
  agent = await t.signup('glow_agent');
  creator = await t.signup('creator');
  plainOwner = await t.signup('plain_owner');
  await t.brand(owner, 'glowco');
  await t.brand(plainOwner, 'plainco');
  await join('glowco', agent, 'agent');
});
afterAll(() => t.close());

describe('per-brand intent model', () => {
  it('should say clearly that there is nothing to learn when the brand has no corrections', async () => {
    const res = await owner.post('/api/v1/orgs/glowco/care/intent-model/retrain');
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'no_corrections' });
    expect(res.json().detail).toMatch(/No corrected messages yet/);
    const status = await owner.get('/api/v1/orgs/glowco/care/intent-model');
    expect(status.json()).toEqual({ using: 'shipped', correctionsAvailable: 0, model: null });
  });

  it('should refuse retrain and status to an agent, and to an outsider', async () => {
    expect((await agent.post('/api/v1/orgs/glowco/care/intent-model/retrain')).statusCode).toBe(403);
    expect((await agent.get('/api/v1/orgs/glowco/care/intent-model')).statusCode).toBe(403);
    expect((await plainOwner.get('/api/v1/orgs/glowco/care/intent-model')).statusCode).toBe(403);
  });

  it('should classify new pitches as the agents corrected them after a retrain, and leave other kinds alone', async () => {
    for (const text of PITCHES) await post(creator, `@glowco ${text}`);
    await t.drain();
    const [conversation] = (await agent.get('/api/v1/orgs/glowco/care/conversations')).json().items;
    const detail = (await agent.get(`/api/v1/orgs/glowco/care/conversations/${conversation.id}`)).json();
    const incoming = detail.messages.filter((m: { direction: string }) => m.direction === 'in');
    expect(incoming).toHaveLength(PITCHES.length);
    for (const m of incoming) {
      const res = await agent.request(
        'PUT',
        `/api/v1/orgs/glowco/care/conversations/${conversation.id}/messages/${m.id}/intent`,
        { intent: 'rfp' },
      );
      expect(res.statusCode).toBe(204);
    }
    // The shipped model does not call the new pitch a proposal: the retrain is what changes it.
    expect(triage(`@glowco ${NEW_PITCH}`).intent).not.toBe('rfp');

    const res = await owner.post('/api/v1/orgs/glowco/care/intent-model/retrain');
    expect(res.statusCode, res.body).toBe(200);
    const status = res.json();
    expect(status).toMatchObject({
      using: 'brand',
      correctionsAvailable: PITCHES.length,
      model: { correctionsUsed: PITCHES.length, current: true, metrics: { evaluation: 'held_out' } },
    });
    const m = status.model.metrics;
    expect(m.evaluatedOn).toBe(3);
    expect(m.correctionsAfter).toBeGreaterThan(m.correctionsBefore);
    expect(m.guard.brand).toBeGreaterThanOrEqual(m.guard.shipped - 0.05);

    const fan = await t.signup('fan');
    await post(fan, `@glowco ${NEW_PITCH}`);
    await t.drain();
    expect(await latestIntent(agent, 'glowco')).toBe('rfp');
    for (const text of OTHER_KINDS) {
      const customer = await t.signup(`c${OTHER_KINDS.indexOf(text)}`);
      await post(customer, `@glowco ${text}`);
      await t.drain();
      expect(await latestIntent(agent, 'glowco')).toBe(triage(`@glowco ${text}`).intent);
    }
  });

  it('should keep triaging another brand with the shipped model', async () => {
    const shopper = await t.signup('shopper');
    await post(shopper, `@plainco ${NEW_PITCH}`);
    await t.drain();
    const intent = await latestIntent(plainOwner, 'plainco');
    expect(intent).toBe(triage(`@plainco ${NEW_PITCH}`).intent);
    expect(intent).not.toBe('rfp');
    expect((await plainOwner.get('/api/v1/orgs/plainco/care/intent-model')).json().using).toBe('shipped');
  });

  it('should retrain every brand with corrections from the command line, and name a brand without any', async () => {
    const all = await t.modules.care.intentModels.retrainFromCli();
    expect(all.map((r) => [r.handle, r.outcome.status])).toEqual([['glowco', 'trained']]);
    const printed = describeRetrain(all[0].handle, all[0].outcome).join('\n');
    expect(printed).toMatch(/^@glowco: 12 corrections used\n {2}accuracy on 3 held-out corrections/);
    // The public test splits when the data folder is there (SOUK_EVAL_DATA), the seed utterances when it is not.
    expect(printed).toMatch(
      /check set, (BANKING77 \+ CLINC150 test splits|seed utterances) .*: shipped \d+\.\d% → brand \d+\.\d%/,
    );
    const plain = await t.modules.care.intentModels.retrainFromCli('plainco');
    expect(plain[0].outcome).toMatchObject({ status: 'no_corrections' });
    expect(describeRetrain('plainco', plain[0].outcome)).toEqual([
      '@plainco: no corrections yet, nothing to learn; it keeps the shipped model',
    ]);
  });
});

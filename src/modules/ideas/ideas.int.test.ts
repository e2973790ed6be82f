import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestClient, type TestContext } from '../../../test/support/test-app.ts';

let t: TestContext;
let owner: TestClient;
let rival: TestClient;
let productId: string;
let variantId: string;

const address = { name: 'Ada Fan', line1: '1 Main St', city: 'Leeds', postalCode: 'LS1 1AA', country: 'GB' };

async function postIdea(client: TestClient, title: string, brand = 'ideabrand') {
  const res = await client.post(`/api/v1/orgs/${brand}/ideas`, { title, description: `${title}, please.` });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; votes: number; status: string };
}

const vote = (client: TestClient, id: string, votes: number) =>
  client.request('PUT', `/api/v1/ideas/${id}/vote`, { votes });

async function idea(id: string, client?: TestClient) {
  const res = await (client ?? t.anonymous).get(`/api/v1/ideas/${id}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

beforeAll(async () => {
  t = await createTestApp();
  owner = await t.signup('ideaowner');
  await t.brand(owner, 'ideabrand', { verified: true });
  rival = await t.signup('ideerival');
  await t.brand(rival, 'rivalbrand');
  const res = await owner.post('/api/v1/orgs/ideabrand/products', {
    title: 'Phone strap',
    currency: 'EUR',
    priceMinor: 1_500,
    variants: [{ sku: 'STRAP-1', stock: 100 }],
  });
  expect(res.statusCode, res.body).toBe(201);
  productId = res.json().id;
  variantId = res.json().variants[0].id;
});
afterAll(() => t.close());

describe('ideas portal', () => {
  it('should show a similar idea while the title is being typed, and only the brand’s own', async () => {
    const author = await t.signup('typer');
    await postIdea(author, 'Wireless charging case for the phone');
    await postIdea(rival, 'Wireless charging case', 'rivalbrand');
    const res = await t.anonymous.get(
      `/api/v1/orgs/ideabrand/ideas/similar?q=${encodeURIComponent('wireless charging')}`,
    );
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items;
    expect(items.map((i: { title: string }) => i.title)).toEqual(['Wireless charging case for the phone']);
    expect((await t.anonymous.get('/api/v1/orgs/ideabrand/ideas/similar?q=zz')).statusCode).toBe(400);
  });

  it('should keep votes within the budget and the per-idea limit, and return them when the idea is declined', async () => {
    const voter = await t.signup('budgeter');
    const ideas = await Promise.all(
      ['Budget one', 'Budget two', 'Budget three', 'Budget four'].map((x) => postIdea(owner, x)),
    );
    expect((await vote(voter, ideas[0].id, 4)).json().code).toBe('over_idea_limit');
    for (const i of ideas.slice(0, 3)) expect((await vote(voter, i.id, 3)).statusCode).toBe(200);
    const over = await vote(voter, ideas[3].id, 2);
    expect(over.statusCode).toBe(422);
    expect(over.json().code).toBe('over_budget');
    const ok = await vote(voter, ideas[3].id, 1);
    expect(ok.json()).toMatchObject({ ideaVotes: 1, yourVotes: 1, budget: { used: 10, left: 0 } });

    const noReason = await owner.post(`/api/v1/ideas/${ideas[0].id}/status`, { status: 'declined' });
    expect(noReason.json().code).toBe('reason_required');
    const declined = await owner.post(`/api/v1/ideas/${ideas[0].id}/status`, {
      status: 'declined',
      reason: 'Not for us',
    });
    expect(declined.statusCode, declined.body).toBe(204);
    const closed = await vote(voter, ideas[0].id, 1);
    expect(closed.statusCode).toBe(409);
    expect(closed.json().code).toBe('idea_closed');
    const budget = (await voter.get('/api/v1/orgs/ideabrand/ideas/budget')).json();
    expect(budget).toMatchObject({ used: 7, left: 3 });
    const page = await idea(ideas[0].id);
    expect(page.idea).toMatchObject({ status: 'declined', declinedReason: 'Not for us', votes: 3 });
    expect(page.timeline.map((e: { kind: string }) => e.kind)).toEqual(['posted', 'status']);
  });

  it('should count every one of many simultaneous votes on one idea, and never let one person pass the budget', async () => {
    const target = await postIdea(owner, 'Concurrency target');
    const voters = await Promise.all(Array.from({ length: 16 }, (_, i) => t.signup(`crowd${i}`)));
    const results = await Promise.all(voters.map((v) => vote(v, target.id, 2)));
    expect(results.map((r) => r.statusCode)).toEqual(voters.map(() => 200));
    expect((await idea(target.id)).idea.votes).toBe(32);

    // One person, twelve ideas, all at once: exactly the budget's worth succeed.
    const greedy = await t.signup('greedy');
    const many = await Promise.all(Array.from({ length: 12 }, (_, i) => postIdea(owner, `Greedy idea ${i}`)));
    const tries = await Promise.all(many.map((m) => vote(greedy, m.id, 1)));
    expect(tries.filter((r) => r.statusCode === 200)).toHaveLength(10);
    expect(tries.filter((r) => r.statusCode === 422)).toHaveLength(2);
    expect((await greedy.get('/api/v1/orgs/ideabrand/ideas/budget')).json().used).toBe(10);
    // The same vote twice at once counts once (beside greedy's vote there, if it was one of the ten that passed).
    const greedyThere = tries[0].statusCode === 200 ? 1 : 0;
    const twice = await Promise.all([vote(voters[0], many[0].id, 1), vote(voters[0], many[0].id, 1)]);
    expect(twice.map((r) => r.statusCode)).toEqual([200, 200]);
    expect((await idea(many[0].id)).idea.votes).toBe(greedyThere + 1);
  });

  it('should list by top, new and trending, and filter by status', async () => {
    const a = await postIdea(owner, 'Sort alpha');
    const b = await postIdea(owner, 'Sort beta');
    const fan = await t.signup('sortfan');
    await vote(fan, a.id, 3);
    const top = (await t.anonymous.get('/api/v1/orgs/ideabrand/ideas?sort=top&limit=100')).json().items;
    expect(top[0].votes).toBeGreaterThanOrEqual(top[1].votes);
    const fresh = (await t.anonymous.get('/api/v1/orgs/ideabrand/ideas?sort=new&limit=1')).json();
    expect(fresh.items[0].id).toBe(b.id);
    expect(fresh.nextCursor).not.toBeNull();
    const trending = (await t.anonymous.get('/api/v1/orgs/ideabrand/ideas?sort=trending&limit=100')).json()
      .items;
    const ids = trending.map((i: { id: string }) => i.id);
    expect(ids.indexOf(a.id)).toBeLessThan(ids.indexOf(b.id));
    const declined = (await t.anonymous.get('/api/v1/orgs/ideabrand/ideas?status=declined')).json().items;
    expect(declined.every((i: { status: string }) => i.status === 'declined')).toBe(true);
    expect(declined.length).toBeGreaterThan(0);
  });

  it('should merge a duplicate: one vote for a person who voted on both, comments and followers moved, a redirect', async () => {
    const keep = await postIdea(owner, 'Merge keep');
    const dup = await postIdea(owner, 'Merge duplicate');
    const both = await t.signup('mergeboth');
    const only = await t.signup('mergeonly');
    const follower = await t.signup('mergefollow');
    await vote(both, keep.id, 2);
    await vote(both, dup.id, 3);
    await vote(only, dup.id, 1);
    expect((await follower.request('PUT', `/api/v1/ideas/${dup.id}/follow`)).statusCode).toBe(204);
    expect((await only.post(`/api/v1/ideas/${dup.id}/comments`, { body: 'Same here' })).statusCode).toBe(201);

    expect((await owner.post(`/api/v1/ideas/${dup.id}/merge`, { intoId: dup.id })).json().code).toBe(
      'merge_into_self',
    );
    const other = await postIdea(rival, 'Rival idea', 'rivalbrand');
    expect((await owner.post(`/api/v1/ideas/${dup.id}/merge`, { intoId: other.id })).json().code).toBe(
      'merge_target_invalid',
    );
    expect((await rival.post(`/api/v1/ideas/${dup.id}/merge`, { intoId: keep.id })).statusCode).toBe(404);

    expect((await owner.post(`/api/v1/ideas/${dup.id}/merge`, { intoId: keep.id })).statusCode).toBe(204);
    const kept = await idea(keep.id, follower);
    expect(kept.idea.votes).toBe(3); // both: 2 kept, the duplicate's 3 returned; only: 1 moved
    expect(kept.following).toBe(true);
    expect((await t.anonymous.get(`/api/v1/ideas/${keep.id}/comments`)).json().items[0].body).toBe(
      'Same here',
    );
    expect((await both.get('/api/v1/orgs/ideabrand/ideas/budget')).json().used).toBe(2);
    expect((await idea(dup.id)).idea.mergedIntoId).toBe(keep.id);
    expect((await vote(only, dup.id, 1)).json().code).toBe('idea_closed');
  });

  it('should let only the brand answer officially, change statuses and score, and rank by scorecards', async () => {
    const i = await postIdea(owner, 'Scored idea');
    const stranger = await t.signup('stranger');
    expect(
      (await stranger.post(`/api/v1/ideas/${i.id}/comments`, { body: 'Hi', official: true })).statusCode,
    ).toBe(403);
    expect((await stranger.post(`/api/v1/ideas/${i.id}/status`, { status: 'planned' })).statusCode).toBe(404);
    expect(
      (await rival.request('PUT', `/api/v1/ideas/${i.id}/score`, { impact: 5, effort: 1 })).statusCode,
    ).toBe(404);
    const official = await owner.post(`/api/v1/ideas/${i.id}/comments`, {
      body: 'We are on it',
      official: true,
    });
    expect(official.json()).toMatchObject({ official: true, author: { handle: 'ideabrand' } });
    expect(
      (await owner.request('PUT', `/api/v1/ideas/${i.id}/score`, { impact: 5, effort: 1 })).statusCode,
    ).toBe(204);
    const ranking = (await owner.get('/api/v1/orgs/ideabrand/ideas/ranking')).json().items;
    expect(ranking[0]).toMatchObject({ id: i.id, impact: 5, effort: 1, scorecards: 1 });
    expect(
      (await owner.request('PUT', `/api/v1/ideas/${i.id}/owner`, { owner: 'stranger' })).json().code,
    ).toBe('owner_not_member');
    expect(
      (await owner.request('PUT', `/api/v1/ideas/${i.id}/owner`, { owner: 'ideaowner' })).statusCode,
    ).toBe(204);
    expect((await idea(i.id)).idea.owner.handle).toBe('ideaowner');
  });

  it('should ship an idea as a product, tell its voters where to buy, and count their orders as its return', async () => {
    const i = await postIdea(owner, 'A strap for my phone');
    const fan = await t.signup('strapfan');
    const bystander = await t.signup('bystander');
    await vote(fan, i.id, 2);
    const rivalProduct = await rival.post('/api/v1/orgs/rivalbrand/products', {
      title: 'Other',
      currency: 'EUR',
      priceMinor: 100,
      variants: [{ sku: 'OTHER-1', stock: 1 }],
    });
    const wrong = await owner.post(`/api/v1/ideas/${i.id}/ship`, { productIds: [rivalProduct.json().id] });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().code).toBe('product_not_in_brand');
    expect((await owner.post(`/api/v1/ideas/${i.id}/ship`, { productIds: [productId] })).statusCode).toBe(
      204,
    );
    expect((await fan.get('/api/v1/orgs/ideabrand/ideas/budget')).json().used).toBe(0);
    await t.drain();
    const notices = (await fan.get('/api/v1/notifications')).json().items;
    expect(notices).toContainEqual(
      expect.objectContaining({
        kind: 'idea_shipped',
        subjectId: i.id,
        detail: { title: 'A strap for my phone', productIds: productId },
      }),
    );
    const page = await idea(i.id);
    expect(page.idea.status).toBe('shipped');
    expect(page.products.map((p: { id: string }) => p.id)).toEqual([productId]);

    for (const buyer of [fan, fan, bystander]) {
      const res = await buyer.request(
        'POST',
        '/api/v1/orders',
        {
          shippingAddress: address,
          card: { number: '4242424242424242' },
          items: [{ variantId, quantity: 2 }],
        },
        { 'idempotency-key': randomUUID() },
      );
      expect(res.statusCode, res.body).toBe(201);
    }
    await t.drain();
    await t.drain();
    const report = (await owner.get('/api/v1/orgs/ideabrand/ideas/returns')).json().items;
    expect(report[0]).toMatchObject({ id: i.id, orders: 2, buyers: 1, revenueMinor: 6_000, currency: 'EUR' });
    expect((await fan.get('/api/v1/orgs/ideabrand/ideas/returns')).statusCode).toBe(403);
    expect((await vote(fan, i.id, 1)).json().code).toBe('idea_closed');
  });

  it('should turn a care conversation into an idea only once its author agrees, linked both ways', async () => {
    const customer = await t.signup('careidea');
    await customer.post('/api/v1/posts', {
      text: '@ideabrand it would be great if the strap came in leather',
    });
    await t.drain();
    const conv = (await owner.get('/api/v1/orgs/ideabrand/care/conversations')).json().items[0];
    const base = `/api/v1/orgs/ideabrand/care/conversations/${conv.id}`;
    const draft = { title: 'Leather strap', description: 'The strap in leather' };
    expect((await owner.post(`${base}/idea-request`, draft)).statusCode).toBe(201);
    expect((await owner.post(`${base}/idea-request`, draft)).json().code).toBe('idea_already_asked');
    const stranger = await t.signup('careideastranger');
    expect(
      (await stranger.post(`/api/v1/me/care/conversations/${conv.id}/idea-consent`, { accept: true }))
        .statusCode,
    ).toBe(404);
    const mine = (await customer.get('/api/v1/me/care/conversations')).json().items;
    expect(mine[0].ideaRequest).toEqual({ consent: 'requested', title: 'Leather strap', ideaId: null });
    expect(
      (await customer.post(`/api/v1/me/care/conversations/${conv.id}/idea-consent`, { accept: true }))
        .statusCode,
    ).toBe(204);
    await t.drain();
    await t.drain();
    const detail = (await owner.get(base)).json();
    const ideaId = detail.ideaRequest.ideaId;
    expect(detail.ideaRequest).toMatchObject({ consent: 'granted', title: 'Leather strap' });
    const page = await idea(ideaId, owner);
    expect(page.idea).toMatchObject({
      title: 'Leather strap',
      author: { handle: 'careidea' },
      careConversationId: conv.id,
    });
    expect((await idea(ideaId)).idea.careConversationId).toBeNull();
  });

  it('should keep a private challenge to the people invited (role, name, segment), with its own ideas and a deadline', async () => {
    const employee = await t.signup('ideaemployee');
    const inv = await owner.post('/api/v1/orgs/ideabrand/invitations', {
      handle: 'ideaemployee',
      role: 'employee',
    });
    expect(inv.statusCode, inv.body).toBe(201);
    await employee.post(`/api/v1/invitations/${inv.json().id}/accept`);
    const named = await t.signup('ideanamed');
    const outsider = await t.signup('ideaoutsider');
    const closesAt = new Date(Date.now() + 86_400_000).toISOString();
    const body = { title: 'Design our next accessory', description: 'For our cases.', closesAt };
    expect((await owner.post('/api/v1/orgs/ideabrand/challenges', body)).json().code).toBe('no_audience');
    expect(
      (await owner.post('/api/v1/orgs/ideabrand/challenges', { ...body, invitees: ['nobody_here'] })).json()
        .code,
    ).toBe('invitee_not_found');
    expect(
      (await owner.post('/api/v1/orgs/ideabrand/challenges', { ...body, segmentId: randomUUID() })).json()
        .code,
    ).toBe('challenge_segment_not_found');
    expect(
      (
        await owner.post('/api/v1/orgs/ideabrand/challenges', {
          ...body,
          roles: ['employee'],
          closesAt: '2020-01-01T00:00:00Z',
        })
      ).statusCode,
    ).toBe(422);
    expect(
      (await rival.post('/api/v1/orgs/ideabrand/challenges', { ...body, roles: ['employee'] })).statusCode,
    ).toBe(403);
    const created = await owner.post('/api/v1/orgs/ideabrand/challenges', {
      ...body,
      roles: ['employee'],
      invitees: ['ideanamed'],
    });
    expect(created.statusCode, created.body).toBe(201);
    const challengeId = created.json().id as string;

    const posted = await employee.post(`/api/v1/challenges/${challengeId}/ideas`, {
      title: 'A magnetic wallet that clips to the case',
      description: 'Cards on the back.',
    });
    expect(posted.statusCode, posted.body).toBe(201);
    const ideaId = posted.json().id as string;
    expect((await vote(named, ideaId, 2)).statusCode).toBe(200);
    expect(
      (await named.get('/api/v1/orgs/ideabrand/challenges')).json().items.map((c: { id: string }) => c.id),
    ).toEqual([challengeId]);
    const detail = (await named.get(`/api/v1/challenges/${challengeId}`)).json();
    expect(detail.ideas.map((i: { title: string; votes: number }) => [i.title, i.votes])).toEqual([
      ['A magnetic wallet that clips to the case', 2],
    ]);
    expect(detail.challenge.audience).toBeNull();
    expect(
      (await owner.get(`/api/v1/challenges/${challengeId}`)).json().challenge.audience.invitees[0].handle,
    ).toBe('ideanamed');

    // Not invited, signed out or another brand: the challenge and its ideas do not exist for them.
    for (const who of [outsider, rival]) {
      expect((await who.get(`/api/v1/challenges/${challengeId}`)).statusCode).toBe(404);
      expect((await who.get(`/api/v1/ideas/${ideaId}`)).statusCode).toBe(404);
      expect((await vote(who, ideaId, 1)).statusCode).toBe(404);
      expect(
        (
          await who.post(`/api/v1/challenges/${challengeId}/ideas`, {
            title: 'Sneaky idea',
            description: 'x',
          })
        ).statusCode,
      ).toBe(404);
      expect((await who.get('/api/v1/orgs/ideabrand/challenges')).json().items).toEqual([]);
    }
    expect((await t.anonymous.get(`/api/v1/ideas/${ideaId}`)).statusCode).toBe(404);
    const portal = (await t.anonymous.get('/api/v1/orgs/ideabrand/ideas?sort=new&limit=100')).json().items;
    expect(portal.map((i: { id: string }) => i.id)).not.toContain(ideaId);

    // A segment of the brand's advocates invites whoever is in it (an empty one, here: nobody).
    const segment = await owner.post('/api/v1/orgs/ideabrand/advocates/segments', {
      name: 'Top advocates',
      topN: 10,
    });
    expect(segment.statusCode, segment.body).toBe(201);
    const bySegment = await owner.post('/api/v1/orgs/ideabrand/challenges', {
      ...body,
      segmentId: segment.json().id,
    });
    expect(bySegment.statusCode, bySegment.body).toBe(201);
    expect((await outsider.get(`/api/v1/challenges/${bySegment.json().id}`)).statusCode).toBe(404);

    // After the deadline: no new ideas or votes, the ideas stay readable.
    await sql`UPDATE idea_challenges SET closes_at = now() - interval '1 minute' WHERE id = ${challengeId}`.execute(
      t.handle.db,
    );
    const late = await named.post(`/api/v1/challenges/${challengeId}/ideas`, {
      title: 'Too late',
      description: 'x',
    });
    expect([late.statusCode, late.json().code]).toEqual([422, 'challenge_closed']);
    const lateVote = await vote(employee, ideaId, 1);
    expect([lateVote.statusCode, lateVote.json().code]).toEqual([422, 'challenge_closed']);
    expect((await idea(ideaId, named)).idea.votes).toBe(2);
    expect((await named.get(`/api/v1/challenges/${challengeId}`)).json().challenge.open).toBe(false);
  });

  it('should hide an idea and a comment after the brand’s number of distinct reports, until the brand restores them', async () => {
    const spammer = await t.signup('ideaspammer');
    const spam = await postIdea(spammer, 'Cheap watches at my site');
    const comment = await spammer.post(`/api/v1/ideas/${spam.id}/comments`, { body: 'Buy now at my site' });
    expect(comment.statusCode, comment.body).toBe(201);
    const reporters = await Promise.all([1, 2, 3].map((i) => t.signup(`ideareporter${i}`)));
    expect((await spammer.post(`/api/v1/ideas/${spam.id}/reports`, { reason: 'mine' })).json().code).toBe(
      'own_content',
    );
    const first = await reporters[0].post(`/api/v1/ideas/${spam.id}/reports`, { reason: 'spam' });
    expect(first.json()).toEqual({ reports: 1, hidden: false });
    const again = await reporters[0].post(`/api/v1/ideas/${spam.id}/reports`, { reason: 'spam' });
    expect([again.statusCode, again.json().code]).toEqual([409, 'already_reported']);
    const rest = await Promise.all(
      reporters.slice(1).map((r) => r.post(`/api/v1/ideas/${spam.id}/reports`, { reason: 'spam' })),
    );
    expect(rest.map((r) => r.statusCode)).toEqual([201, 201]);
    expect(Math.max(...rest.map((r) => r.json().reports))).toBe(3);
    expect((await t.anonymous.get(`/api/v1/ideas/${spam.id}`)).statusCode).toBe(404);
    expect((await idea(spam.id, spammer)).idea.hidden).toBe(true);
    const listed = (await t.anonymous.get('/api/v1/orgs/ideabrand/ideas?sort=new&limit=100')).json().items;
    expect(listed.map((i: { id: string }) => i.id)).not.toContain(spam.id);
    expect((await reporters[0].post(`/api/v1/ideas/${spam.id}/restore`)).statusCode).toBe(404);
    expect(
      (await owner.get('/api/v1/orgs/ideabrand/ideas/hidden')).json().ideas.map((i: { id: string }) => i.id),
    ).toEqual([spam.id]);
    expect((await owner.post(`/api/v1/ideas/${spam.id}/restore`)).statusCode).toBe(204);
    expect((await idea(spam.id)).idea.hidden).toBe(false);
    expect((await owner.post(`/api/v1/ideas/${spam.id}/restore`)).json().code).toBe('not_hidden');

    // The brand hides comments after one report instead.
    const settings = await owner.request('PUT', '/api/v1/orgs/ideabrand/ideas/settings', {
      votesPerPerson: 10,
      votesPerIdea: 3,
      hideAfterReports: 1,
    });
    expect(settings.statusCode, settings.body).toBe(200);
    const commentId = comment.json().id as string;
    expect(
      (await reporters[1].post(`/api/v1/idea-comments/${commentId}/reports`, { reason: 'ad' })).json(),
    ).toEqual({
      reports: 1,
      hidden: true,
    });
    const seen = (await t.anonymous.get(`/api/v1/ideas/${spam.id}/comments`)).json().items;
    expect(seen.map((c: { id: string }) => c.id)).not.toContain(commentId);
    expect((await owner.post(`/api/v1/idea-comments/${commentId}/restore`)).statusCode).toBe(204);
    expect(
      (await t.anonymous.get(`/api/v1/ideas/${spam.id}/comments`))
        .json()
        .items.map((c: { id: string }) => c.id),
    ).toContain(commentId);
    expect(
      (await reporters[2].post(`/api/v1/idea-comments/${randomUUID()}/reports`, { reason: 'x' })).statusCode,
    ).toBe(404);
  });

  it('should list hidden items with the reporters’ reasons for the brand, which keeps them hidden or deletes a comment', async () => {
    const spammer = await t.signup('ideaspammer2');
    const fan = await t.signup('ideamodfan');
    const reporter = await t.signup('ideamodreporter');
    const settings = await owner.request('PUT', '/api/v1/orgs/ideabrand/ideas/settings', {
      votesPerPerson: 10,
      votesPerIdea: 3,
      hideAfterReports: 1,
    });
    expect(settings.statusCode, settings.body).toBe(200);
    const spam = await postIdea(spammer, 'Followers for sale, cheap');
    expect((await vote(fan, spam.id, 2)).statusCode).toBe(200);
    const comment = await spammer.post(`/api/v1/ideas/${spam.id}/comments`, { body: 'DM me for followers' });
    const other = await postIdea(fan, 'Magnetic strap clasp');
    const rude = await spammer.post(`/api/v1/ideas/${other.id}/comments`, { body: 'What a stupid idea' });
    for (const [url, reason] of [
      [`/api/v1/idea-comments/${comment.json().id}/reports`, 'Spam link'],
      [`/api/v1/idea-comments/${rude.json().id}/reports`, 'Insulting'],
      [`/api/v1/ideas/${spam.id}/reports`, 'Selling followers'],
    ]) {
      const res = await reporter.post(url, { reason });
      expect(res.json().hidden, res.body).toBe(true);
    }

    const hidden = (await owner.get('/api/v1/orgs/ideabrand/ideas/hidden')).json();
    expect(hidden.ideas).toEqual([
      expect.objectContaining({
        id: spam.id,
        title: 'Followers for sale, cheap',
        author: expect.objectContaining({ handle: 'ideaspammer2' }),
        reports: 1,
        reasons: [{ reason: 'Selling followers', at: expect.any(String) }],
        keptHiddenAt: null,
      }),
    ]);
    expect(hidden.comments.map((c: { body: string }) => c.body)).toEqual([
      'What a stupid idea',
      'DM me for followers',
    ]);
    expect(hidden.comments[0]).toMatchObject({ ideaId: other.id, ideaTitle: 'Magnetic strap clasp' });
    expect(hidden.comments[0].reasons.map((r: { reason: string }) => r.reason)).toEqual(['Insulting']);
    expect((await fan.get('/api/v1/orgs/ideabrand/ideas/hidden')).statusCode).toBe(403);

    // Keeping the idea hidden closes it and gives the fan's two votes back.
    expect((await fan.get('/api/v1/orgs/ideabrand/ideas/budget')).json().used).toBe(2);
    expect((await fan.post(`/api/v1/ideas/${spam.id}/keep-hidden`)).statusCode).toBe(404);
    expect((await owner.post(`/api/v1/ideas/${spam.id}/keep-hidden`)).statusCode).toBe(204);
    expect((await fan.get('/api/v1/orgs/ideabrand/ideas/budget')).json().used).toBe(0);
    const again = await owner.post(`/api/v1/ideas/${spam.id}/keep-hidden`);
    expect([again.statusCode, again.json().code]).toEqual([409, 'already_kept_hidden']);
    expect((await owner.post(`/api/v1/ideas/${spam.id}/restore`)).json().code).toBe('already_kept_hidden');
    expect((await vote(spammer, spam.id, 1)).json().code).toBe('idea_closed');
    expect((await owner.post(`/api/v1/ideas/${other.id}/keep-hidden`)).json().code).toBe('not_hidden');

    // Deleting the rude comment removes it and its count; the kept one stays listed as decided.
    const before = (await idea(other.id)).idea.comments;
    expect((await fan.request('DELETE', `/api/v1/idea-comments/${rude.json().id}`)).statusCode).toBe(404);
    expect((await owner.request('DELETE', `/api/v1/idea-comments/${rude.json().id}`)).statusCode).toBe(204);
    expect((await idea(other.id)).idea.comments).toBe(before - 1);
    expect((await owner.request('DELETE', `/api/v1/idea-comments/${rude.json().id}`)).statusCode).toBe(404);
    expect((await owner.post(`/api/v1/idea-comments/${comment.json().id}/keep-hidden`)).statusCode).toBe(204);
    const after = (await owner.get('/api/v1/orgs/ideabrand/ideas/hidden')).json();
    expect(after.comments.map((c: { body: string }) => c.body)).toEqual(['DM me for followers']);
    expect(after.comments[0].keptHiddenAt).toEqual(expect.any(String));
    expect(after.ideas[0].keptHiddenAt).toEqual(expect.any(String));
    expect((await owner.request('DELETE', `/api/v1/idea-comments/${comment.json().id}`)).json().code).toBe(
      'already_kept_hidden',
    );
  });
});

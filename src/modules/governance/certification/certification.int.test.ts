import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestClient, type TestContext } from '../../../../test/support/test-app.ts';

let t: TestContext;
let owner: TestClient;
let marketer: TestClient;
let employee: TestClient;
let outsider: TestClient;
const base = '/api/v1/orgs/cebrand/certification';

type Question = { id: string; prompt: string; choices: string[]; answer?: number };

async function join(client: TestClient, handle: string, role: string) {
  const inv = await owner.post('/api/v1/orgs/cebrand/invitations', { handle, role });
  await client.post(`/api/v1/invitations/${inv.json().id}/accept`);
}
/** The right answers, read as an editor sees the course. */
async function rightAnswers() {
  const questions = (await owner.get(`${base}/course`)).json().questions as Question[];
  return questions.map((q) => ({ questionId: q.id, choice: q.answer! }));
}

beforeAll(async () => {
  t = await createTestApp();
  owner = await t.signup('ce_owner');
  marketer = await t.signup('ce_marketer');
  employee = await t.signup('ce_employee');
  outsider = await t.signup('ce_outsider');
  await t.brand(owner, 'cebrand');
  await t.brand(outsider, 'ceother');
  await join(marketer, 'ce_marketer', 'marketer');
  await join(employee, 'ce_employee', 'employee');
  const set = await owner.request('PUT', `${base}/settings`, {
    required: true,
    validityDays: 30,
    passPercent: 80,
  });
  expect(set.statusCode).toBe(200);
});
afterAll(() => t.close());

describe('certification on the brand’s policy', () => {
  it('should stop an uncertified member from posting as the brand, with the course’s link', async () => {
    const res = await marketer.post('/api/v1/posts', { text: 'Hello from the team', as: 'cebrand' });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({
      code: 'certification_required',
      courseUrl: '/orgs/cebrand/certification',
    });
    expect((await marketer.get(`${base}/me`)).json()).toMatchObject({
      required: true,
      certified: false,
      certificate: null,
    });
    // Their own posts are theirs: no certificate needed.
    expect((await marketer.post('/api/v1/posts', { text: 'My weekend hike' })).statusCode).toBe(201);
  });

  it('should teach the policy’s rules and hide the answers from those who take the quiz', async () => {
    const course = (await employee.get(`${base}/course`)).json();
    expect(course.custom).toBe(false);
    expect(course.lessons.map((l: { title: string }) => l.title)).toContain('Personal data stays private');
    expect(course.lessons.some((l: { body: string }) => l.body.includes('phone number'))).toBe(true);
    expect(course.questions.length).toBeGreaterThan(3);
    expect(course.questions.every((q: Question) => q.answer === undefined)).toBe(true);
  });

  it('should refuse an answer to another brand’s question, and fail a poor score', async () => {
    const foreign = await marketer.post(`${base}/attempts`, {
      answers: [{ questionId: 'not-ours', choice: 0 }],
    });
    expect([foreign.statusCode, foreign.json().code]).toEqual([422, 'unknown_question']);
    const other = await marketer.post('/api/v1/orgs/ceother/certification/attempts', {
      answers: await rightAnswers(),
    });
    expect(other.statusCode).toBe(403);
    const wrong = (await rightAnswers()).map((a) => ({ ...a, choice: (a.choice + 1) % 3 }));
    const failed = (await marketer.post(`${base}/attempts`, { answers: wrong })).json();
    expect(failed).toMatchObject({ passed: false, certificate: null });
    expect(failed.wrong.length).toBeGreaterThan(0);
    expect((await marketer.get(`${base}/me`)).json().certified).toBe(false);
  });

  it('should certify a pass, then let the member post as the brand, verifiable by a public link', async () => {
    const passed = (await marketer.post(`${base}/attempts`, { answers: await rightAnswers() })).json();
    expect(passed).toMatchObject({ passed: true, scorePercent: 100, certificate: { valid: true } });
    const days = (Date.parse(passed.certificate.expiresAt) - Date.now()) / 86400_000;
    expect(days).toBeGreaterThan(29.9);
    expect(days).toBeLessThanOrEqual(30);
    const post = await marketer.post('/api/v1/posts', { text: 'Hello from the team', as: 'cebrand' });
    expect(post.statusCode).toBe(201);

    const verified = await t.anonymous.get(`/api/v1/certificates/${passed.certificate.id}`);
    expect(verified.statusCode).toBe(200);
    expect(verified.json()).toEqual({
      id: passed.certificate.id,
      holder: { handle: 'ce_marketer', name: expect.any(String) },
      brand: { handle: 'cebrand', name: expect.any(String) },
      issuedAt: passed.certificate.issuedAt,
      expiresAt: passed.certificate.expiresAt,
      valid: true,
    });
    const missing = await t.anonymous.get('/api/v1/certificates/00000000-0000-4000-8000-000000000000');
    expect([missing.statusCode, missing.json().code]).toEqual([404, 'certificate_not_found']);
  });

  it('should stop a member whose certificate expired', async () => {
    await sql`UPDATE governance_certificates SET expires_at = now() - interval '1 day'`.execute(t.handle.db);
    const res = await marketer.post('/api/v1/posts', { text: 'Back again', as: 'cebrand' });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: 'certification_required', expiredAt: expect.any(String) });
    const mine = (await marketer.get(`${base}/me`)).json();
    expect(mine).toMatchObject({ certified: false, certificate: { valid: false } });
    const id = mine.certificate.id;
    expect((await t.anonymous.get(`/api/v1/certificates/${id}`)).json().valid).toBe(false);
  });

  it('should let the brand edit its course, and refuse a question whose answer is not a choice', async () => {
    const course = {
      lessons: [{ title: 'Be kind', body: 'We answer every customer kindly.' }],
      questions: [{ id: 'kind', prompt: 'How do we answer?', choices: ['Kindly', 'Rudely'], answer: 0 }],
    };
    expect((await employee.request('PUT', `${base}/course`, course)).statusCode).toBe(403);
    const bad = await owner.request('PUT', `${base}/course`, {
      ...course,
      questions: [{ ...course.questions[0], answer: 3 }],
    });
    expect([bad.statusCode, bad.json().code]).toEqual([422, 'invalid_course']);
    const saved = await owner.request('PUT', `${base}/course`, course);
    expect(saved.json()).toMatchObject({ custom: true, lessons: course.lessons });
    const res = await employee.post(`${base}/attempts`, { answers: [{ questionId: 'kind', choice: 0 }] });
    expect(res.json()).toMatchObject({ passed: true, scorePercent: 100 });
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestClient, type TestContext } from '../../../test/support/test-app.ts';

let t: TestContext;
let owner: TestClient;
let employee: TestClient;
let outsider: TestClient;

beforeAll(async () => {
  t = await createTestApp();
  owner = await t.signup('gv_owner');
  employee = await t.signup('gv_employee');
  outsider = await t.signup('gv_outsider');
  await t.brand(owner, 'gvbrand');
  await t.brand(outsider, 'gvother');
  const inv = await owner.post('/api/v1/orgs/gvbrand/invitations', {
    handle: 'gv_employee',
    role: 'employee',
  });
  await employee.post(`/api/v1/invitations/${inv.json().id}/accept`);
});
afterAll(() => t.close());

describe('the brand policy', () => {
  it('should start from the default rules on first read', async () => {
    const res = await owner.get('/api/v1/orgs/gvbrand/policy/rules');
    expect(res.statusCode).toBe(200);
    expect(res.json().items.map((r: { id: string }) => r.id)).toContain('pii-phone');
  });

  it('should lint a draft with the phone number’s span for the composer', async () => {
    const text = 'Sure, call the customer at 415-555-0132 today';
    const res = await owner.post('/api/v1/orgs/gvbrand/policy/lint', { text, channel: 'brand_post' });
    expect(res.statusCode).toBe(200);
    const [finding] = res.json().findings;
    expect(res.json().blocked).toBe(true);
    expect(finding).toMatchObject({ ruleId: 'pii-phone', severity: 'block', excerpt: '415-555-0132' });
    expect(text.slice(finding.span.start, finding.span.end)).toBe('415-555-0132');
  });

  it('should refuse a rule whose pattern RE2 cannot run, naming the field', async () => {
    const res = await owner.post('/api/v1/orgs/gvbrand/policy/rules', {
      kind: 'banned_pattern',
      severity: 'block',
      message: 'no',
      pattern: '(a+)\\1',
    });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'invalid_policy_rule', errors: [{ field: 'pattern' }] });
  });

  it('should let the owner add, edit and remove a rule, and not a plain employee', async () => {
    const rule = { kind: 'banned_phrase', severity: 'warn', message: 'Say affordable', phrases: ['cheap'] };
    expect((await employee.post('/api/v1/orgs/gvbrand/policy/rules', rule)).statusCode).toBe(403);
    const added = await owner.post('/api/v1/orgs/gvbrand/policy/rules', {
      ...rule,
      replacement: 'affordable',
    });
    expect(added.statusCode).toBe(201);
    const id = added.json().id;
    const lint = await owner.post('/api/v1/orgs/gvbrand/policy/lint', {
      text: 'Cheap tees',
      channel: 'deal',
    });
    expect(lint.json().findings[0]).toMatchObject({ ruleId: id, fix: { replacement: 'affordable' } });
    const edited = await owner.request('PUT', `/api/v1/orgs/gvbrand/policy/rules/${id}`, {
      ...rule,
      phrases: ['bargain'],
    });
    expect(edited.statusCode).toBe(200);
    expect(
      (await owner.post('/api/v1/orgs/gvbrand/policy/lint', { text: 'Cheap tees', channel: 'deal' })).json()
        .findings,
    ).toEqual([]);
    expect((await owner.del(`/api/v1/orgs/gvbrand/policy/rules/${id}`)).statusCode).toBe(204);
    expect((await owner.del(`/api/v1/orgs/gvbrand/policy/rules/${id}`)).statusCode).toBe(404);
  });

  it('should keep another brand’s policy out of reach', async () => {
    expect((await outsider.get('/api/v1/orgs/gvbrand/policy/rules')).statusCode).toBe(403);
    expect(
      (await outsider.post('/api/v1/orgs/gvbrand/policy/lint', { text: 'x', channel: 'brand_post' }))
        .statusCode,
    ).toBe(403);
    expect((await outsider.get('/api/v1/orgs/gvbrand/policy/audit')).statusCode).toBe(403);
  });
});

describe('enforcement on submit', () => {
  it('should block a brand post with a phone number with 422 policy_blocked and record it', async () => {
    const res = await owner.post('/api/v1/posts', { text: 'Call Jane on 415-555-0132', as: 'gvbrand' });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'policy_blocked', findings: [{ ruleId: 'pii-phone' }] });
    const audit = (await owner.get('/api/v1/orgs/gvbrand/policy/audit')).json().items;
    expect(audit[0]).toMatchObject({ action: 'blocked', channel: 'brand_post', ruleIds: ['pii-phone'] });
  });

  it('should hold a warning until the writer gives a reason, then post and record the override', async () => {
    const text = 'WE ARE SO EXCITED for the launch';
    const held = await owner.post('/api/v1/posts', { text, as: 'gvbrand' });
    expect(held.statusCode).toBe(422);
    expect(held.json()).toMatchObject({ code: 'policy_warning', findings: [{ ruleId: 'tone-shouting' }] });
    const posted = await owner.post('/api/v1/posts', {
      text,
      as: 'gvbrand',
      policyOverride: 'Launch day hype',
    });
    expect(posted.statusCode).toBe(201);
    const audit = (await owner.get('/api/v1/orgs/gvbrand/policy/audit')).json().items;
    expect(audit[0]).toMatchObject({
      action: 'overridden',
      reason: 'Launch day hype',
      ruleIds: ['tone-shouting'],
    });
    const csv = await owner.get('/api/v1/orgs/gvbrand/policy/audit.csv');
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body).toContain('overridden,brand_post');
    expect(csv.body).toContain('Launch day hype');
    const blockedOnly = (await owner.get('/api/v1/orgs/gvbrand/policy/audit?action=blocked')).json().items;
    expect(blockedOnly.length).toBeGreaterThan(0);
    expect(blockedOnly.every((e: { action: string }) => e.action === 'blocked')).toBe(true);
    const filteredCsv = await owner.get('/api/v1/orgs/gvbrand/policy/audit.csv?action=blocked');
    expect(filteredCsv.body).not.toContain('Launch day hype');
    expect((await owner.get('/api/v1/orgs/gvbrand/policy/audit?channel=nowhere')).statusCode).toBe(400);
  });

  it('should require an employee to disclose when their own post names the brand', async () => {
    const bare = await employee.post('/api/v1/posts', { text: 'Loving the new @gvbrand jacket' });
    expect(bare.statusCode).toBe(422);
    expect(bare.json()).toMatchObject({ code: 'policy_blocked', findings: [{ ruleId: 'disclosure' }] });
    const disclosed = await employee.post('/api/v1/posts', {
      text: 'Loving the new @gvbrand jacket #employee',
    });
    expect(disclosed.statusCode).toBe(201);
    expect((await employee.post('/api/v1/posts', { text: 'Lovely weather today' })).statusCode).toBe(201);
  });
});

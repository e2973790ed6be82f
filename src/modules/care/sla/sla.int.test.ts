import { DateTime } from 'luxon';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestApp, type TestClient, type TestContext } from '../../../../test/support/test-app.ts';

let t: TestContext;
let owner: TestClient;
let agent: TestClient;
let customer: TestClient;
let rivalOwner: TestClient;

const HOURS = '/api/v1/orgs/northwind/care/settings/business-hours';
const POLICIES = '/api/v1/orgs/northwind/care/settings/sla-policies';
const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri'].map((day) => ({ day, start: '09:00', end: '17:00' }));
const everyPriority = (minutes: [number, number, number]) =>
  ['urgent', 'high', 'normal', 'low'].map((priority) => ({
    queueId: null,
    priority,
    firstResponseMinutes: minutes[0],
    nextResponseMinutes: minutes[1],
    resolutionMinutes: minutes[2],
  }));

type Sla = {
  target: string | null;
  dueAt: string | null;
  breached: boolean;
  breaches: number;
  lastBreach: { target: string; at: string } | null;
};
async function conversations(client: TestClient) {
  const res = await client.get('/api/v1/orgs/northwind/care/conversations');
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items as { id: string; queue: { id: string; name: string }; sla: Sla }[];
}

beforeAll(async () => {
  t = await createTestApp();
  owner = await t.signup('nw_owner');
  agent = await t.signup('nw_agent');
  customer = await t.signup('nw_customer');
  rivalOwner = await t.signup('sg_owner');
  await t.brand(owner, 'northwind');
  await t.brand(rivalOwner, 'southgate');
  const inv = await owner.post('/api/v1/orgs/northwind/invitations', { handle: 'nw_agent', role: 'agent' });
  await agent.post(`/api/v1/invitations/${inv.json().id}/accept`);
});
afterAll(() => t.close());
afterEach(() => vi.useRealTimers());

describe('SLA policies and business hours', () => {
  it('should start every brand round the clock with the default targets for its default queues', async () => {
    expect((await owner.get(HOURS)).json()).toMatchObject({ timezone: 'UTC', holidays: [] });
    const policies = (await owner.get(POLICIES)).json();
    const service = policies.queues.find((q: { name: string }) => q.name === 'Service');
    expect(policies.items).toContainEqual({
      queueId: service.id,
      priority: 'urgent',
      firstResponseMinutes: 30,
      nextResponseMinutes: 30,
      resolutionMinutes: 240,
    });
    expect(policies.items).toContainEqual({
      queueId: null,
      priority: 'low',
      firstResponseMinutes: 1440,
      nextResponseMinutes: 1440,
      resolutionMinutes: 4320,
    });
  });

  it('should answer bad settings with a 400 naming the field', async () => {
    const zone = await owner.request('PUT', HOURS, {
      timezone: 'Mars/Olympus',
      periods: weekdays,
      holidays: [],
    });
    expect(zone.statusCode).toBe(400);
    expect(zone.json()).toMatchObject({ code: 'unknown_timezone', errors: [{ field: 'timezone' }] });

    const backwards = await owner.request('PUT', HOURS, {
      timezone: 'Europe/Paris',
      periods: [{ day: 'mon', start: '17:00', end: '09:00' }],
      holidays: [],
    });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json()).toMatchObject({
      code: 'invalid_business_hours',
      errors: [{ field: 'periods[0].end' }],
    });

    const negative = await owner.request('PUT', POLICIES, { policies: everyPriority([-5, 60, 600]) });
    expect(negative.statusCode).toBe(400);
    expect(negative.json().errors[0].field).toBe('policies[0].firstResponseMinutes');

    const foreignQueue = (await rivalOwner.get('/api/v1/orgs/southgate/care/settings/sla-policies')).json()
      .queues[0].id;
    const wrongQueue = await owner.request('PUT', POLICIES, {
      policies: [{ ...everyPriority([60, 60, 600])[0], queueId: foreignQueue }],
    });
    expect(wrongQueue.statusCode).toBe(400);
    expect(wrongQueue.json()).toMatchObject({
      code: 'invalid_sla_policies',
      errors: [{ field: 'policies[0].queueId' }],
    });
  });

  it('should let agents read but only owners and admins edit, and keep each brand to its own policies', async () => {
    const before = await agent.get(POLICIES);
    expect(before.statusCode).toBe(200);
    const policiesByAgent = await agent.request('PUT', POLICIES, { policies: everyPriority([60, 60, 600]) });
    expect(policiesByAgent.statusCode).toBe(403);
    expect(policiesByAgent.json().code).toBe('role_not_allowed');
    const hoursByAgent = await agent.request('PUT', HOURS, {
      timezone: 'UTC',
      periods: weekdays,
      holidays: [],
    });
    expect(hoursByAgent.statusCode).toBe(403);
    expect(hoursByAgent.json().code).toBe('role_not_allowed');
    // Nothing was written: the policies and hours are what they were.
    expect((await owner.get(POLICIES)).json()).toEqual(before.json());
    expect((await owner.get(HOURS)).json().periods).not.toEqual(weekdays);
    expect((await rivalOwner.get(POLICIES)).statusCode).toBe(403);
    expect((await rivalOwner.get(HOURS)).statusCode).toBe(403);
    const ours = new Set((await owner.get(POLICIES)).json().queues.map((q: { id: string }) => q.id));
    const theirs = (await rivalOwner.get('/api/v1/orgs/southgate/care/settings/sla-policies')).json();
    expect(theirs.items.some((p: { queueId: string | null }) => p.queueId && ours.has(p.queueId))).toBe(
      false,
    );
  });

  it('should make a Friday evening message to a Monday–Friday brand due on Monday, flag the breach and count it in the report', async () => {
    expect(
      (
        await owner.request('PUT', HOURS, {
          timezone: 'Europe/Paris',
          periods: weekdays,
          holidays: [],
        })
      ).statusCode,
    ).toBe(200);
    const saved = await owner.request('PUT', POLICIES, { policies: everyPriority([60, 120, 100_000]) });
    expect(saved.statusCode, saved.body).toBe(200);

    // A Friday at 18:00 in Paris, one to two weeks ago: the next Monday's deadline has passed by now.
    const now = DateTime.now().setZone('Europe/Paris');
    const friday = now
      .minus({ days: 7 + ((now.weekday - 5 + 7) % 7) })
      .set({ hour: 18, minute: 0, second: 0, millisecond: 0 });
    vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true });
    vi.setSystemTime(friday.toJSDate());
    await customer.post('/api/v1/posts', { text: '@northwind do you deliver to Lyon?' });
    await t.drain();
    vi.useRealTimers();

    const [conversation] = await conversations(agent);
    const monday = friday.plus({ days: 3 }).set({ hour: 10, minute: 0 }); // opens 09:00, + 60 business minutes
    expect(conversation.sla).toMatchObject({
      target: 'first_response',
      dueAt: monday.toUTC().toISO(),
      breached: true,
      breaches: 1,
      lastBreach: { target: 'first_response', at: monday.toUTC().toISO() },
    });

    const byQueue = (await agent.get('/api/v1/orgs/northwind/care/reports?by=queue')).json();
    expect(byQueue.items.find((r: { groupId: string }) => r.groupId === conversation.queue.id)).toMatchObject(
      {
        conversations: 1,
        breaches: 1,
      },
    );
    expect(byQueue.measures.firstResponseBusinessMinutes).toMatch(/business hours/);

    // The late answer stops the clock: the breach stays counted, and the customer's next message starts a new one.
    const reply = await agent.post(`/api/v1/orgs/northwind/care/conversations/${conversation.id}/replies`, {
      text: 'Yes, we deliver to Lyon!',
      mode: 'public',
    });
    expect(reply.statusCode).toBe(201);
    await t.drain();
    const answered = (await agent.get(`/api/v1/orgs/northwind/care/conversations/${conversation.id}`)).json();
    expect(answered.sla).toMatchObject({ target: 'resolution', breaches: 1 });
    expect(answered.sla.lastBreach.target).toBe('first_response');

    const byWeek = (await agent.get('/api/v1/orgs/northwind/care/reports?by=week')).json().items;
    expect(byWeek).toHaveLength(1);
    expect(byWeek[0].breaches).toBe(1);
    // Friday evening and the weekend are outside business hours: the business-time figure is far smaller.
    expect(byWeek[0].firstResponseBusinessMinutes.median).toBeLessThan(
      byWeek[0].firstResponseMinutes.median - 60 * 60,
    );

    await customer.post('/api/v1/posts', { text: '@northwind great, and to Nantes?' });
    await t.drain();
    const waiting = (await conversations(agent)).find((c) => c.id === conversation.id)!;
    expect(waiting.sla).toMatchObject({ target: 'next_response', breached: false, breaches: 1 });
    expect(Date.parse(waiting.sla.dueAt!)).toBeGreaterThan(Date.now());
  });

  it('should recompute running clocks when an admin changes the policies', async () => {
    const [before] = await conversations(agent);
    const detailBefore = (await agent.get(`/api/v1/orgs/northwind/care/conversations/${before.id}`)).json();
    await owner.request('PUT', POLICIES, { policies: everyPriority([60, 240, 100_000]) });
    const detailAfter = (await agent.get(`/api/v1/orgs/northwind/care/conversations/${before.id}`)).json();
    expect(
      Date.parse(detailAfter.sla.responseDueAt) - Date.parse(detailBefore.sla.responseDueAt),
    ).toBeGreaterThan(0);
  });
});

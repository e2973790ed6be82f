import { sql, type Updateable } from 'kysely';
import type { Executor } from '../../../platform/db/database.ts';
import { newId } from '../../../platform/ids.ts';
import type { Priority } from '../care.tables.ts';
import type { BusinessHours } from './business-time.clock.ts';
import { DEFAULT_TARGETS, type SlaPolicyRow } from './sla.clock.ts';
import type { ConversationSlaColumns } from './sla.tables.ts';

export async function hoursOf(db: Executor, orgId: string): Promise<BusinessHours | null> {
  const row = await db
    .selectFrom('care_business_hours')
    .select(['timezone', 'periods', 'holidays'])
    .where('org_id', '=', orgId)
    .executeTakeFirst();
  return row ? { timezone: row.timezone, periods: row.periods, holidays: row.holidays } : null;
}

export async function saveHours(db: Executor, orgId: string, hours: BusinessHours) {
  const values = {
    timezone: hours.timezone,
    periods: JSON.stringify(hours.periods),
    holidays: hours.holidays,
    updated_at: new Date(),
  };
  await db
    .insertInto('care_business_hours')
    .values({ org_id: orgId, ...values })
    .onConflict((oc) => oc.column('org_id').doUpdateSet(values))
    .execute();
}

export async function policiesOf(db: Executor, orgId: string): Promise<SlaPolicyRow[]> {
  const rows = await db
    .selectFrom('care_sla_policies')
    .select(['queue_id', 'priority', 'first_response_minutes', 'next_response_minutes', 'resolution_minutes'])
    .where('org_id', '=', orgId)
    .execute();
  return rows.map((r) => ({
    queueId: r.queue_id,
    priority: r.priority,
    firstResponseMinutes: r.first_response_minutes,
    nextResponseMinutes: r.next_response_minutes,
    resolutionMinutes: r.resolution_minutes,
  }));
}

/** A brand's whole policy table at once: what an admin saves replaces what was there. */
export async function replacePolicies(trx: Executor, orgId: string, policies: SlaPolicyRow[]) {
  await trx.deleteFrom('care_sla_policies').where('org_id', '=', orgId).execute();
  if (policies.length === 0) return;
  await trx
    .insertInto('care_sla_policies')
    .values(
      policies.map((p) => ({
        id: newId(),
        org_id: orgId,
        queue_id: p.queueId,
        priority: p.priority,
        first_response_minutes: p.firstResponseMinutes,
        next_response_minutes: p.nextResponseMinutes,
        resolution_minutes: p.resolutionMinutes,
      })),
    )
    .execute();
}

/** The default targets for the brand as a whole and for each of the given (new) queues; existing rows stay. */
export async function seedDefaultPolicies(trx: Executor, orgId: string, queueIds: string[]) {
  const rows = [null, ...queueIds].flatMap((queueId) =>
    (Object.keys(DEFAULT_TARGETS) as Priority[]).map((priority) => ({
      id: newId(),
      org_id: orgId,
      queue_id: queueId,
      priority,
      first_response_minutes: DEFAULT_TARGETS[priority].firstResponseMinutes,
      next_response_minutes: DEFAULT_TARGETS[priority].nextResponseMinutes,
      resolution_minutes: DEFAULT_TARGETS[priority].resolutionMinutes,
    })),
  );
  await trx
    .insertInto('care_sla_policies')
    .values(rows)
    .onConflict((oc) => oc.doNothing())
    .execute();
}

/** What the clocks of one conversation are computed from. */
export function slaRow(db: Executor, orgId: string, id: string) {
  return db
    .selectFrom('care_conversations')
    .select([
      'id',
      'status',
      'queue_id',
      'priority',
      'opened_at',
      'first_response_at',
      'resolved_at',
      'sla_awaiting_since',
      'sla_resolution_since',
      'sla_response_due_at',
      'sla_resolution_due_at',
      'sla_breaches',
      'first_response_business_minutes',
      'resolution_business_minutes',
    ])
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export type SlaRow = NonNullable<Awaited<ReturnType<typeof slaRow>>>;

export function unresolvedIds(db: Executor, orgId: string) {
  return db
    .selectFrom('care_conversations')
    .select('id')
    .where('org_id', '=', orgId)
    .where('status', '!=', 'resolved')
    .execute();
}

export async function writeSla(
  db: Executor,
  orgId: string,
  id: string,
  patch: Updateable<ConversationSlaColumns>,
) {
  await db
    .updateTable('care_conversations')
    .set(patch)
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .execute();
}

export type SlaReportRow = {
  group_key: string | null;
  conversations: number;
  first_response_p50: number | null;
  first_response_p90: number | null;
  first_response_business_p50: number | null;
  first_response_business_p90: number | null;
  resolution_p50: number | null;
  resolution_p90: number | null;
  resolution_business_p50: number | null;
  resolution_business_p90: number | null;
  breaches: number;
  csat: number | null;
};

/**
 * Response and resolution times (median and 90th percentile) over conversations opened in the last `days`,
 * grouped by queue, by assignee or by ISO week, in wall-clock minutes and in business minutes. Breaches are the
 * clocks that stopped late plus those still running past their due time.
 */
export async function slaReport(db: Executor, orgId: string, by: 'queue' | 'agent' | 'week', days: number) {
  const key =
    by === 'queue'
      ? sql`c.queue_id::text`
      : by === 'agent'
        ? sql`c.assignee_id::text`
        : sql`to_char(date_trunc('week', c.opened_at), 'IYYY-"W"IW')`;
  const firstResponse = sql`extract(epoch FROM c.first_response_at - c.opened_at) / 60`;
  const resolution = sql`extract(epoch FROM c.resolved_at - c.opened_at) / 60`;
  const { rows } = await sql<SlaReportRow>`
    SELECT ${key} AS group_key, count(*)::int AS conversations,
      percentile_cont(0.5) WITHIN GROUP (ORDER BY ${firstResponse}) AS first_response_p50,
      percentile_cont(0.9) WITHIN GROUP (ORDER BY ${firstResponse}) AS first_response_p90,
      percentile_cont(0.5) WITHIN GROUP (ORDER BY c.first_response_business_minutes) AS first_response_business_p50,
      percentile_cont(0.9) WITHIN GROUP (ORDER BY c.first_response_business_minutes) AS first_response_business_p90,
      percentile_cont(0.5) WITHIN GROUP (ORDER BY ${resolution}) AS resolution_p50,
      percentile_cont(0.9) WITHIN GROUP (ORDER BY ${resolution}) AS resolution_p90,
      percentile_cont(0.5) WITHIN GROUP (ORDER BY c.resolution_business_minutes) AS resolution_business_p50,
      percentile_cont(0.9) WITHIN GROUP (ORDER BY c.resolution_business_minutes) AS resolution_business_p90,
      sum(c.sla_breaches + coalesce((c.sla_response_due_at < now())::int, 0)
        + coalesce((c.sla_resolution_due_at < now())::int, 0))::int
        AS breaches,
      avg(c.csat_score)::float AS csat
    FROM care_conversations c
    WHERE c.org_id = ${orgId} AND c.opened_at > now() - make_interval(days => ${days})
      AND c.merged_into_id IS NULL -- a merged conversation is counted in the one it was merged into
    GROUP BY 1 ORDER BY 1`.execute(db);
  return rows;
}

import type { PolicyRule } from '../../lib/policy/index.ts';
import { type Executor, ownTables } from '../../platform/db/database.ts';
import { newId } from '../../platform/ids.ts';
import type { AuditAction, GovernanceTables } from './governance.tables.ts';

const own = (db: Executor) => ownTables<GovernanceTables>(db);

/** The policy's version, or undefined when the brand's policy was never read (its defaults not yet copied). */
export async function policyVersion(db: Executor, orgId: string): Promise<number | undefined> {
  const row = await own(db)
    .selectFrom('governance_policies')
    .select('version')
    .where('org_id', '=', orgId)
    .executeTakeFirst();
  return row?.version;
}

/** Copies the defaults in, once: a concurrent first read loses the race harmlessly. */
export async function seedPolicy(db: Executor, orgId: string, rules: PolicyRule[]): Promise<void> {
  const inserted = await own(db)
    .insertInto('governance_policies')
    .values({ org_id: orgId })
    .onConflict((oc) => oc.column('org_id').doNothing())
    .returning('org_id')
    .executeTakeFirst();
  if (!inserted || rules.length === 0) return;
  await own(db)
    .insertInto('governance_policy_rules')
    .values(
      rules.map((rule, position) => ({
        org_id: orgId,
        rule_id: rule.id,
        position,
        rule: JSON.stringify(rule),
      })),
    )
    .onConflict((oc) => oc.columns(['org_id', 'rule_id']).doNothing())
    .execute();
}

export async function listRules(db: Executor, orgId: string): Promise<PolicyRule[]> {
  const rows = await own(db)
    .selectFrom('governance_policy_rules')
    .select('rule')
    .where('org_id', '=', orgId)
    .orderBy('position')
    .orderBy('rule_id')
    .execute();
  return rows.map((r) => r.rule);
}

export async function bumpVersion(db: Executor, orgId: string): Promise<void> {
  await own(db)
    .updateTable('governance_policies')
    .set((eb) => ({ version: eb('version', '+', 1), updated_at: new Date() }))
    .where('org_id', '=', orgId)
    .execute();
}

export async function upsertRule(db: Executor, orgId: string, rule: PolicyRule, by: string): Promise<void> {
  const next = await own(db)
    .selectFrom('governance_policy_rules')
    .select((eb) => eb.fn.coalesce(eb.fn.max('position'), eb.lit(-1)).as('last'))
    .where('org_id', '=', orgId)
    .executeTakeFirstOrThrow();
  await own(db)
    .insertInto('governance_policy_rules')
    .values({
      org_id: orgId,
      rule_id: rule.id,
      position: Number(next.last) + 1,
      rule: JSON.stringify(rule),
      updated_by: by,
    })
    .onConflict((oc) =>
      oc
        .columns(['org_id', 'rule_id'])
        .doUpdateSet({ rule: JSON.stringify(rule), updated_by: by, updated_at: new Date() }),
    )
    .execute();
}

export async function deleteRule(db: Executor, orgId: string, ruleId: string): Promise<boolean> {
  const result = await own(db)
    .deleteFrom('governance_policy_rules')
    .where('org_id', '=', orgId)
    .where('rule_id', '=', ruleId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export type AuditInput = {
  orgId: string;
  actorId: string;
  action: AuditAction;
  channel: string;
  ruleIds: string[];
  findings: unknown[];
  reason: string | null;
  text: string;
};

export async function insertAudit(db: Executor, entry: AuditInput): Promise<void> {
  await own(db)
    .insertInto('governance_policy_audit')
    .values({
      id: newId(),
      org_id: entry.orgId,
      actor_id: entry.actorId,
      action: entry.action,
      channel: entry.channel,
      rule_ids: JSON.stringify(entry.ruleIds),
      findings: JSON.stringify(entry.findings),
      reason: entry.reason,
      text: entry.text,
    })
    .execute();
}

/** Newest first; the cursor is "createdAt|id" of the last row returned. */
export async function listAudit(
  db: Executor,
  orgId: string,
  limit: number,
  after?: { at: Date; id: string },
  filter: { action?: AuditAction; channel?: string } = {},
) {
  let query = own(db)
    .selectFrom('governance_policy_audit')
    .selectAll()
    .where('org_id', '=', orgId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit);
  if (filter.action) query = query.where('action', '=', filter.action);
  if (filter.channel) query = query.where('channel', '=', filter.channel);
  if (after)
    query = query.where((eb) =>
      eb.or([
        eb('created_at', '<', after.at),
        eb.and([eb('created_at', '=', after.at), eb('id', '<', after.id)]),
      ]),
    );
  return query.execute();
}

import type { ColumnType, Generated } from 'kysely';
import type { PolicyRule } from '../../lib/policy/index.ts';

type Json<T> = ColumnType<T, string, string>;

/** One per brand once its policy was first read: the version bumps on every rule change (lint caches by it). */
export interface GovernancePoliciesTable {
  org_id: string;
  version: Generated<number>;
  updated_at: Generated<Date>;
}

/** A rule of a brand's policy, stored whole (its kind's fields in `rule`). */
export interface GovernancePolicyRulesTable {
  org_id: string;
  rule_id: string;
  position: number;
  rule: Json<PolicyRule>;
  updated_by: string | null;
  updated_at: Generated<Date>;
}

export type AuditAction = 'blocked' | 'overridden';

/** Every draft the policy blocked and every warning a member overrode with a reason. */
export interface GovernancePolicyAuditTable {
  id: Generated<string>;
  org_id: string;
  actor_id: string;
  action: AuditAction;
  channel: string;
  rule_ids: Json<string[]>;
  findings: Json<unknown[]>;
  reason: string | null;
  text: string;
  created_at: Generated<Date>;
}

export type GovernanceTables = {
  governance_policies: GovernancePoliciesTable;
  governance_policy_rules: GovernancePolicyRulesTable;
  governance_policy_audit: GovernancePolicyAuditTable;
};

import type { ColumnType, Generated } from 'kysely';
import type { PolicyRule } from '../../lib/policy/index.ts';
import type { Course } from './certification/course-content.ts';

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

/** Per brand: the roles whose posts as the brand wait for approval, and how many approvers each needs. */
export interface GovernanceApprovalSettingsTable {
  org_id: string;
  /** Roles whose posts as the brand wait. */
  roles: Json<string[]>;
  deal_roles: ColumnType<string[], string | undefined, string>;
  care_reply_roles: ColumnType<string[], string | undefined, string>;
  approvers: number;
  updated_at: Generated<Date>;
}

/** What a draft publishes: a post as the brand, a deal, or a public reply in a care conversation. */
export type DraftKind = 'brand_post' | 'deal' | 'care_reply';

export type DraftStatus =
  | 'pending'
  | 'changes_requested'
  | 'rejected'
  | 'scheduled'
  | 'published'
  | 'refused';

/** A post as the brand waiting for approval or for its time; the sweep claims due ones with a lease. */
export interface GovernanceDraftsTable {
  id: string;
  org_id: string;
  author_id: string;
  channel: DraftKind;
  text: string;
  /** The kind's input besides the text (a deal's terms, the care conversation), replayed when it publishes. */
  payload: ColumnType<Record<string, unknown> | null, string | null, string | null>;
  policy_override: string | null;
  status: DraftStatus;
  revision: Generated<number>;
  approvals_needed: number;
  publish_at: Date | null;
  lease_until: Date | null;
  post_id: string | null;
  refusal: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export type ReviewDecision = 'approve' | 'reject' | 'request_changes';

/** An approver's decision on one revision of a draft, with their comment. */
export interface GovernanceDraftReviewsTable {
  id: string;
  org_id: string;
  draft_id: string;
  revision: number;
  reviewer_id: string;
  decision: ReviewDecision;
  comment: string | null;
  created_at: Generated<Date>;
}

/** Per brand: whether posting as the brand or replying in public needs a valid certificate, its life, the pass mark. */
export interface GovernanceCertificationSettingsTable {
  org_id: string;
  required: boolean;
  validity_days: number;
  pass_percent: number;
  updated_at: Generated<Date>;
}

/** A brand's edited course (lessons and quiz with answers); without a row the course is built from its policy. */
export interface GovernanceCoursesTable {
  org_id: string;
  course: Json<Course>;
  updated_by: string;
  updated_at: Generated<Date>;
}

/** A member's pass of the brand's quiz: valid until `expires_at`, verifiable by anyone with its id. */
export interface GovernanceCertificatesTable {
  id: string;
  org_id: string;
  user_id: string;
  score_percent: number;
  issued_at: Generated<Date>;
  expires_at: Date;
}

/** A brand post its marketers put in the content library for employees to share, with a topic and a caption. */
export interface GovernanceShareablesTable {
  org_id: string;
  post_id: string;
  topic: string;
  caption: string | null;
  marked_by: string;
  created_at: Generated<Date>;
}

/** A member's share of a library post: a reshare, or a quote in their own words; once per member and post. */
export interface GovernanceStaffSharesTable {
  id: string;
  org_id: string;
  library_post_id: string;
  employee_id: string;
  /** The share itself (the reshare or the quote), which carries the attribution to the employee. */
  post_id: string;
  kind: 'reshare' | 'quote';
  /** The employee's followers when they shared: the audience the share reached in their timelines. */
  followers_reached: number;
  created_at: Generated<Date>;
}

/** A paid order attributed to a staff share (read from the order's attribution), once per order. */
export interface GovernanceStaffShareOrdersTable {
  order_id: string;
  org_id: string;
  share_id: string;
  employee_id: string;
  total_minor: number;
  currency: string;
  paid_at: Date;
}

export type GovernanceTables = {
  governance_shareables: GovernanceShareablesTable;
  governance_staff_shares: GovernanceStaffSharesTable;
  governance_staff_share_orders: GovernanceStaffShareOrdersTable;
  governance_certification_settings: GovernanceCertificationSettingsTable;
  governance_courses: GovernanceCoursesTable;
  governance_certificates: GovernanceCertificatesTable;
  governance_approval_settings: GovernanceApprovalSettingsTable;
  governance_drafts: GovernanceDraftsTable;
  governance_draft_reviews: GovernanceDraftReviewsTable;
  governance_policies: GovernancePoliciesTable;
  governance_policy_rules: GovernancePolicyRulesTable;
  governance_policy_audit: GovernancePolicyAuditTable;
};

import { type Executor, ownTables } from '../../platform/db/database.ts';
import { newId } from '../../platform/ids.ts';
import type { DraftKind, DraftStatus, GovernanceTables, ReviewDecision } from './governance.tables.ts';

const own = (db: Executor) => ownTables<GovernanceTables>(db);

export async function approvalSettings(db: Executor, orgId: string) {
  return own(db)
    .selectFrom('governance_approval_settings')
    .select(['roles', 'deal_roles', 'care_reply_roles', 'approvers'])
    .where('org_id', '=', orgId)
    .executeTakeFirst();
}

export async function saveApprovalSettings(
  db: Executor,
  orgId: string,
  s: { roles: string[]; dealRoles: string[]; careReplyRoles: string[]; approvers: number },
) {
  const values = {
    roles: JSON.stringify(s.roles),
    deal_roles: JSON.stringify(s.dealRoles),
    care_reply_roles: JSON.stringify(s.careReplyRoles),
    approvers: s.approvers,
  };
  await own(db)
    .insertInto('governance_approval_settings')
    .values({ org_id: orgId, ...values })
    .onConflict((oc) => oc.column('org_id').doUpdateSet({ ...values, updated_at: new Date() }))
    .execute();
}

export type DraftInsert = {
  orgId: string;
  kind: DraftKind;
  payload: Record<string, unknown> | null;
  authorId: string;
  text: string;
  policyOverride: string | null;
  status: DraftStatus;
  approvalsNeeded: number;
  publishAt: Date | null;
};

export async function insertDraft(db: Executor, d: DraftInsert) {
  return own(db)
    .insertInto('governance_drafts')
    .values({
      id: newId(),
      org_id: d.orgId,
      author_id: d.authorId,
      channel: d.kind,
      payload: d.payload ? JSON.stringify(d.payload) : null,
      text: d.text,
      policy_override: d.policyOverride,
      status: d.status,
      approvals_needed: d.approvalsNeeded,
      publish_at: d.publishAt,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function findDraft(db: Executor, orgId: string, id: string) {
  return own(db)
    .selectFrom('governance_drafts')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Locks the draft for a decision, so two approvers deciding at once count correctly. */
export async function lockDraft(db: Executor, orgId: string, id: string) {
  return own(db)
    .selectFrom('governance_drafts')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

export async function listDrafts(db: Executor, orgId: string, statuses: DraftStatus[], limit: number) {
  return own(db)
    .selectFrom('governance_drafts')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('status', 'in', statuses)
    .orderBy('created_at', 'desc')
    .limit(limit)
    .execute();
}

export async function reviewsOf(db: Executor, draftIds: string[]) {
  if (draftIds.length === 0) return [];
  return own(db)
    .selectFrom('governance_draft_reviews')
    .selectAll()
    .where('draft_id', 'in', draftIds)
    .orderBy('created_at')
    .execute();
}

export async function insertReview(
  db: Executor,
  r: {
    orgId: string;
    draftId: string;
    revision: number;
    reviewerId: string;
    decision: ReviewDecision;
    comment: string | null;
  },
) {
  await own(db)
    .insertInto('governance_draft_reviews')
    .values({
      id: newId(),
      org_id: r.orgId,
      draft_id: r.draftId,
      revision: r.revision,
      reviewer_id: r.reviewerId,
      decision: r.decision,
      comment: r.comment,
    })
    .execute();
}

export async function setDraft(
  db: Executor,
  orgId: string,
  id: string,
  patch: Partial<{
    status: DraftStatus;
    text: string;
    revision: number;
    publish_at: Date | null;
    post_id: string;
    refusal: string;
    lease_until: Date | null;
    policy_override: string | null;
  }>,
  onlyIf?: DraftStatus,
) {
  let q = own(db)
    .updateTable('governance_drafts')
    .set({ ...patch, updated_at: new Date() })
    .where('org_id', '=', orgId)
    .where('id', '=', id);
  if (onlyIf) q = q.where('status', '=', onlyIf);
  const res = await q.executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** Claims due scheduled drafts for `leaseSeconds`: another process skips them until the lease runs out. */
export async function claimDue(
  db: Executor,
  now: Date,
  leaseSeconds: number,
  limit: number,
  onlyId?: string,
) {
  const until = new Date(now.getTime() + leaseSeconds * 1000);
  let due = own(db)
    .selectFrom('governance_drafts')
    .select('id')
    .where('status', '=', 'scheduled')
    .where('publish_at', '<=', now)
    .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', now)]))
    .orderBy('publish_at')
    .limit(limit)
    .forUpdate()
    .skipLocked();
  if (onlyId) due = due.where('id', '=', onlyId);
  return own(db)
    .updateTable('governance_drafts')
    .set({ lease_until: until })
    .where('id', 'in', due)
    .returningAll()
    .execute();
}

import type { Db, Executor } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors.ts';
import type { EventBus } from '../../platform/events/outbox.ts';
import type { Principal } from '../../platform/http/auth.ts';
import type { IdentityModule } from '../identity/index.ts';
import type { SocialModule } from '../social/index.ts';
import * as repo from './approvals.repo.ts';
import { governanceError } from './governance.errors.ts';
import type { ApprovalSettingsInput, DraftInput, ReviewInput } from './governance.schemas.ts';
import type { ReviewDecision } from './governance.tables.ts';
import type { PolicyService } from './policy.service.ts';

export type ApprovalsDeps = {
  db: Db;
  events: EventBus;
  identity: Pick<IdentityModule, 'orgs' | 'accounts' | 'service'>;
  social: Pick<SocialModule, 'posts'>;
  policy: PolicyService;
  now?: () => Date;
};

/** How long a sweep holds a due draft before another process may try it (a crash mid-publish is retried). */
const LEASE_SECONDS = 60;
const SWEEP_BATCH = 20;
const DEFAULT_SETTINGS = { roles: [] as string[], approvers: 1 };

type DraftRow = NonNullable<Awaited<ReturnType<typeof repo.findDraft>>>;

/** A rollback that is not a failure: another process published the draft first. */
class AlreadyDone extends Error {}

export function createApprovalsService(deps: ApprovalsDeps) {
  const { db, events, identity, social, policy } = deps;
  const now = deps.now ?? (() => new Date());

  async function settingsOf(orgId: string) {
    const row = await repo.approvalSettings(db, orgId);
    return row ? { roles: row.roles as string[], approvers: row.approvers } : DEFAULT_SETTINGS;
  }

  async function present(drafts: DraftRow[]) {
    const reviews = await repo.reviewsOf(
      db,
      drafts.map((d) => d.id),
    );
    const people = await identity.accounts.byIds([
      ...new Set([...drafts.map((d) => d.author_id), ...reviews.map((r) => r.reviewer_id)]),
    ]);
    const handleOf = (id: string) => people.find((p) => p.id === id)?.handle ?? 'someone';
    return drafts.map((d) => ({
      id: d.id,
      author: { id: d.author_id, handle: handleOf(d.author_id) },
      text: d.text,
      status: d.status,
      revision: d.revision,
      approvalsNeeded: d.approvals_needed,
      approvals: new Set(
        reviews
          .filter((r) => r.draft_id === d.id && r.revision === d.revision && r.decision === 'approve')
          .map((r) => r.reviewer_id),
      ).size,
      publishAt: d.publish_at?.toISOString() ?? null,
      postId: d.post_id,
      refusal: d.refusal,
      createdAt: d.created_at.toISOString(),
      reviews: reviews
        .filter((r) => r.draft_id === d.id)
        .map((r) => ({
          reviewer: { id: r.reviewer_id, handle: handleOf(r.reviewer_id) },
          decision: r.decision,
          revision: r.revision,
          comment: r.comment,
          createdAt: r.created_at.toISOString(),
        })),
    }));
  }

  async function draftIn(orgId: string, id: string) {
    const draft = await repo.findDraft(db, orgId, id);
    if (!draft) throw governanceError('draft_not_found', 'No such draft in this brand');
    return draft;
  }

  const refuse = (d: DraftRow, why: string) =>
    repo.setDraft(db, d.org_id, d.id, { status: 'refused', refusal: why, lease_until: null }, 'scheduled');

  /** Publishes one claimed draft as its author, once: the post and the draft's new state commit together. */
  async function publishOne(draft: DraftRow): Promise<'published' | 'refused' | 'skipped'> {
    const [org] = await identity.accounts.byIds([draft.org_id]);
    const principal = await identity.service.resolvePrincipalForUser(draft.author_id);
    if (!org || !principal.memberships.some((m) => m.orgId === draft.org_id)) {
      await refuse(draft, 'The author is no longer a member of the brand');
      return 'refused';
    }
    let prepared: Awaited<ReturnType<SocialModule['posts']['prepare']>>;
    try {
      prepared = await social.posts.prepare(principal, {
        text: draft.text,
        as: org.handle,
        approvedDraft: true,
        ...(draft.policy_override ? { policyOverride: draft.policy_override } : {}),
      });
    } catch (error) {
      // The author lost the role that posts as the brand, or the policy changed since: recorded, not retried.
      if (error instanceof AppError && error.status < 500) {
        await refuse(draft, `${error.code}: ${error.message}`);
        return 'refused';
      }
      throw error;
    }
    try {
      await events.transaction(db, async (trx: Executor) => {
        const mine = await repo.setDraft(
          trx,
          draft.org_id,
          draft.id,
          { status: 'published', post_id: prepared.id, lease_until: null },
          'scheduled',
        );
        if (!mine) throw new AlreadyDone();
        await social.posts.write(trx, principal, prepared);
      });
      return 'published';
    } catch (error) {
      if (error instanceof AlreadyDone) return 'skipped';
      throw error;
    }
  }

  return {
    async settings(principal: Principal, handle: string) {
      const org = await identity.orgs.requireCapability(principal, handle, 'readPolicy');
      return settingsOf(org.id);
    },

    async saveSettings(principal: Principal, handle: string, input: ApprovalSettingsInput) {
      const org = await identity.orgs.requireCapability(principal, handle, 'managePolicy');
      const roles = [...new Set(input.roles)];
      await repo.saveApprovalSettings(db, org.id, roles, input.approvers);
      return { roles, approvers: input.approvers };
    },

    /**
     * A post as the brand for later or for approval: checked against the policy now, then waiting for its
     * approvers (when the author's role needs them) and its time.
     */
    async submit(principal: Principal, handle: string, input: DraftInput) {
      const org = await identity.orgs.requireCapability(principal, handle, 'postAsOrg');
      await policy.check({
        orgId: org.id,
        actorId: principal.userId,
        channel: 'brand_post',
        text: input.text,
        overrideReason: input.policyOverride,
        approved: true,
      });
      const settings = await settingsOf(org.id);
      const role = principal.memberships.find((m) => m.orgId === org.id)?.role;
      const needs = role !== undefined && settings.roles.includes(role);
      const publishAt = input.publishAt ? new Date(input.publishAt) : null;
      const draft = await repo.insertDraft(db, {
        orgId: org.id,
        authorId: principal.userId,
        text: input.text,
        policyOverride: input.policyOverride ?? null,
        status: needs ? 'pending' : 'scheduled',
        approvalsNeeded: needs ? settings.approvers : 0,
        publishAt: needs ? publishAt : (publishAt ?? now()),
      });
      return (await present([draft]))[0]!;
    },

    async list(principal: Principal, handle: string) {
      const org = await identity.orgs.requireCapability(principal, handle, 'postAsOrg');
      const open = await repo.listDrafts(db, org.id, ['pending', 'changes_requested', 'scheduled'], 100);
      const done = await repo.listDrafts(db, org.id, ['published', 'rejected', 'refused'], 20);
      return { items: await present([...open, ...done]) };
    },

    /** Approve, reject or ask for changes; never one's own draft, never twice the same revision. */
    async review(principal: Principal, handle: string, id: string, input: ReviewInput) {
      const org = await identity.orgs.requireCapability(principal, handle, 'managePolicy');
      const decision: ReviewDecision = input.decision;
      await db.transaction().execute(async (trx) => {
        const draft = await repo.lockDraft(trx, org.id, id);
        if (!draft) throw governanceError('draft_not_found', 'No such draft in this brand');
        if (draft.author_id === principal.userId)
          throw governanceError('self_approval', 'You wrote this draft: another approver must review it');
        if (draft.status === 'rejected') throw governanceError('draft_rejected', 'This draft was rejected');
        if (draft.status !== 'pending')
          throw governanceError('draft_not_pending', `This draft is ${draft.status.replace('_', ' ')}`);
        const reviews = await repo.reviewsOf(trx, [draft.id]);
        const approvers = new Set(
          reviews
            .filter((r) => r.revision === draft.revision && r.decision === 'approve')
            .map((r) => r.reviewer_id),
        );
        if (decision === 'approve' && approvers.has(principal.userId))
          throw governanceError('already_approved', 'You already approved this draft');
        await repo.insertReview(trx, {
          orgId: org.id,
          draftId: draft.id,
          revision: draft.revision,
          reviewerId: principal.userId,
          decision,
          comment: input.comment?.trim() || null,
        });
        if (decision === 'reject') await repo.setDraft(trx, org.id, id, { status: 'rejected' });
        else if (decision === 'request_changes')
          await repo.setDraft(trx, org.id, id, { status: 'changes_requested' });
        else if (approvers.size + 1 >= draft.approvals_needed)
          await repo.setDraft(trx, org.id, id, {
            status: 'scheduled',
            publish_at: draft.publish_at ?? now(),
          });
      });
      return (await present([await draftIn(org.id, id)]))[0]!;
    },

    /** The author's new wording after a request for changes: a new revision, back in the queue. */
    async revise(principal: Principal, handle: string, id: string, input: DraftInput) {
      const org = await identity.orgs.requireCapability(principal, handle, 'postAsOrg');
      const draft = await draftIn(org.id, id);
      if (draft.author_id !== principal.userId) throw governanceError('draft_not_found', 'Not your draft');
      if (draft.status === 'rejected') throw governanceError('draft_rejected', 'This draft was rejected');
      if (draft.status !== 'pending' && draft.status !== 'changes_requested')
        throw governanceError('draft_not_pending', `This draft is ${draft.status.replace('_', ' ')}`);
      await policy.check({
        orgId: org.id,
        actorId: principal.userId,
        channel: 'brand_post',
        text: input.text,
        overrideReason: input.policyOverride,
        approved: true,
      });
      await repo.setDraft(db, org.id, id, {
        text: input.text,
        policy_override: input.policyOverride ?? null,
        publish_at: input.publishAt ? new Date(input.publishAt) : null,
        revision: draft.revision + 1,
        status: 'pending',
      });
      return (await present([await draftIn(org.id, id)]))[0]!;
    },

    /** Publishes an approved draft now instead of at its time. */
    async publishNow(principal: Principal, handle: string, id: string) {
      const org = await identity.orgs.requireCapability(principal, handle, 'postAsOrg');
      const draft = await draftIn(org.id, id);
      if (draft.status === 'rejected')
        throw governanceError('draft_rejected', 'A rejected draft cannot go out');
      if (draft.status === 'pending' || draft.status === 'changes_requested')
        throw governanceError('draft_not_approved', 'The draft still waits for approval');
      if (draft.status !== 'scheduled')
        throw governanceError('draft_not_pending', `This draft is ${draft.status.replace('_', ' ')}`);
      await repo.setDraft(db, org.id, id, { publish_at: now(), lease_until: null }, 'scheduled');
      const [claimed] = await repo.claimDue(db, now(), LEASE_SECONDS, 1, id);
      if (claimed) await publishOne(claimed);
      return (await present([await draftIn(org.id, id)]))[0]!;
    },

    /** The sweep: claims due drafts with a lease and publishes each once. Returns how many went out. */
    async publishDue(): Promise<number> {
      let published = 0;
      for (const draft of await repo.claimDue(db, now(), LEASE_SECONDS, SWEEP_BATCH))
        if ((await publishOne(draft)) === 'published') published++;
      return published;
    },
  };
}

export type ApprovalsService = ReturnType<typeof createApprovalsService>;

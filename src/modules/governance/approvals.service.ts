import type { Db, Executor } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors.ts';
import type { EventBus } from '../../platform/events/outbox.ts';
import type { Principal } from '../../platform/http/auth.ts';
import type { CareModule } from '../care/index.ts';
import type { CommerceModule, DealInput } from '../commerce/index.ts';
import type { IdentityModule } from '../identity/index.ts';
import type { SocialModule } from '../social/index.ts';
import * as repo from './approvals.repo.ts';
import { governanceError } from './governance.errors.ts';
import type {
  ApprovalSettingsInput,
  CareReplyDraftInput,
  DealDraftInput,
  DraftInput,
  ReviewInput,
} from './governance.schemas.ts';
import type { DraftKind, ReviewDecision } from './governance.tables.ts';
import type { PolicyService } from './policy.service.ts';

export type ApprovalsDeps = {
  db: Db;
  events: EventBus;
  identity: Pick<IdentityModule, 'orgs' | 'accounts' | 'service'>;
  social: Pick<SocialModule, 'posts'>;
  policy: PolicyService;
  /** What publishes the other kinds of draft, through their modules' doors. */
  publishers: {
    deals: Pick<CommerceModule['deals'], 'check' | 'publish'>;
    replies: Pick<CareModule['replies'], 'check' | 'reply'>;
  };
  now?: () => Date;
};

/** How long a sweep holds a due draft before another process may try it (a crash mid-publish is retried). */
const LEASE_SECONDS = 60;
const SWEEP_BATCH = 20;
type Settings = { roles: string[]; dealRoles: string[]; careReplyRoles: string[]; approvers: number };
const DEFAULT_SETTINGS: Settings = { roles: [], dealRoles: [], careReplyRoles: [], approvers: 1 };

/** The roles whose drafts of this kind wait for approval. */
export const rolesFor = (s: Settings, kind: DraftKind) =>
  kind === 'deal' ? s.dealRoles : kind === 'care_reply' ? s.careReplyRoles : s.roles;

type DraftRow = NonNullable<Awaited<ReturnType<typeof repo.findDraft>>>;

/** A rollback that is not a failure: another process published the draft first. */
class AlreadyDone extends Error {}

export function createApprovalsService(deps: ApprovalsDeps) {
  const { db, events, identity, social, policy, publishers } = deps;
  const now = deps.now ?? (() => new Date());

  async function settingsOf(orgId: string): Promise<Settings> {
    const row = await repo.approvalSettings(db, orgId);
    return row
      ? {
          roles: row.roles as string[],
          dealRoles: row.deal_roles,
          careReplyRoles: row.care_reply_roles,
          approvers: row.approvers,
        }
      : DEFAULT_SETTINGS;
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
      kind: d.channel,
      conversationId: d.channel === 'care_reply' ? String(d.payload?.conversationId) : null,
      dealTitle: d.channel === 'deal' ? ((d.payload?.deal as DealInput | undefined)?.title ?? null) : null,
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

  /** Marks the draft published in the transaction that writes what it publishes; a second process rolls back. */
  const markPublished = (draft: DraftRow) => async (trx: Executor, postId: string) => {
    const mine = await repo.setDraft(
      trx,
      draft.org_id,
      draft.id,
      { status: 'published', post_id: postId, lease_until: null },
      'scheduled',
    );
    if (!mine) throw new AlreadyDone();
  };

  /** Writes a claimed draft of any kind as its author, through the module that owns what it publishes. */
  async function write(draft: DraftRow, principal: Principal, handle: string) {
    const approval = { inTransaction: markPublished(draft) };
    const payload = (draft.payload ?? {}) as Record<string, unknown>;
    const override = draft.policy_override ? { policyOverride: draft.policy_override } : {};
    if (draft.channel === 'deal') {
      const deal = { ...(payload.deal as DealInput), text: draft.text, ...override };
      await publishers.deals.publish(principal, handle, deal, approval);
      return;
    }
    if (draft.channel === 'care_reply') {
      const input = { text: draft.text, mode: 'public' as const, ...override };
      await publishers.replies.reply(principal, handle, String(payload.conversationId), input, approval);
      return;
    }
    const prepared = await social.posts.prepare(principal, {
      text: draft.text,
      as: handle,
      approvedDraft: true,
      ...override,
    });
    await events.transaction(db, async (trx: Executor) => {
      await approval.inTransaction(trx, prepared.id);
      await social.posts.write(trx, principal, prepared);
    });
  }

  /** Publishes one claimed draft as its author, once: what it publishes and the draft's new state commit together. */
  async function publishOne(draft: DraftRow): Promise<'published' | 'refused' | 'skipped'> {
    const [org] = await identity.accounts.byIds([draft.org_id]);
    const principal = await identity.service.resolvePrincipalForUser(draft.author_id);
    if (!org || !principal.memberships.some((m) => m.orgId === draft.org_id)) {
      await refuse(draft, 'The author is no longer a member of the brand');
      return 'refused';
    }
    try {
      await write(draft, principal, org.handle);
      return 'published';
    } catch (error) {
      if (error instanceof AlreadyDone) return 'skipped';
      // The author lost the role, the certificate expired, the policy or the terms no longer pass: recorded, not retried.
      if (error instanceof AppError && error.status < 500) {
        await refuse(draft, `${error.code}: ${error.message}`);
        return 'refused';
      }
      throw error;
    }
  }

  /** Files a checked draft: waiting for approvers when the author's role needs them for this kind, else scheduled. */
  async function file(
    principal: Principal,
    orgId: string,
    d: {
      kind: DraftKind;
      text: string;
      payload: Record<string, unknown> | null;
      publishAt?: string;
      policyOverride?: string;
    },
  ) {
    const settings = await settingsOf(orgId);
    const role = principal.memberships.find((m) => m.orgId === orgId)?.role;
    const needs = role !== undefined && rolesFor(settings, d.kind).includes(role);
    const publishAt = d.publishAt ? new Date(d.publishAt) : null;
    const draft = await repo.insertDraft(db, {
      orgId,
      kind: d.kind,
      payload: d.payload,
      authorId: principal.userId,
      text: d.text,
      policyOverride: d.policyOverride ?? null,
      status: needs ? 'pending' : 'scheduled',
      approvalsNeeded: needs ? settings.approvers : 0,
      publishAt: needs ? publishAt : (publishAt ?? now()),
    });
    return (await present([draft]))[0]!;
  }

  return {
    async settings(principal: Principal, handle: string) {
      const org = await identity.orgs.requireCapability(principal, handle, 'readPolicy');
      return settingsOf(org.id);
    },

    async saveSettings(principal: Principal, handle: string, input: ApprovalSettingsInput) {
      const org = await identity.orgs.requireCapability(principal, handle, 'managePolicy');
      const current = await settingsOf(org.id);
      const next: Settings = {
        roles: [...new Set(input.roles)],
        dealRoles: [...new Set(input.dealRoles ?? current.dealRoles)],
        careReplyRoles: [...new Set(input.careReplyRoles ?? current.careReplyRoles)],
        approvers: input.approvers,
      };
      await repo.saveApprovalSettings(db, org.id, next);
      return next;
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
      return file(principal, org.id, { kind: 'brand_post', payload: null, ...input });
    },

    /** A deal for approval and/or for a time: checked as a deal now (terms, catalog, guard, policy). */
    async submitDeal(principal: Principal, handle: string, input: DealDraftInput) {
      const org = await identity.orgs.requireCapability(principal, handle, 'publishDeals');
      await publishers.deals.check(principal, handle, input.deal);
      const { text, policyOverride, ...terms } = input.deal;
      return file(principal, org.id, {
        kind: 'deal',
        text,
        policyOverride,
        payload: { deal: terms },
        publishAt: input.publishAt,
      });
    },

    /** A public reply in a care conversation for approval and/or for a time: checked as a reply now. */
    async submitCareReply(principal: Principal, handle: string, input: CareReplyDraftInput) {
      const org = await identity.orgs.requireCapability(principal, handle, 'workInbox');
      const reply = { text: input.text, mode: 'public' as const, policyOverride: input.policyOverride };
      await publishers.replies.check(principal, handle, input.conversationId, reply);
      await policy.check({
        orgId: org.id,
        actorId: principal.userId,
        channel: 'care_reply',
        text: input.text,
        overrideReason: input.policyOverride,
        approved: true,
      });
      return file(principal, org.id, {
        kind: 'care_reply',
        text: input.text,
        policyOverride: input.policyOverride,
        payload: { conversationId: input.conversationId },
        publishAt: input.publishAt,
      });
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
        channel: draft.channel,
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

import { type Db, ownTables } from '../../platform/db/database.ts';
import type { EventBus } from '../../platform/events/outbox.ts';
import type { Principal } from '../../platform/http/auth.ts';
import { can, type capabilities, type IdentityModule, roleIn } from '../identity/index.ts';

type Capability = keyof typeof capabilities;

import { ideasError } from './ideas.errors.ts';
import * as repo from './ideas.repo.ts';
import type { IdeaStatus, IdeasTables } from './ideas.tables.ts';

export type WorkflowDeps = { db: Db; events: EventBus; identity: Pick<IdentityModule, 'orgs' | 'accounts'> };

/** Where an open idea may go next by hand (shipping goes through `ship`, which links products). */
const NEXT: Record<IdeaStatus, IdeaStatus[]> = {
  new: ['under_review', 'planned', 'in_progress', 'declined'],
  under_review: ['new', 'planned', 'in_progress', 'declined'],
  planned: ['under_review', 'in_progress', 'declined'],
  in_progress: ['planned', 'declined'],
  shipped: [],
  declined: [],
};

/** A brand member with the capability may act on the idea; anyone else is told it does not exist. */
export function requireOnIdea(principal: Principal, idea: repo.IdeaRow, capability: Capability) {
  if (!roleIn(principal, idea.org_id)) throw ideasError('idea_not_found', 'Idea not found');
  if (!can(principal, idea.org_id, capability))
    throw ideasError('brand_only', 'Your role in this brand does not allow this');
}

/** The brand's side of the portal: statuses, owners, merging duplicates, scorecards and settings. */
export function createWorkflowService({ db, events, identity }: WorkflowDeps) {
  const own = ownTables<IdeasTables>(db);

  /** Locks the idea in the transaction and checks the caller may manage it and that it is still open. */
  async function lockOpen(trx: ReturnType<typeof ownTables<IdeasTables>>, principal: Principal, id: string) {
    const idea = await repo.lockIdea(trx, id);
    if (!idea) throw ideasError('idea_not_found', 'Idea not found');
    requireOnIdea(principal, idea, 'postAsOrg');
    if (!repo.isOpen(idea)) throw ideasError('idea_closed', 'The idea is shipped, declined or merged');
    return idea;
  }

  return {
    async setStatus(
      principal: Principal,
      id: string,
      status: Exclude<IdeaStatus, 'shipped'>,
      reason?: string,
    ) {
      await events.transaction(db, async (trx) => {
        const t = ownTables<IdeasTables>(trx);
        const idea = await lockOpen(t, principal, id);
        if (!NEXT[idea.status].includes(status))
          throw ideasError('invalid_transition', `An idea that is ${idea.status} cannot move to ${status}`);
        if (status === 'declined' && !reason?.trim())
          throw ideasError('reason_required', 'Say why the idea is declined', [
            { field: 'reason', message: 'required when declining' },
          ]);
        await repo.setStatus(t, id, status, status === 'declined' ? reason!.trim() : null);
        await repo.addEvent(t, {
          org_id: idea.org_id,
          idea_id: id,
          kind: 'status',
          status,
          note: status === 'declined' ? reason!.trim() : null,
          actor_id: principal.userId,
        });
        // A declined idea hands its votes back to its voters' budgets.
        if (status === 'declined') await repo.releaseVotes(t, id);
      });
    },

    async setOwner(principal: Principal, id: string, ownerHandle: string | null) {
      const idea = await repo.findIdea(own, id);
      if (!idea) throw ideasError('idea_not_found', 'Idea not found');
      requireOnIdea(principal, idea, 'postAsOrg');
      let ownerId: string | null = null;
      if (ownerHandle) {
        const account = await identity.accounts.byHandle(ownerHandle.replace(/^@/, ''));
        const members = account ? await identity.accounts.memberRoles(idea.org_id) : [];
        if (!account || !members.some((m) => m.user_id === account.id))
          throw ideasError('owner_not_member', `@${ownerHandle} is not a member of this brand`, [
            { field: 'owner', message: 'not a member of the brand' },
          ]);
        ownerId = account.id;
      }
      await events.transaction(db, async (trx) => {
        const t = ownTables<IdeasTables>(trx);
        await repo.setOwner(t, id, ownerId);
        await repo.addEvent(t, {
          org_id: idea.org_id,
          idea_id: id,
          kind: 'owner',
          note: ownerHandle ? `@${ownerHandle.replace(/^@/, '')}` : null,
          actor_id: principal.userId,
        });
      });
    },

    /** Merges the duplicate `id` into `intoId` (both locked, in id order, so two crossing merges cannot deadlock). */
    async merge(principal: Principal, id: string, intoId: string) {
      if (id === intoId) throw ideasError('merge_into_self', 'An idea cannot be merged into itself');
      await events.transaction(db, async (trx) => {
        const t = ownTables<IdeasTables>(trx);
        const [first, second] = [id, intoId].sort();
        const a = await repo.lockIdea(t, first);
        const b = await repo.lockIdea(t, second);
        const from = first === id ? a : b;
        const into = first === id ? b : a;
        if (!from) throw ideasError('idea_not_found', 'Idea not found');
        requireOnIdea(principal, from, 'postAsOrg');
        if (!repo.isOpen(from))
          throw ideasError('idea_closed', 'The duplicate is shipped, declined or merged already');
        if (
          !into ||
          into.org_id !== from.org_id ||
          into.challenge_id !== from.challenge_id ||
          into.merged_into_id !== null ||
          !repo.isOpen(into)
        )
          throw ideasError('merge_target_invalid', 'Merge into an open idea of the same brand', [
            { field: 'intoId', message: 'not an open idea of this brand' },
          ]);
        await repo.mergeIdeas(t, from, into);
        await repo.addEvent(t, {
          org_id: from.org_id,
          idea_id: into.id,
          kind: 'merged_in',
          note: from.title,
          actor_id: principal.userId,
        });
      });
    },

    async score(principal: Principal, id: string, impact: number, effort: number) {
      const idea = await repo.findIdea(own, id);
      if (!idea) throw ideasError('idea_not_found', 'Idea not found');
      requireOnIdea(principal, idea, 'postAsOrg');
      if (!repo.isOpen(idea)) throw ideasError('idea_closed', 'The idea is shipped, declined or merged');
      await repo.upsertScore(own, {
        idea_id: id,
        evaluator_id: principal.userId,
        org_id: idea.org_id,
        impact,
        effort,
      });
    },

    async ranking(principal: Principal, orgHandle: string) {
      const org = await identity.orgs.requireCapability(principal, orgHandle, 'postAsOrg');
      const rows = await repo.ranking(own, org.id);
      return rows.map((r) => ({
        id: r.id,
        title: r.title,
        status: r.status,
        votes: r.votes,
        impact: Math.round(Number(r.impact) * 100) / 100,
        effort: Math.round(Number(r.effort) * 100) / 100,
        scorecards: Number(r.scorecards),
      }));
    },

    async settings(orgHandle: string) {
      const org = await identity.orgs.orgByHandle(orgHandle);
      const s = await repo.settingsOf(own, org.id);
      return {
        votesPerPerson: s.votes_per_person,
        votesPerIdea: s.votes_per_idea,
        hideAfterReports: s.hide_after_reports,
      };
    },

    async saveSettings(
      principal: Principal,
      orgHandle: string,
      body: { votesPerPerson: number; votesPerIdea: number; hideAfterReports?: number },
    ) {
      const org = await identity.orgs.requireCapability(principal, orgHandle, 'editProfile');
      const hideAfterReports =
        body.hideAfterReports ?? (await repo.settingsOf(own, org.id)).hide_after_reports;
      await repo.saveSettings(own, org.id, {
        votes_per_person: body.votesPerPerson,
        votes_per_idea: body.votesPerIdea,
        hide_after_reports: hideAfterReports,
      });
      return { votesPerPerson: body.votesPerPerson, votesPerIdea: body.votesPerIdea, hideAfterReports };
    },
  };
}

export type WorkflowService = ReturnType<typeof createWorkflowService>;

import { type Db, ownTables } from '../../platform/db/database.ts';
import type { Principal } from '../../platform/http/auth.ts';
import { type IdentityModule, presentSummary } from '../identity/index.ts';
import { runsPortal } from './challenges.service.ts';
import { ideasError } from './ideas.errors.ts';
import * as repo from './ideas.repo.ts';
import type { IdeasTables } from './ideas.tables.ts';
import type { PortalService } from './portal.service.ts';
import { requireOnIdea } from './workflow.service.ts';

type Kind = 'idea' | 'comment';

/** Spam and abuse: people report ideas and comments; enough distinct reports hide them until the brand restores. */
export function createModerationService(deps: {
  db: Db;
  identity: Pick<IdentityModule, 'orgs' | 'accounts'>;
  portal: PortalService;
}) {
  const { db, identity, portal } = deps;
  const own = ownTables<IdeasTables>(db);

  /** The reported idea (seen by the caller) and the author of the reported item. */
  async function target(principal: Principal | null, kind: Kind, id: string) {
    if (kind === 'idea') {
      const idea = await portal.ideaOr404(id, principal);
      return { idea, authorId: idea.author_id, hidden: idea.hidden_at !== null };
    }
    const comment = await repo.findComment(own, id);
    if (!comment) throw ideasError('comment_not_found', 'Comment not found');
    const idea = await portal.ideaOr404(comment.idea_id, principal).catch(() => {
      throw ideasError('comment_not_found', 'Comment not found');
    });
    return { idea, authorId: comment.author_id, hidden: comment.hidden_at !== null, comment };
  }

  /** The brand's reviewed target, hidden and awaiting its decision. */
  async function pending(principal: Principal, kind: Kind, id: string) {
    const found = await target(principal, kind, id);
    requireOnIdea(principal, found.idea, 'postAsOrg');
    if (!found.hidden) throw ideasError('not_hidden', 'It is not hidden');
    const kept = kind === 'idea' ? found.idea.kept_hidden_at : (found.comment?.kept_hidden_at ?? null);
    if (kept) throw ideasError('already_kept_hidden', 'The brand already decided to keep it hidden');
    return found;
  }

  return {
    async report(principal: Principal, kind: Kind, id: string, reason: string) {
      const { idea, authorId } = await target(principal, kind, id);
      if (authorId === principal.userId) throw ideasError('own_content', 'You cannot report what you wrote');
      const settings = await repo.settingsOf(own, idea.org_id);
      return db.transaction().execute(async (trx) => {
        const t = ownTables<IdeasTables>(trx);
        const recorded = await repo.insertReport(t, {
          org_id: idea.org_id,
          target_kind: kind,
          target_id: id,
          reporter_id: principal.userId,
          reason: reason.trim(),
        });
        if (!recorded) throw ideasError('already_reported', 'You have reported this already');
        const row = await repo.countReport(t, kind, id, settings.hide_after_reports);
        return { reports: row.reports, hidden: row.hidden_at !== null };
      });
    },

    async restore(principal: Principal, kind: Kind, id: string) {
      await pending(principal, kind, id);
      await db.transaction().execute((trx) => repo.restore(ownTables<IdeasTables>(trx), kind, id));
    },

    /**
     * The brand keeps a hidden idea or comment hidden: it leaves the review queue for good; a kept idea is closed
     * (no votes, no changes) and its votes go back to its voters' budgets.
     */
    async keepHidden(principal: Principal, kind: Kind, id: string) {
      await pending(principal, kind, id);
      await db.transaction().execute(async (trx) => {
        const t = ownTables<IdeasTables>(trx);
        if (kind === 'idea' && !(await repo.lockIdea(t, id)))
          throw ideasError('idea_not_found', 'Idea not found');
        if (!(await repo.keepHidden(t, kind, id)))
          throw ideasError('already_kept_hidden', 'The brand already decided to keep it hidden');
        if (kind === 'idea') await repo.releaseVotes(t, id);
      });
    },

    /** The brand deletes a hidden comment with its reports (an idea is kept hidden instead: it holds votes). */
    async deleteComment(principal: Principal, id: string) {
      await pending(principal, 'comment', id);
      const gone = await db
        .transaction()
        .execute((trx) => repo.deleteComment(ownTables<IdeasTables>(trx), id));
      if (!gone) throw ideasError('comment_not_found', 'Comment not found');
    },

    /** The brand's hidden ideas and comments with the reporters' reasons: awaiting a decision first, newest first. */
    async hidden(principal: Principal, orgHandle: string) {
      const org = await identity.orgs.orgByHandle(orgHandle);
      if (!runsPortal(principal, org.id))
        throw ideasError('brand_only', 'Only the brand sees what was hidden');
      const { ideas, comments } = await repo.hiddenOf(own, org.id);
      const [ideaReasons, commentReasons, authors] = await Promise.all([
        repo.reasonsOf(
          own,
          'idea',
          ideas.map((i) => i.id),
        ),
        repo.reasonsOf(
          own,
          'comment',
          comments.map((c) => c.id),
        ),
        identity.accounts.byIds([...new Set([...ideas, ...comments].map((r) => r.author_id))]),
      ]);
      const byAuthor = new Map(authors.map((a) => [a.id, presentSummary(a)] as const));
      const reasons = (rows: typeof ideaReasons, id: string) =>
        rows
          .filter((r) => r.target_id === id)
          .map((r) => ({ reason: r.reason, at: r.created_at.toISOString() }));
      const moderation = (
        r: (typeof ideas)[number] | (typeof comments)[number],
        all: typeof ideaReasons,
      ) => ({
        author: byAuthor.get(r.author_id) ?? null,
        reports: r.reports,
        reasons: reasons(all, r.id),
        hiddenAt: r.hidden_at!.toISOString(),
        keptHiddenAt: r.kept_hidden_at?.toISOString() ?? null,
      });
      return {
        ideas: ideas.map((i) => ({
          id: i.id,
          title: i.title,
          description: i.description,
          ...moderation(i, ideaReasons),
        })),
        comments: comments.map((c) => ({
          id: c.id,
          ideaId: c.idea_id,
          ideaTitle: c.idea_title,
          body: c.body,
          ...moderation(c, commentReasons),
        })),
      };
    },
  };
}

export type ModerationService = ReturnType<typeof createModerationService>;

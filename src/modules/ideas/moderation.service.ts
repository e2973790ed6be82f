import { type Db, ownTables } from '../../platform/db/database.ts';
import type { Principal } from '../../platform/http/auth.ts';
import type { IdentityModule } from '../identity/index.ts';
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
  identity: Pick<IdentityModule, 'orgs'>;
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
    return { idea, authorId: comment.author_id, hidden: comment.hidden_at !== null };
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
      const { idea, hidden } = await target(principal, kind, id);
      requireOnIdea(principal, idea, 'postAsOrg');
      if (!hidden) throw ideasError('not_hidden', 'It is not hidden');
      await db.transaction().execute((trx) => repo.restore(ownTables<IdeasTables>(trx), kind, id));
    },

    /** The brand's hidden ideas and comments, newest first. */
    async hidden(principal: Principal, orgHandle: string) {
      const org = await identity.orgs.orgByHandle(orgHandle);
      if (!runsPortal(principal, org.id))
        throw ideasError('brand_only', 'Only the brand sees what was hidden');
      const { ideas, comments } = await repo.hiddenOf(own, org.id);
      return {
        ideas: ideas.map((i) => ({
          id: i.id,
          title: i.title,
          reports: i.reports,
          hiddenAt: i.hidden_at!.toISOString(),
        })),
        comments: comments.map((c) => ({
          id: c.id,
          ideaId: c.idea_id,
          body: c.body,
          reports: c.reports,
          hiddenAt: c.hidden_at!.toISOString(),
        })),
      };
    },
  };
}

export type ModerationService = ReturnType<typeof createModerationService>;

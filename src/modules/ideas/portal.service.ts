import { type Db, type Executor, ownTables } from '../../platform/db/database.ts';
import type { EventBus } from '../../platform/events/outbox.ts';
import type { Principal } from '../../platform/http/auth.ts';
import { decodeCursor, encodeCursor } from '../../platform/http/pagination.ts';
import { newId } from '../../platform/ids.ts';
import type { CommerceModule } from '../commerce/index.ts';
import { can, type IdentityModule, presentSummary } from '../identity/index.ts';
import { type ChallengeAccess, isClosed, runsPortal } from './challenges.service.ts';
import { ideasError } from './ideas.errors.ts';
import { presentIdeas } from './ideas.present.ts';
import * as repo from './ideas.repo.ts';
import type { IdeaStatus, IdeasTables } from './ideas.tables.ts';

export type PortalDeps = {
  db: Db;
  events: EventBus;
  identity: Pick<IdentityModule, 'orgs' | 'accounts'>;
  commerce: Pick<CommerceModule, 'catalog'>;
  access: ChallengeAccess;
};

export type NewIdea = { title: string; description: string; category?: string; imageUrls?: string[] };

/** The public side of a brand's ideas portal: post, find similar, list, read, vote, comment, follow. */
export function createPortalService({ db, events, identity, commerce, access }: PortalDeps) {
  const own = ownTables<IdeasTables>(db);

  async function budgetOf(orgId: string, personId: string, executor = own) {
    const s = await repo.settingsOf(executor, orgId);
    const used = await repo.budgetUsed(executor, orgId, personId);
    return {
      votesPerPerson: s.votes_per_person,
      votesPerIdea: s.votes_per_idea,
      used,
      left: Math.max(0, s.votes_per_person - used),
    };
  }

  /**
   * The idea, or 404 (a merged idea is still found: its page redirects to the kept one). So is an idea of a
   * challenge the caller is not invited to, and a hidden one for anyone but its author and the brand.
   */
  async function ideaOr404(id: string, principal: Principal | null) {
    const idea = await repo.findIdea(own, id);
    if (!idea) throw ideasError('idea_not_found', 'Idea not found');
    await access.requireVisible(principal, idea);
    return idea;
  }

  async function postTo(principal: Principal, orgId: string, input: NewIdea, challengeId: string | null) {
    const id = await events.transaction(db, (trx) =>
      createIdea(trx, orgId, principal.userId, input, null, challengeId),
    );
    const [json] = await presentIdeas(own, identity.accounts, [(await repo.findIdea(own, id))!], principal);
    return json;
  }

  /** Writes a new idea, its timeline's first entry and its author as first follower; emits `ideas.idea_posted`. */
  async function createIdea(
    trx: Executor,
    orgId: string,
    authorId: string,
    input: NewIdea,
    careConversationId: string | null,
    challengeId: string | null = null,
  ) {
    const t = ownTables<IdeasTables>(trx);
    const id = newId();
    await repo.insertIdea(t, {
      id,
      org_id: orgId,
      author_id: authorId,
      title: input.title.trim(),
      description: input.description.trim(),
      category: input.category?.trim() ?? null,
      image_urls: input.imageUrls ?? [],
      declined_reason: null,
      owner_id: null,
      merged_into_id: null,
      care_conversation_id: careConversationId,
      challenge_id: challengeId,
      shipped_at: null,
    });
    await repo.addEvent(t, { org_id: orgId, idea_id: id, kind: 'posted', status: 'new', actor_id: authorId });
    // The author follows their own idea, so they hear when it moves.
    await repo.follow(t, id, orgId, authorId);
    await events.emit(trx, 'ideas.idea_posted', id, { ideaId: id, orgId, authorId, careConversationId });
    return id;
  }

  /**
   * A customer agreed in a care conversation that the brand posts their idea: it is posted in their name, once
   * per conversation (an idea already made from it is returned).
   */
  async function fromConversation(
    author: Principal,
    conversation: { id: string; orgId: string },
    draft: NewIdea,
  ) {
    const made = await repo.ideaForConversation(own, conversation.orgId, conversation.id);
    if (made) return made.id;
    return events.transaction(db, (trx) =>
      createIdea(trx, conversation.orgId, author.userId, draft, conversation.id),
    );
  }

  return {
    budgetOf,
    fromConversation,
    ideaOr404,
    postTo,

    async post(principal: Principal, orgHandle: string, input: NewIdea) {
      const org = await identity.orgs.orgByHandle(orgHandle);
      return postTo(principal, org.id, input, null);
    },

    async similar(orgHandle: string, text: string) {
      const org = await identity.orgs.orgByHandle(orgHandle);
      const rows = await repo.similarIdeas(own, org.id, text.trim(), 5);
      return rows.map((r) => ({
        id: r.id,
        title: r.title,
        status: r.status,
        votes: r.votes,
        similarity: Number(r.similarity),
      }));
    },

    async list(
      orgHandle: string,
      principal: Principal | null,
      q: { sort?: repo.IdeaSort; status?: IdeaStatus; cursor?: string; limit?: number },
    ) {
      const org = await identity.orgs.orgByHandle(orgHandle);
      const limit = q.limit ?? 20;
      const offset = Number(decodeCursor(q.cursor, /^\d{1,6}$/) ?? 0);
      const rows = await repo.listIdeas(own, org.id, {
        sort: q.sort ?? 'trending',
        status: q.status,
        offset,
        limit: limit + 1,
      });
      const items = await presentIdeas(own, identity.accounts, rows.slice(0, limit), principal);
      return { items, nextCursor: rows.length > limit ? encodeCursor(String(offset + limit)) : null };
    },

    async detail(id: string, principal: Principal | null) {
      const idea = await ideaOr404(id, principal);
      const [json] = await presentIdeas(own, identity.accounts, [idea], principal);
      if (!json) throw ideasError('idea_not_found', 'Idea not found');
      const events = await repo.eventsOf(own, id);
      const actors = new Map(
        (
          await identity.accounts.byIds([...new Set(events.flatMap((e) => (e.actor_id ? [e.actor_id] : [])))])
        ).map((a) => [a.id, presentSummary(a)] as const),
      );
      const products = (await commerce.catalog.load(await repo.productsOf(own, id))).filter(
        (p) => !p.archived && p.orgId === idea.org_id,
      );
      return {
        idea: json,
        following: principal ? await repo.isFollowing(own, id, principal.userId) : false,
        followers: await repo.followerCount(own, id),
        budget: principal ? await budgetOf(idea.org_id, principal.userId) : null,
        timeline: events.map((e) => ({
          kind: e.kind,
          status: e.status,
          note: e.note,
          actor: e.actor_id ? (actors.get(e.actor_id) ?? null) : null,
          at: e.at.toISOString(),
        })),
        products: products.map((p) => {
          const { resellerFloorMinor: _floor, ...rest } = p as typeof p & { resellerFloorMinor?: unknown };
          return rest;
        }),
      };
    },

    async budget(principal: Principal, orgHandle: string) {
      const org = await identity.orgs.orgByHandle(orgHandle);
      return budgetOf(org.id, principal.userId);
    },

    /**
     * Sets the caller's votes on an idea. The idea row is locked first, then the voter's budget row, so votes
     * of one person never pass the budget and votes on one idea never lose an increment, however many arrive at once.
     */
    async vote(principal: Principal, id: string, votes: number) {
      // Who may see it is settled before the transaction (it reads other modules' tables on their connections).
      const challenge = await access.requireVisible(principal, await ideaOr404(id, principal));
      const result = await events.transaction(db, async (trx) => {
        const t = ownTables<IdeasTables>(trx);
        const idea = await repo.lockIdea(t, id);
        if (!idea) throw ideasError('idea_not_found', 'Idea not found');
        if (!repo.isOpen(idea)) throw ideasError('idea_closed', 'This idea no longer takes votes');
        if (challenge && isClosed(challenge))
          throw ideasError('challenge_closed', 'The challenge’s deadline has passed: no more votes');
        const settings = await repo.settingsOf(t, idea.org_id);
        if (votes > settings.votes_per_idea)
          throw ideasError('over_idea_limit', `At most ${settings.votes_per_idea} votes on one idea`);
        const used = await repo.lockBudget(t, idea.org_id, principal.userId);
        const old = await repo.activeVote(t, id, principal.userId);
        const delta = votes - (old?.weight ?? 0);
        if (used + delta > settings.votes_per_person)
          throw ideasError(
            'over_budget',
            `You have ${settings.votes_per_person - used} of ${settings.votes_per_person} votes left with this brand`,
          );
        if (delta !== 0) {
          await repo.setVote(t, idea, principal.userId, old, votes);
          await repo.addToBudget(t, idea.org_id, principal.userId, delta);
        }
        return idea.org_id;
      });
      const idea = await ideaOr404(id, principal);
      return { ideaVotes: idea.votes, yourVotes: votes, budget: await budgetOf(result, principal.userId) };
    },

    /** Comments, without hidden ones (except the caller's own, and all of them for the brand). */
    async comments(id: string, principal: Principal | null) {
      const idea = await ideaOr404(id, principal);
      const staff = runsPortal(principal, idea.org_id);
      const rows = (await repo.commentsOf(own, id)).filter(
        (r) => !r.hidden_at || staff || r.author_id === principal?.userId,
      );
      const accounts = new Map(
        (await identity.accounts.byIds([...new Set(rows.map((r) => r.author_id))])).map(
          (a) => [a.id, a] as const,
        ),
      );
      return rows.map((r) => ({
        id: r.id,
        author: accounts.has(r.author_id) ? presentSummary(accounts.get(r.author_id)!) : null,
        body: r.body,
        official: r.official,
        hidden: r.hidden_at !== null,
        createdAt: r.created_at.toISOString(),
      }));
    },

    async comment(principal: Principal, id: string, body: { body: string; official?: boolean }) {
      const idea = await ideaOr404(id, principal);
      if (idea.merged_into_id) throw ideasError('idea_closed', 'This idea was merged into another');
      if (body.official && !can(principal, idea.org_id, 'postAsOrg'))
        throw ideasError('brand_only', 'Only members of the brand can answer officially');
      const commentId = newId();
      await events.transaction(db, async (trx) => {
        await repo.insertComment(ownTables<IdeasTables>(trx), {
          id: commentId,
          org_id: idea.org_id,
          idea_id: id,
          // An official response speaks as the brand.
          author_id: body.official ? idea.org_id : principal.userId,
          body: body.body.trim(),
          official: body.official ?? false,
        });
      });
      return (await this.comments(id, principal)).find((c) => c.id === commentId)!;
    },

    async follow(principal: Principal, id: string, on: boolean) {
      const idea = await ideaOr404(id, principal);
      if (idea.merged_into_id) throw ideasError('idea_closed', 'This idea was merged into another');
      if (on) await repo.follow(own, id, idea.org_id, principal.userId);
      else await repo.unfollow(own, id, principal.userId);
    },
  };
}

export type PortalService = ReturnType<typeof createPortalService>;

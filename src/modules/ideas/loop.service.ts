import { type Db, type Executor, ownTables } from '../../platform/db/database.ts';
import type { EventBus } from '../../platform/events/outbox.ts';
import type { Principal } from '../../platform/http/auth.ts';
import type { CommerceModule } from '../commerce/index.ts';
import type { IdentityModule } from '../identity/index.ts';
import { ideasError } from './ideas.errors.ts';
import * as repo from './ideas.repo.ts';
import type { IdeasTables } from './ideas.tables.ts';
import { requireOnIdea } from './workflow.service.ts';

export type LoopDeps = {
  db: Db;
  events: EventBus;
  identity: Pick<IdentityModule, 'orgs'>;
  commerce: Pick<CommerceModule, 'catalog' | 'orderLines'>;
};

/** Contribution points a person earns when an idea of theirs ships. */
export const SHIPPED_IDEA_POINTS = 100;

/**
 * The loop from idea to product to buyers: shipping links catalog products and tells voters and followers;
 * their paid orders of those products count as the idea's return.
 */
export function createLoopService({ db, events, identity, commerce }: LoopDeps) {
  const own = ownTables<IdeasTables>(db);

  // A voter's or follower's paid order of a product an idea shipped as is that idea's return (once per order).
  events.subscribe('ideas.attribute-order', 'order.paid', async (event, ctx) => {
    const p = event.payload;
    const t = ownTables<IdeasTables>(ctx.trx);
    const lines = await commerce.orderLines(p.orderId, ctx.trx as Executor);
    const matches = await repo.ideasForPurchase(
      t,
      p.orgId,
      p.buyerId,
      lines.map((l) => l.productId),
    );
    const byIdea = new Map<string, Set<string>>();
    for (const m of matches) byIdea.set(m.idea_id, (byIdea.get(m.idea_id) ?? new Set()).add(m.product_id));
    await repo.insertIdeaOrders(
      t,
      [...byIdea].map(([ideaId, products]) => ({
        order_id: p.orderId,
        idea_id: ideaId,
        org_id: p.orgId,
        buyer_id: p.buyerId,
        revenue_minor: lines
          .filter((l) => products.has(l.productId))
          .reduce((sum, l) => sum + l.quantity * l.unitPriceMinor, 0),
        currency: p.currency,
      })),
    );
  });
  // A cancelled or fully refunded order is no longer a return.
  events.subscribe('ideas.unattribute-cancelled', 'order.cancelled', async (event, ctx) => {
    await repo.removeIdeaOrders(ownTables<IdeasTables>(ctx.trx), event.payload.orderId);
  });
  events.subscribe('ideas.unattribute-refunded', 'order.refunded', async (event, ctx) => {
    if (event.payload.full)
      await repo.removeIdeaOrders(ownTables<IdeasTables>(ctx.trx), event.payload.orderId);
  });

  return {
    /** Ships the idea as catalog products of its brand; votes return to budgets; voters and followers hear of it. */
    async ship(principal: Principal, id: string, productIds: string[], note?: string) {
      const found = await repo.findIdea(own, id);
      if (!found) throw ideasError('idea_not_found', 'Idea not found');
      requireOnIdea(principal, found, 'manageCatalog');
      const products = await commerce.catalog.load(productIds);
      const bad = productIds.filter(
        (pid) => !products.some((p) => p.id === pid && p.orgId === found.org_id && !p.archived),
      );
      if (bad.length > 0)
        throw ideasError(
          'product_not_in_brand',
          `Not in the brand’s catalog: ${bad.join(', ')}`,
          bad.map(() => ({ field: 'productIds', message: 'not a product of this brand' })),
        );
      await events.transaction(db, async (trx) => {
        const t = ownTables<IdeasTables>(trx);
        const idea = await repo.lockIdea(t, id);
        if (!idea || !repo.isOpen(idea))
          throw ideasError('idea_closed', 'The idea is shipped, declined or merged');
        await repo.linkProducts(t, id, idea.org_id, productIds);
        await repo.setStatus(t, id, 'shipped', null);
        await repo.addEvent(t, {
          org_id: idea.org_id,
          idea_id: id,
          kind: 'shipped',
          status: 'shipped',
          note: note?.trim() ?? null,
          actor_id: principal.userId,
        });
        await repo.releaseVotes(t, id);
        const recipients = await repo.audienceOf(t, id);
        await events.emit(trx, 'ideas.idea_shipped', id, {
          ideaId: id,
          orgId: idea.org_id,
          title: idea.title,
          productIds,
          recipientIds: recipients,
        });
        if (idea.author_id !== idea.org_id)
          await events.emit(trx, 'ideas.idea_implemented_contribution', id, {
            ideaId: id,
            orgId: idea.org_id,
            personId: idea.author_id,
            points: SHIPPED_IDEA_POINTS,
          });
      });
    },

    /** Shipped ideas by return: orders of their products by their voters and followers, and that revenue. */
    async report(principal: Principal, orgHandle: string) {
      const org = await identity.orgs.requireCapability(principal, orgHandle, 'viewSales');
      const rows = await repo.returnsReport(own, org.id);
      return rows.map((r) => ({
        id: r.id,
        title: r.title,
        votes: r.votes,
        shippedAt: r.shipped_at ? r.shipped_at.toISOString() : null,
        orders: Number(r.orders),
        buyers: Number(r.buyers),
        revenueMinor: Number(r.revenue_minor),
        currency: r.currency,
      }));
    },
  };
}

export type LoopService = ReturnType<typeof createLoopService>;

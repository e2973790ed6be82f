import type { Db, Executor } from '../../../platform/db/database.ts';
import type { EventBus } from '../../../platform/events/outbox.ts';
import type { Principal } from '../../../platform/http/auth.ts';
import { can, type IdentityModule, presentSummary } from '../../identity/index.ts';
import type { CatalogService } from '../catalog.service.ts';
import { checkChannel } from '../channel-guard.ts';
import { commerceError } from '../commerce.errors.ts';
import * as dealsRepo from '../deals.repo.ts';
import { type DealsService, guardItem } from '../deals.service.ts';
import type { OrdersService } from '../orders.service.ts';
import * as repo from './deal-edits.repo.ts';

export type DealEdit = {
  title?: string | null;
  percentOff?: number;
  valueMinor?: number;
  endsAt?: string;
  quantityCap?: number | null;
  override?: { reason: string };
};

type Deps = {
  db: Db;
  events: EventBus;
  identity: Pick<IdentityModule, 'accounts'>;
  catalog: CatalogService;
  deals: DealsService;
  orders: OrdersService;
};

type Changes = Record<string, { from: unknown; to: unknown }>;

const invalid = (field: string, message: string) =>
  commerceError('invalid_deal', `${field} ${message}`, [{ field, message }]);

/** Editing a live or scheduled deal, and ending it early; both audited in the deal's history. */
export function createDealEditsService({ db, events, identity, catalog, deals, orders }: Deps) {
  const tx = <T>(fn: (trx: Executor) => Promise<T>) => events.transaction(db, fn);

  /** The deal, when the caller may publish deals for its brand; another brand's deal is not found. */
  async function ownDeal(principal: Principal, id: string) {
    const [deal] = await dealsRepo.findDeals(db, [id]);
    if (!deal || !can(principal, deal.org_id, 'publishDeals'))
      throw commerceError('deal_not_found', 'Deal not found');
    return deal;
  }

  /** Checks the new price against the reseller floors before any transaction opens (the guard reads the catalog). */
  async function guardNewPrice(principal: Principal, deal: dealsRepo.DealRow, edit: DealEdit) {
    if (edit.percentOff === undefined && edit.valueMinor === undefined) return;
    if (deal.type === 'percent_off' && edit.valueMinor !== undefined)
      throw invalid('valueMinor', 'does not apply to a percent-off deal; change percentOff');
    if (deal.type !== 'percent_off' && edit.percentOff !== undefined)
      throw invalid(
        'percentOff',
        `does not apply to a ${deal.type.replace('_', ' ')} deal; change valueMinor`,
      );
    if (deal.type === 'free_addon') throw invalid('valueMinor', 'a free add-on deal has no price to change');
    const items = await dealsRepo.dealItems(db, [deal.id]);
    const products = new Map((await catalog.load(items.map((i) => i.product_id))).map((p) => [p.id, p]));
    const violations = checkChannel(
      {
        type: deal.type,
        percentOff: edit.percentOff ?? deal.percent_off,
        valueMinor: edit.valueMinor ?? deal.value_minor,
      },
      items.flatMap((i) =>
        products.has(i.product_id) ? [guardItem(products.get(i.product_id)!, i.role)] : [],
      ),
    );
    const [org] = await identity.accounts.byIds([deal.org_id]);
    await deals.enforceGuard(principal, org, violations, deal.currency, edit.override);
  }

  function changesOf(
    locked: NonNullable<Awaited<ReturnType<typeof repo.lockDeal>>>,
    edit: DealEdit,
    now: number,
  ): Changes {
    if (locked.ends_at.getTime() <= now)
      throw commerceError('deal_ended', 'This deal has ended; publish a new deal instead');
    const changes: Changes = {};
    const note = (field: string, from: unknown, to: unknown) => {
      if (to !== undefined && from !== to) changes[field] = { from, to };
    };
    note('title', locked.title, edit.title === undefined ? undefined : edit.title?.trim() || null);
    note('percentOff', locked.percent_off, edit.percentOff);
    note('valueMinor', locked.value_minor, edit.valueMinor);
    note('quantityCap', locked.quantity_cap, edit.quantityCap);
    if (edit.endsAt !== undefined) {
      const endsAt = new Date(edit.endsAt);
      if (endsAt.getTime() <= now || endsAt <= locked.starts_at)
        throw invalid('endsAt', 'must be in the future and after the start');
      note('endsAt', locked.ends_at.toISOString(), endsAt.toISOString());
    }
    if ((changes.percentOff || changes.valueMinor) && locked.sold > 0) {
      throw commerceError(
        'deal_locked',
        `${locked.sold} ${locked.sold === 1 ? 'unit was' : 'units were'} already sold at this price, so it cannot change. End this deal and publish a new one.`,
        [{ field: changes.percentOff ? 'percentOff' : 'valueMinor', message: 'cannot change after a sale' }],
      );
    }
    if (typeof edit.quantityCap === 'number' && edit.quantityCap < locked.sold)
      throw invalid('quantityCap', `cannot be below the ${locked.sold} units already sold`);
    return changes;
  }

  return {
    /** Changes the title, price (within the channel guard), end or cap of a deal that has not ended. */
    async edit(principal: Principal, id: string, edit: DealEdit) {
      const deal = await ownDeal(principal, id);
      await guardNewPrice(principal, deal, edit);
      await tx(async (trx) => {
        const locked = (await repo.lockDeal(trx, id))!;
        const changes = changesOf(locked, edit, Date.now());
        if (Object.keys(changes).length === 0) return;
        await repo.updateDeal(trx, id, {
          ...(changes.title ? { title: changes.title.to as string | null } : {}),
          ...(changes.percentOff ? { percent_off: edit.percentOff } : {}),
          ...(changes.valueMinor ? { value_minor: edit.valueMinor } : {}),
          ...(changes.quantityCap ? { quantity_cap: edit.quantityCap } : {}),
          ...(changes.endsAt ? { ends_at: new Date(edit.endsAt!) } : {}),
        });
        await repo.addDealHistory(trx, {
          deal_id: id,
          actor_id: principal.userId,
          action: 'edited',
          changes,
        });
      });
      return deals.card(id, principal);
    },

    /** Ends a live or scheduled deal now: Buy is refused from then on and unpaid orders give their units back. */
    async end(principal: Principal, id: string) {
      await ownDeal(principal, id);
      await tx(async (trx) => {
        const locked = (await repo.lockDeal(trx, id))!;
        if (locked.ends_at.getTime() <= Date.now())
          throw commerceError('deal_ended', 'This deal has already ended');
        const endedAt = await repo.endDealNow(trx, id);
        await repo.addDealHistory(trx, {
          deal_id: id,
          actor_id: principal.userId,
          action: 'ended',
          changes: { endsAt: { from: locked.ends_at.toISOString(), to: endedAt.toISOString() } },
        });
      });
      for (const order of await repo.pendingOrdersOf(db, id))
        await orders.cancelUnpaid(order.id, principal.userId, 'the deal was ended early');
      return deals.card(id, principal);
    },

    /** Who changed what and when, oldest first. */
    async history(principal: Principal, id: string) {
      await ownDeal(principal, id);
      const rows = await repo.dealHistory(db, id);
      const actors = new Map(
        (await identity.accounts.byIds([...new Set(rows.map((r) => r.actor_id))])).map((a) => [a.id, a]),
      );
      return rows.map((r) => ({
        action: r.action,
        at: r.at.toISOString(),
        actor: actors.has(r.actor_id) ? presentSummary(actors.get(r.actor_id)!) : null,
        changes: r.changes,
      }));
    },
  };
}

export type DealEditsService = ReturnType<typeof createDealEditsService>;

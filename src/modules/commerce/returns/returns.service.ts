import { type Db, type Executor, isUniqueViolation } from '../../../platform/db/database.ts';
import type { EventBus } from '../../../platform/events/outbox.ts';
import type { Principal } from '../../../platform/http/auth.ts';
import { newId } from '../../../platform/ids.ts';
import { can, type IdentityModule } from '../../identity/index.ts';
import * as catalogRepo from '../catalog.repo.ts';
import { commerceError } from '../commerce.errors.ts';
import type { ReturnStatus } from '../commerce.tables.ts';
import * as ordersRepo from '../orders.repo.ts';
import type { OrdersService } from '../orders.service.ts';
import * as shipmentsRepo from '../shipments/shipments.repo.ts';
import { shippedByLine } from '../shipments/shipments.service.ts';
import type { ShippingService } from '../shipping/shipping.service.ts';
import * as repo from './returns.repo.ts';

export const RETURN_REASONS = [
  'damaged',
  'defective',
  'wrong_item',
  'not_as_described',
  'does_not_fit',
  'changed_mind',
  'arrived_late',
  'other',
] as const;
export type ReturnReason = (typeof RETURN_REASONS)[number];

export type ReturnsDeps = {
  db: Db;
  events: EventBus;
  identity: Pick<IdentityModule, 'orgs'>;
  orders: Pick<OrdersService, 'refund'>;
  shipping: Pick<ShippingService, 'rulesFor'>;
};

const DAY_MS = 86_400_000;

export function presentReturn(r: repo.ReturnRow, title: string) {
  return {
    id: r.id,
    orderId: r.order_id,
    line: r.line,
    title,
    quantity: r.quantity,
    reason: r.reason as ReturnReason,
    note: r.note,
    status: r.status,
    decisionNote: r.decision_note,
    refundMinor: r.refund_minor,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
  };
}

/** What the returned units cost the buyer: their share of the line after its discount, with tax added on top where it was. */
export function refundFor(
  order: ordersRepo.OrderRow,
  item: ordersRepo.OrderItemRow,
  quantity: number,
): number {
  const paid = item.unit_price_minor * item.quantity - item.discount_minor;
  const share = Math.round((paid * quantity) / item.quantity);
  const tax = order.tax_included ? 0 : Math.round((share * order.tax_rate_bp) / 10000);
  return Math.min(share + tax, order.total_minor - order.refunded_minor);
}

/**
 * Returns a buyer asks for on a delivered order line, within the brand's window; the brand approves or rejects
 * with a reason and marks the parcel received, which refunds through the order's refund path once.
 */
export function createReturnsService({ db, events, identity, orders, shipping }: ReturnsDeps) {
  const tx = <T>(fn: (trx: Executor) => Promise<T>) => events.transaction(db, fn);

  async function emit(
    trx: Executor,
    r: repo.ReturnRow,
    status: ReturnStatus,
    note: string | null,
    actorId: string,
  ) {
    const [item] = (await ordersRepo.itemsOf(trx, [r.order_id])).filter((i) => i.line === r.line);
    await events.emit(trx, 'return.updated', r.order_id, {
      returnId: r.id,
      orderId: r.order_id,
      orgId: r.org_id,
      buyerId: r.buyer_id,
      status,
      title: item?.title ?? '',
      note,
      actorId,
    });
  }

  async function present(rows: repo.ReturnRow[]) {
    const items = await ordersRepo.itemsOf(db, [...new Set(rows.map((r) => r.order_id))]);
    return rows.map((r) =>
      presentReturn(r, items.find((i) => i.order_id === r.order_id && i.line === r.line)?.title ?? ''),
    );
  }

  /** The return, for brand staff who may manage its orders; another brand's is not found. */
  async function staffReturn(principal: Principal, id: string) {
    const r = await repo.findReturn(db, id);
    if (!r || !can(principal, r.org_id, 'viewSales'))
      throw commerceError('return_not_found', 'Return not found');
    if (!can(principal, r.org_id, 'manageOrders'))
      throw commerceError('role_not_allowed', 'Your role cannot handle returns');
    return r;
  }

  async function step(
    principal: Principal,
    id: string,
    from: ReturnStatus[],
    to: ReturnStatus,
    note: string | null,
  ) {
    await staffReturn(principal, id);
    await tx(async (trx) => {
      const r = (await repo.lockReturn(trx, id))!;
      if (r.status === to) return; // a repeated click changes nothing
      if (!from.includes(r.status))
        throw commerceError('return_state', `A ${r.status} return cannot be ${to}`);
      await repo.updateReturn(trx, id, {
        status: to,
        decided_by: principal.userId,
        ...(note !== null ? { decision_note: note } : {}),
      });
      await emit(trx, r, to, note, principal.userId);
    });
  }

  return {
    presentFor: present,

    async request(
      principal: Principal,
      orderId: string,
      input: { line: number; quantity?: number; reason: ReturnReason; note?: string },
    ) {
      const order = await ordersRepo.findOrder(db, orderId);
      if (!order || order.buyer_id !== principal.userId)
        throw commerceError('order_not_found', 'Order not found');
      const item = (await ordersRepo.itemsOf(db, [orderId])).find((i) => i.line === input.line);
      if (!item)
        throw commerceError('invalid_return', 'The order has no such line', [
          { field: 'line', message: 'is not a line of this order' },
        ]);
      const quantity = input.quantity ?? item.quantity;
      if (quantity > item.quantity)
        throw commerceError('invalid_return', `Only ${item.quantity} of this item were bought`, [
          { field: 'quantity', message: `at most ${item.quantity}` },
        ]);
      const shipped = shippedByLine(await shipmentsRepo.shipmentItemsOf(db, [orderId])).get(input.line) ?? 0;
      if (order.status !== 'fulfilled' && shipped < quantity)
        throw commerceError('not_returnable', 'Only items that were delivered can be returned');
      const { returnWindowDays } = await shipping.rulesFor(order.org_id);
      const history = await ordersRepo.historyOf(db, [orderId]);
      const sentAt =
        history.find((h) => h.status === 'fulfilled' || h.status === 'shipped')?.at ?? order.created_at;
      if (Date.now() > sentAt.getTime() + returnWindowDays * DAY_MS)
        throw commerceError(
          'return_window_closed',
          `Returns are accepted within ${returnWindowDays} days; this window has closed`,
        );
      if ((await repo.returnsOf(db, [orderId])).some((r) => r.line === input.line))
        throw commerceError('already_returned', 'A return was already requested for this item');
      const id = newId();
      try {
        await tx(async (trx) => {
          await repo.insertReturn(trx, {
            id,
            org_id: order.org_id,
            order_id: orderId,
            buyer_id: principal.userId,
            line: input.line,
            quantity,
            reason: input.reason,
            note: input.note?.trim() ?? '',
            status: 'requested',
          });
          await emit(trx, (await repo.findReturn(trx, id))!, 'requested', null, principal.userId);
        });
      } catch (err) {
        if (isUniqueViolation(err))
          throw commerceError('already_returned', 'A return was already requested for this item');
        throw err;
      }
      return (await present([(await repo.findReturn(db, id))!]))[0];
    },

    async listForBrand(principal: Principal, orgHandle: string, status?: ReturnStatus) {
      const org = await identity.orgs.requireCapability(principal, orgHandle, 'viewSales');
      return { items: await present(await repo.listForOrg(db, org.id, status)) };
    },

    async approve(principal: Principal, id: string, note?: string) {
      await step(principal, id, ['requested'], 'approved', note?.trim() || null);
      return (await present([(await repo.findReturn(db, id))!]))[0];
    },

    async reject(principal: Principal, id: string, note: string) {
      await step(principal, id, ['requested', 'approved'], 'rejected', note.trim());
      return (await present([(await repo.findReturn(db, id))!]))[0];
    },

    /**
     * The parcel came back: marks it received, refunds the returned units through the order's refund path (its
     * key is the return's, so a retry or a race refunds once) and puts them back in stock.
     */
    async receive(principal: Principal, id: string) {
      const r = await staffReturn(principal, id);
      if (r.status === 'refunded') return (await present([r]))[0];
      await step(principal, id, ['approved'], 'received', null);
      const order = (await ordersRepo.findOrder(db, r.order_id))!;
      const item = (await ordersRepo.itemsOf(db, [r.order_id])).find((i) => i.line === r.line)!;
      const amount = refundFor(order, item, r.quantity);
      if (amount > 0) await orders.refund(principal, r.order_id, amount, `return:${r.id}`);
      await tx(async (trx) => {
        const locked = (await repo.lockReturn(trx, id))!;
        if (locked.status === 'refunded') return;
        const after = (await ordersRepo.findOrder(trx, r.order_id))!;
        // A full refund already put the whole order back in stock.
        if (after.status !== 'refunded') await catalogRepo.returnStock(trx, item.variant_id, r.quantity);
        await repo.updateReturn(trx, id, { status: 'refunded', refund_minor: amount });
        await emit(trx, locked, 'refunded', null, principal.userId);
      });
      return (await present([(await repo.findReturn(db, id))!]))[0];
    },
  };
}

export type ReturnsService = ReturnType<typeof createReturnsService>;

import type { Db, Executor } from '../../platform/db/database.ts';
import type { EventBus } from '../../platform/events/outbox.ts';
import type { Principal } from '../../platform/http/auth.ts';
import { decodeCursor, encodeCursor, UUID_PATTERN } from '../../platform/http/pagination.ts';
import { can, type IdentityModule, presentSummary } from '../identity/index.ts';
import * as catalogRepo from './catalog.repo.ts';
import { commerceError } from './commerce.errors.ts';
import type { OrderStatus } from './commerce.tables.ts';
import * as dealsRepo from './deals.repo.ts';
import * as discountsRepo from './discounts/discounts.repo.ts';
import * as repo from './orders.repo.ts';
import type { PaymentOutcome, PaymentProvider } from './payments/payment-provider.ts';
import * as returnsRepo from './returns/returns.repo.ts';
import { presentReturn } from './returns/returns.service.ts';
import { presentShipments } from './shipments/shipments.service.ts';

export type OrdersDeps = {
  db: Db;
  events: EventBus;
  identity: Pick<IdentityModule, 'accounts' | 'orgs'>;
  payments: PaymentProvider;
};

const ref = (o: repo.OrderRow) => ({
  orderId: o.id,
  orgId: o.org_id,
  buyerId: o.buyer_id,
  totalMinor: o.total_minor,
  currency: o.currency,
});

/** The order lifecycle after checkout: payment outcomes, fulfilment, cancellation, refunds, expiry. */
export function createOrdersService({ db, events, identity, payments }: OrdersDeps) {
  const tx = <T>(fn: (trx: Executor) => Promise<T>) => events.transaction(db, fn);

  /** Gives back stock and deal units; runs inside the transaction that cancels or fully refunds. */
  async function release(trx: Executor, order: repo.OrderRow) {
    const items = await repo.itemsOf(trx, [order.id]);
    for (const item of items) await catalogRepo.returnStock(trx, item.variant_id, item.quantity);
    if (order.deal_id) {
      const [deal] = await dealsRepo.findDeals(trx, [order.deal_id]);
      const units =
        deal && (deal.type === 'bundle' || deal.type === 'free_addon')
          ? items[0].quantity
          : items.reduce((s, i) => s + i.quantity, 0);
      await dealsRepo.releaseDeal(trx, order.deal_id, order.buyer_id, units);
    }
  }

  async function markPaid(orderId: string, paymentRef: string) {
    const late = await tx(async (trx) => {
      const order = await repo.lockOrder(trx, orderId);
      // A payment that lands after the order was cancelled (its hold expired, its deal ended) goes back at once;
      // the fixed key records that refund once however often the confirmation is repeated.
      if (order?.status === 'cancelled' && order.refunded_minor < order.total_minor) {
        const amount = order.total_minor - order.refunded_minor;
        if (
          !(await repo.addHistory(trx, {
            order_id: orderId,
            status: 'refund',
            actor_id: null,
            note: 'payment arrived after the order was cancelled',
            amount_minor: amount,
            idempotency_key: 'late-payment-refund',
          }))
        )
          return 0;
        await repo.setStatus(trx, orderId, 'cancelled', { refunded_minor: order.total_minor });
        await events.emit(trx, 'order.refunded', orderId, { ...ref(order), amountMinor: amount, full: true });
        return amount;
      }
      if (order?.status !== 'pending') return 0; // already settled: a repeated confirmation changes nothing
      await repo.setStatus(trx, orderId, 'paid', { payment_ref: paymentRef, expires_at: null });
      await repo.addHistory(trx, {
        order_id: orderId,
        status: 'paid',
        actor_id: null,
        note: `payment ${paymentRef}`,
      });
      await events.emit(trx, 'order.paid', orderId, ref(order));
      return 0;
    });
    if (late > 0) await payments.refund(paymentRef, late);
  }

  async function cancel(
    orderId: string,
    actorId: string | null,
    reason: string,
    allowed: OrderStatus[] = ['pending', 'paid'],
  ) {
    // The row lock serializes racing cancels: only the first finds the order paid, so one refund is recorded.
    const refund = await tx(async (trx) => {
      const order = await repo.lockOrder(trx, orderId);
      if (!order) throw commerceError('order_not_found', 'Order not found');
      if (order.status === 'cancelled') return null;
      if (!allowed.includes(order.status))
        throw commerceError('not_cancellable', `A ${order.status} order cannot be cancelled`);
      await release(trx, order);
      // A code held by an order that was never paid is given back; a paid order used it.
      if (order.status === 'pending') await discountsRepo.releaseRedemption(trx, orderId);
      const paid = order.status === 'paid';
      const amount = paid ? order.total_minor - order.refunded_minor : 0;
      await repo.setStatus(trx, orderId, 'cancelled', {
        expires_at: null,
        ...(amount > 0 ? { refunded_minor: order.total_minor } : {}),
      });
      await repo.addHistory(trx, { order_id: orderId, status: 'cancelled', actor_id: actorId, note: reason });
      await events.emit(trx, 'order.cancelled', orderId, { ...ref(order), reason, actorId });
      if (amount <= 0 || !order.payment_ref) return null;
      // The full amount goes back to the card; the fixed key makes a second record impossible.
      await repo.addHistory(trx, {
        order_id: orderId,
        status: 'refund',
        actor_id: actorId,
        note: 'refunded on cancellation',
        amount_minor: amount,
        idempotency_key: 'cancellation-refund',
      });
      await events.emit(trx, 'order.refunded', orderId, { ...ref(order), amountMinor: amount, full: true });
      return { paymentRef: order.payment_ref, amount };
    });
    if (refund) await payments.refund(refund.paymentRef, refund.amount);
  }

  async function staffOrBuyer(principal: Principal, orderId: string) {
    const order = await repo.findOrder(db, orderId);
    if (!order || (order.buyer_id !== principal.userId && !can(principal, order.org_id, 'viewSales')))
      throw commerceError('order_not_found', 'Order not found');
    return order;
  }

  type HistoryRow = Pick<
    repo.OrderHistoryRow,
    'order_id' | 'status' | 'actor_id' | 'note' | 'amount_minor' | 'at'
  >;

  /** Orders as their buyer or the brand sees them; items and history are loaded unless the caller has them. */
  async function present(
    orders: repo.OrderRow[],
    known?: { items: repo.OrderItemRow[]; history: HistoryRow[] },
  ) {
    const ids = orders.map((o) => o.id);
    const [items, history, shipments, returns] = await Promise.all([
      known ? known.items : repo.itemsOf(db, ids),
      known ? known.history : repo.historyOf(db, ids),
      known ? [] : presentShipments(db, ids), // an order just placed has no parcel yet
      known ? [] : returnsRepo.returnsOf(db, ids),
    ]);
    const accountIds = new Set(
      orders.flatMap((o) => [
        o.org_id,
        o.buyer_id,
        ...o.attribution_chain,
        ...(o.attribution_referrer_id ? [o.attribution_referrer_id] : []),
      ]),
    );
    for (const h of history) if (h.actor_id) accountIds.add(h.actor_id);
    const accounts = new Map(
      (await identity.accounts.byIds([...accountIds])).map((a) => [a.id, presentSummary(a)]),
    );
    return orders.map((o) => ({
      id: o.id,
      org: accounts.get(o.org_id) ?? null,
      buyer: accounts.get(o.buyer_id) ?? null,
      status: o.status,
      currency: o.currency,
      // Orders from before the breakdown was kept: their total was the items.
      itemsMinor: o.items_minor ?? o.total_minor,
      discountMinor: o.discount_minor,
      discountCode: o.discount_code,
      shippingMinor: o.shipping_minor,
      taxMinor: o.tax_minor,
      taxRateBp: o.tax_rate_bp,
      taxIncluded: o.tax_included,
      totalMinor: o.total_minor,
      refundedMinor: o.refunded_minor,
      dealId: o.deal_id,
      items: items
        .filter((i) => i.order_id === o.id)
        .map((i) => ({
          line: i.line,
          productId: i.product_id,
          variantId: i.variant_id,
          title: i.title,
          sku: i.sku,
          quantity: i.quantity,
          unitPriceMinor: i.unit_price_minor,
          discountMinor: i.discount_minor,
        })),
      shippingAddress: o.shipping_address,
      shipments: shipments.filter((s) => s.orderId === o.id).map(({ orderId: _, ...s }) => s),
      returns: returns
        .filter((r) => r.order_id === o.id)
        .map((r) =>
          presentReturn(r, items.find((i) => i.order_id === o.id && i.line === r.line)?.title ?? ''),
        ),
      attribution: {
        kind: o.attribution_kind,
        postId: o.attribution_post_id,
        chain: o.attribution_chain.flatMap((id) => (accounts.has(id) ? [accounts.get(id)!] : [])),
        referrer: o.attribution_referrer_id ? (accounts.get(o.attribution_referrer_id) ?? null) : null,
      },
      history: history
        .filter((h) => h.order_id === o.id)
        .map((h) => ({
          status: h.status,
          at: h.at.toISOString(),
          actor: h.actor_id ? (accounts.get(h.actor_id) ?? null) : null,
          note: h.note,
          amountMinor: h.amount_minor,
        })),
      createdAt: o.created_at.toISOString(),
      expiresAt: o.status === 'pending' && o.expires_at ? o.expires_at.toISOString() : null,
    }));
  }

  return {
    present,
    markPaid,

    /** Cancels an order still waiting for its payment (a no-op once it is paid or cancelled), releasing its hold. */
    async cancelUnpaid(orderId: string, actorId: string | null, reason: string) {
      await cancel(orderId, actorId, reason, ['pending']).catch((err: unknown) => {
        if ((err as { code?: string }).code !== 'not_cancellable') throw err;
      });
    },

    async get(principal: Principal, orderId: string) {
      return (await present([await staffOrBuyer(principal, orderId)]))[0];
    },

    /** A provider's asynchronous verdict (webhook), applied at most once. */
    async confirm(outcome: PaymentOutcome) {
      const order = await repo.findByPaymentRef(db, outcome.providerRef);
      if (!order) throw commerceError('payment_not_found', 'Payment not found');
      if (outcome.status === 'succeeded') await markPaid(order.id, outcome.providerRef);
      else if (order.status === 'pending')
        await cancel(order.id, null, `payment failed: ${outcome.reason ?? 'unknown'}`, ['pending']);
    },

    async cancelByUser(principal: Principal, orderId: string) {
      const order = await staffOrBuyer(principal, orderId);
      if (order.buyer_id !== principal.userId && !can(principal, order.org_id, 'manageOrders'))
        throw commerceError('role_not_allowed', 'Your role cannot cancel orders');
      await cancel(
        orderId,
        principal.userId,
        order.buyer_id === principal.userId ? 'cancelled by the customer' : 'cancelled by the brand',
      );
    },

    async fulfil(principal: Principal, orderId: string) {
      const order = await staffOrBuyer(principal, orderId);
      if (!can(principal, order.org_id, 'manageOrders'))
        throw commerceError('role_not_allowed', 'Your role cannot fulfil orders');
      await tx(async (trx) => {
        const locked = (await repo.lockOrder(trx, orderId))!;
        if (locked.status === 'fulfilled') return;
        if (locked.status !== 'paid')
          throw commerceError('not_fulfillable', `A ${locked.status} order cannot be fulfilled`);
        await repo.setStatus(trx, orderId, 'fulfilled');
        await repo.addHistory(trx, { order_id: orderId, status: 'fulfilled', actor_id: principal.userId });
        await events.emit(trx, 'order.fulfilled', orderId, ref(locked));
      });
    },

    /** Full or partial refund, once per Idempotency-Key; a full refund returns the stock. */
    async refund(principal: Principal, orderId: string, amountMinor: number | undefined, key: string) {
      const order = await staffOrBuyer(principal, orderId);
      if (!can(principal, order.org_id, 'manageOrders'))
        throw commerceError('role_not_allowed', 'Your role cannot refund orders');
      const refundAmount = await tx(async (trx) => {
        const locked = (await repo.lockOrder(trx, orderId))!;
        const remaining = locked.total_minor - locked.refunded_minor;
        const amount = amountMinor ?? remaining;
        if (
          !(await repo.addHistory(trx, {
            order_id: orderId,
            status: 'refund',
            actor_id: principal.userId,
            amount_minor: amount,
            idempotency_key: key,
          }))
        )
          return 0;
        if (locked.status !== 'paid' && locked.status !== 'fulfilled')
          throw commerceError('not_refundable', `A ${locked.status} order cannot be refunded`);
        if (amount <= 0 || amount > remaining) {
          throw commerceError('refund_exceeds_total', `At most ${remaining} can still be refunded`, [
            { field: 'amountMinor', message: `must be between 1 and ${remaining}` },
          ]);
        }
        const full = amount === remaining;
        if (full) await release(trx, locked);
        await repo.setStatus(trx, orderId, full ? 'refunded' : locked.status, {
          refunded_minor: locked.refunded_minor + amount,
        });
        await events.emit(trx, 'order.refunded', orderId, { ...ref(locked), amountMinor: amount, full });
        return amount;
      });
      if (refundAmount > 0 && order.payment_ref) await payments.refund(order.payment_ref, refundAmount);
    },

    async list(
      principal: Principal,
      scope: { orgHandle?: string; status?: OrderStatus; dealId?: string },
      page: { cursor?: string; limit?: number },
    ) {
      const limit = page.limit ?? 20;
      let filter: Parameters<typeof repo.listOrders>[1] = { buyerId: principal.userId };
      if (scope.orgHandle) {
        const org = await identity.orgs.requireCapability(principal, scope.orgHandle, 'viewSales');
        filter = { orgId: org.id, status: scope.status, dealId: scope.dealId };
      }
      const rows = await repo.listOrders(db, filter, decodeCursor(page.cursor, UUID_PATTERN), limit);
      const items = rows.slice(0, limit);
      return {
        items: await present(items),
        nextCursor: rows.length > limit ? encodeCursor(items[items.length - 1].id) : null,
      };
    },

    /** Cancels pending orders whose payment never arrived, returning their stock. */
    async expireReservations(limit = 50): Promise<number> {
      const expired = await repo.findExpired(db, limit);
      for (const { id } of expired) await cancel(id, null, 'payment timed out', ['pending']).catch(() => {});
      return expired.length;
    },
  };
}

export type OrdersService = ReturnType<typeof createOrdersService>;

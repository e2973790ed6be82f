import type { FastifyInstance } from 'fastify';
import type { Db, Executor } from '../../platform/db/database.ts';
import type { EventBus } from '../../platform/events/outbox.ts';
import type { IdentityModule } from '../identity/index.ts';
import type { MediaModule } from '../media/index.ts';
import type { SocialModule } from '../social/index.ts';
import * as advocacyRepo from './advocacy.repo.ts';
import { catalogRoutes } from './catalog.routes.ts';
import { createCatalogService } from './catalog.service.ts';
import { createCheckoutService } from './checkout.service.ts';
import { DealCard, Order, Product } from './commerce.schemas.ts';
import { salesInPeriod } from './dashboard.repo.ts';
import { createDashboardService } from './dashboard.service.ts';
import type { AudienceResolver, AudienceSlot } from './deal-audience.ts';
import { dealEditRoutes } from './deal-edits/deal-edits.routes.ts';
import { createDealEditsService } from './deal-edits/deal-edits.service.ts';
import { dealRoutes } from './deals.routes.ts';
import { createDealsService } from './deals.service.ts';
import { DiscountCode, discountRoutes } from './discounts/discounts.routes.ts';
import { createDiscountsService } from './discounts/discounts.service.ts';
import { friendsBoughtRoutes } from './friends-bought.routes.ts';
import { createFriendsBoughtService } from './friends-bought.service.ts';
import { lifetimeValue } from './lifetime-value.ts';
import * as ordersRepo from './orders.repo.ts';
import { orderRoutes, paymentRoutes, shopperRoutes } from './orders.routes.ts';
import { createOrdersService } from './orders.service.ts';
import type { PaymentProvider } from './payments/payment-provider.ts';
import { createCommercePersonalData } from './personal-data.service.ts';
import { priceQuote, type QuoteLineInput } from './quotes.ts';
import { OrderReturn, returnRoutes } from './returns/returns.routes.ts';
import { createReturnsService } from './returns/returns.service.ts';
import * as ledgerRepo from './sales-ledger.repo.ts';
import { shipmentRoutes } from './shipments/shipments.routes.ts';
import { createShipmentsService } from './shipments/shipments.service.ts';
import { ShippingRules, shippingRoutes } from './shipping/shipping.routes.ts';
import { createShippingService } from './shipping/shipping.service.ts';
import { createShopperService } from './shopper.service.ts';

export type { BuyerFacts, ReferralFacts, ReshareSale } from './advocacy.repo.ts';
export { formatMoney } from './channel-guard.ts';
export type { AcceptedQuote } from './checkout.service.ts';
export { AddressBody, DealBody, IdempotencyHeaders } from './commerce.schemas.ts';
export type { AudienceRef, AudienceResolver } from './deal-audience.ts';
export type { ApprovedDraft, DealInput } from './deals.service.ts';
export { type LifetimeValueEstimate, lifetimeValue } from './lifetime-value.ts';
export type { PaymentProvider } from './payments/payment-provider.ts';
export { createTestProvider, signBody, TEST_CARDS } from './payments/test-provider.ts';
export type { PricedQuote, PricedQuoteLine, QuoteLineInput } from './quotes.ts';
export type { LedgerOrder } from './sales-ledger.repo.ts';

export type CommerceDeps = {
  db: Db;
  events: EventBus;
  identity: IdentityModule;
  social: SocialModule;
  media: Pick<MediaModule, 'attachments'>;
  payments: PaymentProvider;
  /** How long an unpaid order holds its stock (default 15 minutes). */
  reservationSeconds?: number;
};

/** Catalog, deals with the channel guard, checkout, orders, payments and sales attribution. */
export function createCommerceModule(deps: CommerceDeps) {
  const audiences: AudienceSlot = {};
  const catalog = createCatalogService({ ...deps, audiences });
  const friends = createFriendsBoughtService(deps);
  const deals = createDealsService({ ...deps, catalog, audiences, friends });
  const orders = createOrdersService(deps);
  const shipping = createShippingService(deps);
  const module = {
    catalog,
    /** The person's orders and addresses, for their data export and account closing. */
    personalData: createCommercePersonalData(deps.db),
    payments: deps.payments,
    deals,
    /** Purchase sharing and "people you follow bought this". */
    friends,
    dealEdits: createDealEditsService({ ...deps, catalog, deals, orders }),
    checkout: createCheckoutService({
      ...deps,
      audiences,
      shipping,
      reservationSeconds: deps.reservationSeconds ?? 900,
    }),
    /** Plugs in who is in a deal's `segment:<id>` or `tier:<key>` audience (the advocates module's groups). */
    plugAudiences(resolver: AudienceResolver) {
      audiences.resolver = resolver;
    },
    discounts: createDiscountsService(deps),
    shipping,
    returns: createReturnsService({ ...deps, orders, shipping }),
    orders,
    /** Checks and prices a brand's quote against its catalog and the channel guard (for pitches). */
    quotes: {
      price: (orgId: string, lines: QuoteLineInput[]) => priceQuote(deps.db, orgId, lines),
      /** The brand's variants on sale with list price, reseller floor and exclusivity (all, or the ids given). */
      pricing: (orgId: string, variantIds?: string[]) =>
        ledgerRepo.variantPricing(deps.db, orgId, variantIds),
    },
    /** The brand's revenue orders created in [from, to) with their attribution (post, referrer), for sales credit. */
    ledger: (orgId: string, from: Date, to: Date) => ledgerRepo.ledgerOrders(deps.db, orgId, from, to),
    shipments: createShipmentsService(deps),
    shopper: createShopperService({ ...deps, catalog }),
    dashboard: createDashboardService(deps),
    /** Orders placed in a period and their revenue by attribution (own post, reshare, referral, direct). */
    salesInPeriod: async (orgId: string, from: Date, to: Date) =>
      (await salesInPeriod(deps.db, orgId, from, to)).map((r) => ({
        kind: r.kind,
        orders: r.orders,
        revenueMinor: r.revenue,
        currency: r.currency,
      })),
    schemas: [Product, DealCard, Order, DiscountCode, ShippingRules, OrderReturn],
    /** A brand's buyers, referral outcomes and reshare-attributed sales, for background advocacy jobs. */
    advocacy: {
      buyers: (orgId: string) => advocacyRepo.buyerFacts(deps.db, orgId),
      referrals: (orgId: string) => advocacyRepo.referralFacts(deps.db, orgId),
      reshareSales: (orgId: string) => advocacyRepo.reshareSales(deps.db, orgId),
      /** One order's attribution, whether it was the buyer's first with the brand and ships to `referrerId`. */
      orderFacts: (orderId: string, referrerId: string | null, executor: Executor = deps.db) =>
        advocacyRepo.orderReferralFacts(executor, orderId, referrerId),
      /** What one order is credited to (kind, post clicked, reshare chain, referrer); `executor` for handlers. */
      attributionOf: (orderId: string, executor: Executor = deps.db) =>
        advocacyRepo.orderAttribution(executor, orderId),
      /** The brand's orders by id with their value now (net of refunds) and status. */
      ordersNow: (orgId: string, orderIds: string[]) => ledgerRepo.ordersNow(deps.db, orgId, orderIds),
    },
    /**
     * A customer's orders and spend with one brand, with lifetime value and the newest orders (up to 10);
     * `executor` for event handlers.
     */
    async customerSummary(orgId: string, customerId: string, executor: Executor = deps.db) {
      const s = await ordersRepo.customerSummary(executor, orgId, customerId);
      const recent = await ordersRepo.listOrders(executor, { orgId, buyerId: customerId }, undefined, 10);
      const value = lifetimeValue({
        orders: s.orders,
        spendMinor: s.spend,
        firstAt: s.first_at,
        lastAt: s.last_at,
      });
      return {
        orders: s.orders,
        spendMinor: s.spend,
        currency: s.currency,
        dealIds: s.deal_ids ?? [],
        lastOrderId: s.last_order_id,
        firstOrderAt: s.first_at,
        lastOrderAt: s.last_at,
        lifetimeValue: value,
        recentOrders: recent.slice(0, 10).map((o) => ({
          id: o.id,
          status: o.status,
          totalMinor: o.total_minor,
          refundedMinor: o.refunded_minor,
          currency: o.currency,
          createdAt: o.created_at,
        })),
      };
    },
    /** The lines of an order (product, quantity, unit price), for modules that attribute sales; `executor` for handlers. */
    async orderLines(orderId: string, executor: Executor = deps.db) {
      return (await ordersRepo.itemsOf(executor, [orderId])).map((i) => ({
        productId: i.product_id,
        quantity: i.quantity,
        unitPriceMinor: i.unit_price_minor,
      }));
    },
    routes: async (app: FastifyInstance) => {
      await app.register(catalogRoutes(module));
      await app.register(dealRoutes(module));
      await app.register(dealEditRoutes(module.dealEdits));
      await app.register(orderRoutes(module));
      await app.register(shipmentRoutes(module.shipments, module.orders));
      await app.register(shopperRoutes(module));
      await app.register(discountRoutes(module.discounts));
      await app.register(shippingRoutes(module.shipping));
      await app.register(returnRoutes(module.returns));
      await app.register(paymentRoutes(module));
      await app.register(friendsBoughtRoutes(friends));
    },
  };
  return module;
}

export type CommerceModule = ReturnType<typeof createCommerceModule>;
/** A minor-unit amount as a decimal string in its currency's digits. */
export { formatDecimal } from './money.ts';

import { createHash } from 'node:crypto';
import type { Db } from '../../platform/db/database.ts';
import { groupBatcher } from '../../platform/db/group-batcher.ts';
import type { AppError } from '../../platform/errors.ts';
import type { EventBus } from '../../platform/events/outbox.ts';
import type { Principal } from '../../platform/http/auth.ts';
import { httpError } from '../../platform/http/http.errors.ts';
import { INT4_MAX } from '../../platform/http/schemas.ts';
import { newId } from '../../platform/ids.ts';
import { TtlCache } from '../../platform/ttl-cache.ts';
import { can, type IdentityModule } from '../identity/index.ts';
import type { SocialModule } from '../social/index.ts';
import { checkAddress } from './address-rules.ts';
import * as catalogRepo from './catalog.repo.ts';
import { dealPrices, formatMoney, type GuardItem } from './channel-guard.ts';
import { commerceError } from './commerce.errors.ts';
import type { Address } from './commerce.tables.ts';
import { type AudienceSlot, pluggedAudience } from './deal-audience.ts';
import * as dealsRepo from './deals.repo.ts';
import {
  allocateDiscount,
  appliesTo,
  type Breakdown,
  breakdown,
  discountViolations,
  type PricedLine,
} from './discounts/discount-pricing.ts';
import * as discountsRepo from './discounts/discounts.repo.ts';
import { normalizeCode } from './discounts/discounts.service.ts';
import { currencyMismatch } from './money.ts';
import * as repo from './orders.repo.ts';
import type { PaymentProvider } from './payments/payment-provider.ts';
import type { ShippingService } from './shipping/shipping.service.ts';

export type CheckoutInput = {
  dealId?: string;
  items: { variantId: string; quantity: number }[];
  shippingAddressId?: string;
  shippingAddress?: Omit<Address, 'line2'> & { line2?: string };
  expectedTotalMinor?: number;
  currency?: string;
  /** A discount code of the brand, any case. */
  discountCode?: string;
  source?: { postId?: string; ref?: string };
  card: { number: string };
};

export type CheckoutDeps = {
  db: Db;
  events: EventBus;
  identity: Pick<IdentityModule, 'accounts'>;
  social: Pick<SocialModule, 'reads' | 'follows'>;
  payments: PaymentProvider;
  shipping: Pick<ShippingService, 'rulesFor'>;
  /** How long a pending order holds its stock while the payment settles. */
  reservationSeconds: number;
  audiences: AudienceSlot;
};

/**
 * A brand's quote the buyer accepted: the unit price of each quoted variant. Only other modules pass one (an awarded
 * pitch); the checkout route never does, so a buyer cannot name their own price.
 */
export type AcceptedQuote = { orgId: string; unitPrices: Map<string, number> };

/**
 * An order line as written, with the list price and the Insiders-only audience the buyer was checked against:
 * the write refuses the line when either changed since.
 */
type Line = Omit<repo.OrderItemRow, 'order_id'> & { list_price_minor: number; audience: string | null };
type Priced = {
  orgId: string;
  currency: string;
  lines: Line[];
  total: number;
  dealUnits: number;
  /** The buyer is in the deal's early group and its early window is open. */
  dealEarly: boolean;
  breakdown: Breakdown;
  discount: { codeId: string; code: string } | null;
};

type UnprocessableCode =
  | 'duplicate_item'
  | 'unknown_product'
  | 'product_unavailable'
  | 'mixed_brands'
  | 'mixed_currencies'
  | 'not_in_deal'
  | 'incomplete_bundle'
  | 'address_required'
  | 'unknown_address'
  | 'idempotency_key_reused'
  | 'not_in_quote';

const unprocessable = (code: UnprocessableCode, message: string, field?: string) =>
  commerceError(code, message, field ? [{ field, message }] : []);

/** The same request body always hashes the same, so a replayed Idempotency-Key can be told from a reused one. */
const hashBody = (input: CheckoutInput, quote?: AcceptedQuote) =>
  createHash('sha256')
    .update(JSON.stringify({ ...input, card: undefined, quote: quote && [...quote.unitPrices] }))
    .digest('hex');

export function createCheckoutService(deps: CheckoutDeps) {
  const { db, identity, social } = deps;
  // Checkouts arriving together share one precheck statement and one order write (BENCHMARKS.md, flash deal).
  const precheckOf = groupBatcher((checks: Parameters<typeof repo.checkoutPrechecks>[1]) =>
    repo.checkoutPrechecks(db, checks),
  );
  const writeOrder = groupBatcher((payloads: Record<string, unknown>[]) => repo.placeOrders(db, payloads));
  // Catalog facts for pricing, briefly cached: the order write re-checks every list price it relied on, and
  // deal terms never change once published (their window, cap and limits are checked by the write itself).
  const variantCache = new TtlCache<{ variant: catalogRepo.VariantRow; product: catalogRepo.ProductRow }>(
    2000,
  );
  const dealCache = new TtlCache<{
    deal: dealsRepo.DealRow;
    items: { product_id: string; role: 'main' | 'addon' }[];
  }>(2000);

  function catalogSnapshot(variantIds: string[]) {
    return variantCache.getMany(variantIds, async (missing) => {
      const variants = await catalogRepo.findVariants(db, missing);
      const products = new Map(
        (await catalogRepo.findProductsByIds(db, [...new Set(variants.map((v) => v.product_id))])).map(
          (p) => [p.id, p],
        ),
      );
      return new Map(
        variants.flatMap((v) =>
          products.has(v.product_id)
            ? [[v.id, { variant: v, product: products.get(v.product_id)! }] as const]
            : [],
        ),
      );
    });
  }

  async function dealSnapshot(dealId: string) {
    const found = await dealCache.getMany([dealId], async (missing) => {
      const [deal] = await dealsRepo.findDeals(db, missing);
      if (!deal) return new Map();
      return new Map([[deal.id, { deal, items: await dealsRepo.dealItems(db, [deal.id]) }]]);
    });
    return found.get(dealId);
  }

  /**
   * Insiders-only products: the buyer must be in the product's tier (or above) or segment, as for a deal's audience;
   * the brand's own sales staff may buy for a customer. The order write re-checks that the product's audience is
   * still the one checked here.
   */
  async function checkInsiders(
    principal: Principal,
    orgId: string,
    lines: { product: catalogRepo.ProductRow }[],
  ) {
    if (can(principal, orgId, 'viewSales')) return;
    for (const [index, { product }] of lines.entries()) {
      const group = pluggedAudience(product.audience);
      if (!group || (await deps.audiences.resolver?.includes(orgId, group, principal.userId))) continue;
      throw insidersOnly(product, (await deps.audiences.resolver?.label(orgId, group)) ?? group.id, index);
    }
  }

  /** Prices the lines: list price, or the deal's price for the deal's products. All reads, before any lock. */
  async function price(
    principal: Principal,
    input: CheckoutInput,
    country: string | null,
    quote?: AcceptedQuote,
  ): Promise<Priced> {
    const snapshot = await catalogSnapshot(input.items.map((i) => i.variantId));
    const variants = [...snapshot.values()].map((e) => e.variant);
    const products = new Map([...snapshot.values()].map((e) => [e.product.id, e.product]));
    if (new Set(input.items.map((i) => i.variantId)).size !== input.items.length)
      throw unprocessable(
        'duplicate_item',
        'Each variant may appear once; raise its quantity instead',
        'items',
      );
    const lines = input.items.map((item, index) => {
      const variant = variants.find((v) => v.id === item.variantId);
      const product = variant && products.get(variant.product_id);
      if (!variant || !product)
        throw unprocessable(
          'unknown_product',
          `No product variant ${item.variantId}`,
          `items[${index}].variantId`,
        );
      if (product.archived_at)
        throw unprocessable(
          'product_unavailable',
          `"${product.title}" is no longer sold`,
          `items[${index}].variantId`,
        );
      return { variant, product, quantity: item.quantity };
    });
    const orgId = lines[0].product.org_id;
    const currency = lines[0].product.currency;
    if (lines.some((l) => l.product.org_id !== orgId))
      throw unprocessable(
        'mixed_brands',
        'One order buys from one brand; check out each brand separately',
        'items',
      );
    if (lines.some((l) => l.product.currency !== currency))
      throw unprocessable('mixed_currencies', 'Items are priced in different currencies', 'items');
    if (input.currency && input.currency !== currency) throw currencyMismatch(currency, input.currency);
    await checkInsiders(principal, orgId, lines);
    if (quote && (quote.orgId !== orgId || lines.some((l) => !quote.unitPrices.has(l.variant.id))))
      throw unprocessable('not_in_quote', 'Every item must be a line of the accepted quote', 'items');
    // The channel guard still applies at checkout: a floor raised since the quote was made wins.
    const belowFloor = quote
      ? lines.find(
          (l) =>
            !l.product.exclusive &&
            l.product.reseller_floor_minor !== null &&
            quote.unitPrices.get(l.variant.id)! < l.product.reseller_floor_minor,
        )
      : undefined;
    if (belowFloor)
      throw commerceError(
        'channel_guard',
        `"${belowFloor.product.title}" may not be sold below its reseller floor; ask the brand for a new quote`,
      );

    let unitPrice = (productId: string) => products.get(productId)!.price_minor;
    let dealUnits = 0;
    let dealEarly = false;
    if (input.dealId) {
      const cached = await dealSnapshot(input.dealId);
      if (!cached) throw commerceError('deal_not_found', 'Deal not found');
      const { deal, items: dealItems } = cached;
      if (deal.org_id !== orgId)
        throw unprocessable('not_in_deal', 'These items are not part of this deal', 'items');
      const inDeal = new Set(dealItems.map((i) => i.product_id));
      lines.forEach((l, index) => {
        if (!inDeal.has(l.product.id))
          throw unprocessable(
            'not_in_deal',
            `"${l.product.title}" is not part of this deal`,
            `items[${index}].variantId`,
          );
      });
      if (deal.type === 'bundle' || deal.type === 'free_addon') {
        const quantities = new Set(lines.map((l) => l.quantity));
        if (lines.length !== inDeal.size || quantities.size !== 1) {
          throw unprocessable(
            'incomplete_bundle',
            'A bundle or add-on deal is bought whole: one variant of every product, in equal quantities',
            'items',
          );
        }
        dealUnits = lines[0].quantity;
      } else {
        dealUnits = lines.reduce((sum, l) => sum + l.quantity, 0);
      }
      if (
        deal.audience === 'followers' &&
        !(await social.follows.isFollowing(principal.userId, orgId)) &&
        !can(principal, orgId, 'viewSales')
      ) {
        throw commerceError('followers_only', 'This deal is for followers: follow the brand to buy it');
      }
      const group = pluggedAudience(deal.audience);
      if (
        group &&
        !can(principal, orgId, 'viewSales') &&
        !(await deps.audiences.resolver?.includes(orgId, group, principal.userId))
      ) {
        throw commerceError('segment_only', 'This deal is for a selected group of the brand’s advocates');
      }
      // Inside the early window, the early group may buy; the checkout batch refuses everyone else until the start.
      const earlyGroup = pluggedAudience(deal.early_audience);
      const nowMs = Date.now();
      dealEarly =
        earlyGroup !== null &&
        deal.early_starts_at !== null &&
        deal.early_starts_at.getTime() <= nowMs &&
        nowMs < deal.starts_at.getTime() &&
        ((await deps.audiences.resolver?.includes(orgId, earlyGroup, principal.userId)) ?? false);
      const guardItems: GuardItem[] = dealItems.map((i) => {
        const p = products.get(i.product_id) ?? {
          price_minor: 0,
          title: '',
          reseller_floor_minor: null,
          exclusive: false,
        };
        return {
          productId: i.product_id,
          title: p.title,
          priceMinor: p.price_minor,
          floorMinor: p.reseller_floor_minor,
          exclusive: p.exclusive,
          role: i.role,
        };
      });
      const prices = dealPrices(
        { type: deal.type, percentOff: deal.percent_off, valueMinor: deal.value_minor },
        guardItems,
      );
      unitPrice = (productId: string) => prices.get(productId) ?? products.get(productId)!.price_minor;
    }
    const priced = lines.map((l, line) => ({
      line,
      product_id: l.product.id,
      variant_id: l.variant.id,
      title: l.variant.name ? `${l.product.title} (${l.variant.name})` : l.product.title,
      sku: l.variant.sku,
      quantity: l.quantity,
      unit_price_minor: quote?.unitPrices.get(l.variant.id) ?? unitPrice(l.product.id),
      list_price_minor: l.product.price_minor,
      audience: l.product.audience,
      discount_minor: 0,
    }));
    const itemsMinor = priced.reduce((sum, l) => sum + l.unit_price_minor * l.quantity, 0);
    if (itemsMinor > INT4_MAX) throw tooBig();
    const discount = input.discountCode
      ? await applyCode(principal, input, orgId, currency, itemsMinor, priced, (id) => products.get(id)!)
      : null;
    const discountMinor = priced.reduce((sum, l) => sum + l.discount_minor, 0);
    const rules = await deps.shipping.rulesFor(orgId);
    const zone = country ? rules.zones.find((z) => z.countries.includes(country)) : undefined;
    if (country && !zone && rules.zones.length > 0)
      throw commerceError('no_shipping_to_country', `The brand does not ship to ${countryName(country)}`, [
        { field: 'shippingAddress.country', message: `no shipping to ${country}` },
      ]).withDetails({ country });
    const bd = breakdown({
      itemsMinor,
      discountMinor,
      zone: zone ?? null,
      taxRateBp: country ? (rules.taxRates.find((r) => r.country === country)?.rateBp ?? 0) : 0,
      taxIncluded: rules.pricesIncludeTax,
    });
    const total = bd.totalMinor;
    // Refused before charging, and before it could fail the whole batch of orders in the database.
    if (total > INT4_MAX) throw tooBig();
    if (input.expectedTotalMinor !== undefined && input.expectedTotalMinor !== total) {
      throw commerceError(
        'price_changed',
        `The price changed since it was shown: the total is now ${total} (minor units of ${currency})`,
      ).withDetails({ totalMinor: total, currency });
    }
    return { orgId, currency, lines: priced, total, dealUnits, dealEarly, breakdown: bd, discount };
  }

  /**
   * Checks a discount code against the order and sets each line's share of it. The write re-checks the code's
   * window and its limits under the code's row lock; the channel guard here refuses a code that would sell a
   * product below its reseller floor.
   */
  async function applyCode(
    principal: Principal,
    input: CheckoutInput,
    orgId: string,
    currency: string,
    itemsMinor: number,
    priced: Line[],
    productOf: (id: string) => catalogRepo.ProductRow,
  ) {
    const text = normalizeCode(input.discountCode!);
    const field = [{ field: 'discountCode', message: '' }];
    const fail = (code: Parameters<typeof commerceError>[0], message: string) =>
      commerceError(code, message, [{ ...field[0], message }]);
    const code = await discountsRepo.findByCode(db, orgId, text);
    if (!code) throw fail('discount_code_not_found', `No discount code ${text} at this brand`);
    const now = new Date();
    if (code.disabled_at || (code.ends_at && code.ends_at <= now))
      throw fail('discount_code_expired', `The code ${text} has expired`);
    if (code.starts_at > now)
      throw fail(
        'discount_code_not_started',
        `The code ${text} is valid from ${code.starts_at.toISOString()}`,
      );
    if (code.currency !== currency)
      throw fail('discount_code_not_applicable', `The code ${text} is for prices in ${code.currency}`);
    if (code.deal_ids.length > 0 && !(input.dealId && code.deal_ids.includes(input.dealId)))
      throw fail('discount_code_not_applicable', `The code ${text} is not valid on this purchase`);
    const lines: PricedLine[] = priced.map((l) => {
      const p = productOf(l.product_id);
      return {
        productId: l.product_id,
        title: p.title,
        quantity: l.quantity,
        unitPriceMinor: l.unit_price_minor,
        floorMinor: p.reseller_floor_minor,
        exclusive: p.exclusive,
      };
    });
    const terms = {
      kind: code.kind,
      percentOff: code.percent_off,
      amountMinor: code.amount_minor,
      productIds: code.product_ids,
    };
    if (!appliesTo(terms, lines))
      throw fail('discount_code_not_applicable', `The code ${text} does not apply to these items`);
    if (code.min_order_minor !== null && itemsMinor < code.min_order_minor)
      throw commerceError(
        'discount_code_minimum',
        `The code ${text} needs an order of at least ${formatMoney(code.min_order_minor, currency)}`,
        [{ field: 'discountCode', message: 'order below the minimum' }],
      ).withDetails({ minOrderMinor: code.min_order_minor });
    // Fail fast before charging; the write decides for good.
    if (code.usage_limit !== null && code.used >= code.usage_limit)
      throw fail('discount_code_used_up', `The code ${text} has been used up`);
    if (
      code.per_customer_limit !== null &&
      (await discountsRepo.heldBy(db, code.id, principal.userId)) >= code.per_customer_limit
    )
      throw fail('discount_code_limit_reached', `You have already used the code ${text}`);
    const shares = allocateDiscount(terms, lines);
    const violations = discountViolations(lines, shares);
    if (violations.length > 0) {
      const v = violations[0];
      throw commerceError(
        'discount_below_floor',
        `The code ${text} would sell "${v.title}" at ${formatMoney(v.discountedUnitMinor, currency)}, below the ${formatMoney(v.floorMinor, currency)} the brand promised its resellers`,
        [{ field: 'discountCode', message: 'below the channel floor' }],
      ).withDetails({ violations });
    }
    shares.forEach((share, i) => {
      priced[i].discount_minor = share;
    });
    return { codeId: code.id, code: code.code };
  }

  async function shippingAddress(principal: Principal, input: CheckoutInput): Promise<Address> {
    if (input.shippingAddress) {
      checkAddress(input.shippingAddress, 'shippingAddress.');
      return { ...input.shippingAddress, line2: input.shippingAddress.line2 ?? '' };
    }
    if (!input.shippingAddressId)
      throw unprocessable('address_required', 'Choose or enter a shipping address', 'shippingAddress');
    const row = await repo.findAddress(db, principal.userId, input.shippingAddressId);
    if (!row)
      throw unprocessable('unknown_address', 'No such address in your address book', 'shippingAddressId');
    return {
      name: row.name,
      line1: row.line1,
      line2: row.line2,
      city: row.city,
      postalCode: row.postal_code,
      country: row.country,
    };
  }

  /** Turns the card's `source` (the post or reshare the buyer clicked) or `ref` (a referral) into a touch. */
  async function touchFrom(
    principal: Principal,
    orgId: string,
    dealId: string | null,
    source: CheckoutInput['source'],
  ) {
    if (source?.ref) {
      const referrer = await identity.accounts.byHandle(source.ref.replace(/^@/, ''));
      if (referrer && referrer.id !== principal.userId) {
        return {
          org_id: orgId,
          buyer_id: principal.userId,
          deal_id: dealId,
          kind: 'referral' as const,
          post_id: source.postId ?? null,
          chain: [],
          referrer_id: referrer.id,
        };
      }
    }
    if (!source?.postId) return null;
    const chain = await social.reads.reshareChain(db, source.postId);
    if (chain.length === 0 || (dealId && chain[0].id !== dealId)) return null; // not a path to this deal
    const kind = chain.length > 1 ? ('reshare' as const) : ('post' as const);
    return {
      org_id: orgId,
      buyer_id: principal.userId,
      deal_id: dealId,
      kind,
      post_id: source.postId,
      chain: chain.map((c) => c.author_id),
      referrer_id: null,
    };
  }

  return {
    /** What an order would cost (items, discount, shipping, tax, total) without placing it; nothing is held. */
    async quote(principal: Principal, input: Omit<CheckoutInput, 'card'> & { country?: string }) {
      const country =
        input.shippingAddress || input.shippingAddressId
          ? (await shippingAddress(principal, { ...input, card: { number: '' } })).country
          : (input.country ?? null);
      const priced = await price(principal, { ...input, card: { number: '' } }, country);
      return {
        currency: priced.currency,
        ...priced.breakdown,
        discountCode: priced.discount?.code ?? null,
        country,
        lines: priced.lines.map((l) => ({
          line: l.line,
          title: l.title,
          quantity: l.quantity,
          unitPriceMinor: l.unit_price_minor,
          discountMinor: l.discount_minor,
        })),
      };
    },

    /**
     * Places an order. Reads first (an earlier order with this Idempotency-Key; a sold-out deal), then charges the
     * card, then writes the order, its deal units and its stock in one statement and one commit, shared with the
     * other checkouts arriving meanwhile; if that write fails (sold out, limit reached), the charge is refunded.
     * Nothing is reserved for a declined card.
     */
    async place(principal: Principal, input: CheckoutInput, idempotencyKey: string, quote?: AcceptedQuote) {
      if (quote && input.dealId)
        throw unprocessable('not_in_quote', 'A quote is bought on its own, not with a deal', 'dealId');
      if (quote && input.discountCode)
        throw unprocessable(
          'not_in_quote',
          'A quote is bought at its quoted prices, without a code',
          'discountCode',
        );
      const hash = hashBody(input, quote);
      // A replay first: a retry returns its order even when the code it used has been used up since.
      const precheck = await precheckOf({
        buyerId: principal.userId,
        key: idempotencyKey,
        dealId: input.dealId ?? null,
      });
      if (precheck.existing) return replayOf(precheck.existing, hash);
      if (precheck.soldOut) throw dealFailure('deal_sold_out'); // fail fast: no charge to refund
      const address = await shippingAddress(principal, input);
      const priced = await price(principal, input, address.country, quote);
      const touch = await touchFrom(principal, priced.orgId, input.dealId ?? null, input.source);

      const orderId = newId();
      const payment = await deps.payments.charge({
        orderId,
        amountMinor: priced.total,
        currency: priced.currency,
        card: input.card,
      });
      if (payment.status === 'declined') {
        throw commerceError(
          'payment_declined',
          `The card was declined (${payment.reason}); nothing was charged`,
        ).withDetails({ reason: payment.reason });
      }
      const paid = payment.status === 'succeeded';
      const ref = {
        orderId,
        orgId: priced.orgId,
        buyerId: principal.userId,
        totalMinor: priced.total,
        currency: priced.currency,
      };
      const events = [
        {
          type: 'order.placed',
          payload: { ...ref, dealId: input.dealId ?? null }, // the write adds the credited attribution
          subscribers: deps.events.subscribersOf('order.placed'),
        },
        ...(paid
          ? [{ type: 'order.paid', payload: ref, subscribers: deps.events.subscribersOf('order.paid') }]
          : []),
      ];
      let attribution: repo.CreditedAttribution;
      try {
        attribution = await writeOrder({
          order_id: orderId,
          buyer_id: principal.userId,
          org_id: priced.orgId,
          status: paid ? 'paid' : 'pending',
          currency: priced.currency,
          total_minor: priced.total,
          deal_id: input.dealId ?? null,
          deal_units: priced.dealUnits,
          deal_early: priced.dealEarly,
          payment_ref: payment.providerRef,
          shipping_address: address,
          ...breakdownColumns(priced),
          discount_code_id: priced.discount?.codeId ?? null,
          touch: touch
            ? { kind: touch.kind, post_id: touch.post_id, chain: touch.chain, referrer_id: touch.referrer_id }
            : null,
          idempotency_key: idempotencyKey,
          idempotency_hash: hash,
          expires_at: paid ? null : new Date(Date.now() + deps.reservationSeconds * 1000).toISOString(),
          lines: priced.lines,
          history: [
            { status: 'pending', actor_id: principal.userId, note: null },
            ...(paid ? [{ status: 'paid', actor_id: null, note: `payment ${payment.providerRef}` }] : []),
          ],
          events,
        });
      } catch (err) {
        await deps.payments.refund(payment.providerRef, priced.total); // compensate: the order was not taken
        if (isReplay(err)) {
          const winner = await repo.findByIdempotencyKey(db, principal.userId, idempotencyKey);
          if (winner) return replayOf({ id: winner.id, hash: winner.idempotency_hash }, hash);
        }
        throw checkoutFailure(err, priced.lines);
      }
      deps.events.wake();
      const now = new Date();
      // What was just written, as rows, so the response needs no second read of the order.
      const written = {
        row: {
          id: orderId,
          org_id: priced.orgId,
          buyer_id: principal.userId,
          status: paid ? ('paid' as const) : ('pending' as const),
          currency: priced.currency,
          total_minor: priced.total,
          refunded_minor: 0,
          deal_id: input.dealId ?? null,
          payment_ref: payment.providerRef,
          shipping_address: address,
          attribution_kind: attribution.kind,
          attribution_post_id: attribution.postId,
          attribution_chain: attribution.chain,
          attribution_referrer_id: attribution.referrerId,
          idempotency_key: idempotencyKey,
          idempotency_hash: hash,
          expires_at: paid ? null : new Date(now.getTime() + deps.reservationSeconds * 1000),
          created_at: now,
          updated_at: now,
          ...breakdownColumns(priced),
        },
        items: priced.lines.map(({ list_price_minor: _, audience: __, ...line }) => ({
          ...line,
          order_id: orderId,
        })),
        history: [
          {
            order_id: orderId,
            status: 'pending',
            actor_id: principal.userId,
            note: null,
            amount_minor: null,
            at: now,
          },
          ...(paid
            ? [
                {
                  order_id: orderId,
                  status: 'paid',
                  actor_id: null,
                  note: `payment ${payment.providerRef}`,
                  amount_minor: null,
                  at: now,
                },
              ]
            : []),
        ],
      };
      return { orderId, replayed: false, written };
    },
  };
}

function replayOf(
  existing: { id: string; hash: string | null },
  hash: string,
): { orderId: string; replayed: true; written?: undefined } {
  if (existing.hash !== hash) {
    throw unprocessable(
      'idempotency_key_reused',
      'This Idempotency-Key was used for a different order; use a new key for a new order',
    );
  }
  return { orderId: existing.id, replayed: true as const };
}

/** The write found an order with the same Idempotency-Key from a concurrent request (or the unique index did). */
const isReplay = (err: unknown) => {
  const { code, message } = err as { code?: string; message?: string };
  return code === '23505' || (code === 'P0001' && message === 'idempotent_replay');
};

/** What the order write refuses an order with (the PL/pgSQL function's P0001 messages), as the API's errors. */
type DealFailure = 'deal_not_started' | 'deal_expired' | 'deal_sold_out' | 'deal_limit_reached';
type CodeFailure =
  | 'discount_code_expired'
  | 'discount_code_not_started'
  | 'discount_code_used_up'
  | 'discount_code_limit_reached'
  | 'discount_code_not_found';
type WriteRefusal =
  | DealFailure
  | CodeFailure
  | 'sold_out'
  | 'price_changed'
  | 'deal_not_found'
  | 'product_exclusive';

const codeFailures: Record<CodeFailure, string> = {
  discount_code_expired: 'The discount code has expired',
  discount_code_not_started: 'The discount code is not valid yet',
  discount_code_used_up: 'The discount code has been used up',
  discount_code_limit_reached: 'You have already used this discount code as often as it allows',
  discount_code_not_found: 'No such discount code at this brand',
};

const dealFailures: Record<DealFailure, string> = {
  deal_not_started: 'This deal has not started yet',
  deal_expired: 'This deal has ended',
  deal_sold_out: 'This deal is sold out',
  deal_limit_reached: 'You have reached the per-customer limit for this deal',
};

const writeRefusals: Record<WriteRefusal, (lines: Line[], detail: string | undefined) => AppError> = {
  ...(Object.fromEntries(
    Object.entries(dealFailures).map(([code, text]) => [
      code,
      () => commerceError(code as DealFailure, text),
    ]),
  ) as Record<DealFailure, () => AppError>),
  ...(Object.fromEntries(
    Object.entries(codeFailures).map(([code, text]) => [
      code,
      () => commerceError(code as CodeFailure, text, [{ field: 'discountCode', message: text }]),
    ]),
  ) as Record<CodeFailure, () => AppError>),
  sold_out: (lines, detail) => {
    const line = lines[Number(detail)] ?? lines[0];
    return commerceError('sold_out', `"${line.title}" does not have ${line.quantity} left in stock`, [
      { field: `items[${line.line}].quantity`, message: 'exceeds the stock left' },
    ]);
  },
  price_changed: () =>
    commerceError('price_changed', 'The price changed since it was shown; review the new price'),
  product_exclusive: (lines, detail) => {
    const line = lines[Number(detail)] ?? lines[0];
    return commerceError(
      'product_exclusive',
      `"${line.title}" is now for a group of the brand’s advocates only; reload the product to see who may buy it`,
      [{ field: `items[${line.line}].variantId`, message: 'Insiders only' }],
    );
  },
  deal_not_found: () => commerceError('deal_not_found', 'Deal not found'),
};

const isWriteRefusal = (message: string): message is WriteRefusal => Object.hasOwn(writeRefusals, message);

/** The function's P0001 codes as the API's errors; anything else is not ours to explain. */
function checkoutFailure(err: unknown, lines: Line[]): unknown {
  const { code, message, detail } = err as { code?: string; message?: string; detail?: string };
  if (code !== 'P0001' || !message || !isWriteRefusal(message)) return err;
  return writeRefusals[message](lines, detail);
}

/** A buyer outside an Insiders-only product's group: who may buy it, by name, and the group's reference. */
function insidersOnly(product: catalogRepo.ProductRow, label: string, index: number) {
  const who =
    pluggedAudience(product.audience)?.kind === 'tier'
      ? `the brand’s ${label} members and those above`
      : `the brand’s “${label}” group`;
  return commerceError('product_exclusive', `"${product.title}" is Insiders only: for ${who}`, [
    { field: `items[${index}].variantId`, message: `for ${label} only` },
  ]).withDetails({ audience: product.audience, label });
}

const tooBig = () =>
  httpError('invalid_value', 'The order total is more than one order can hold', [
    { field: 'items', message: 'total more than one order can hold; split the order' },
  ]);

const countryName = (code: string) => new Intl.DisplayNames(['en'], { type: 'region' }).of(code) ?? code;

/** The order's price breakdown as its columns. */
const breakdownColumns = (p: Priced) => ({
  items_minor: p.breakdown.itemsMinor,
  discount_minor: p.breakdown.discountMinor,
  discount_code: p.discount?.code ?? null,
  shipping_minor: p.breakdown.shippingMinor,
  tax_minor: p.breakdown.taxMinor,
  tax_rate_bp: p.breakdown.taxRateBp,
  tax_included: p.breakdown.taxIncluded,
});

const dealFailure = (code: DealFailure): AppError => commerceError(code, dealFailures[code]);

export type CheckoutService = ReturnType<typeof createCheckoutService>;

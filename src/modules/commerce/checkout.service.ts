import { createHash } from 'node:crypto';
import type { Db } from '../../platform/db/database.ts';
import { AppError, forbidden, notFound } from '../../platform/errors.ts';
import type { EventBus } from '../../platform/events/outbox.ts';
import type { Principal } from '../../platform/http/auth.ts';
import { newId } from '../../platform/ids.ts';
import { can, type IdentityModule } from '../identity/index.ts';
import type { SocialModule } from '../social/index.ts';
import * as catalogRepo from './catalog.repo.ts';
import { dealPrices, type GuardItem } from './channel-guard.ts';
import type { Address } from './commerce.tables.ts';
import * as dealsRepo from './deals.repo.ts';
import { currencyMismatch } from './money.ts';
import * as repo from './orders.repo.ts';
import type { PaymentProvider } from './payments/payment-provider.ts';

export type CheckoutInput = {
  dealId?: string;
  items: { variantId: string; quantity: number }[];
  shippingAddressId?: string;
  shippingAddress?: Omit<Address, 'line2'> & { line2?: string };
  expectedTotalMinor?: number;
  currency?: string;
  source?: { postId?: string; ref?: string };
  card: { number: string };
};

export type CheckoutDeps = {
  db: Db;
  events: EventBus;
  identity: Pick<IdentityModule, 'accounts'>;
  social: Pick<SocialModule, 'reads' | 'follows'>;
  payments: PaymentProvider;
  /** How long a pending order holds its stock while the payment settles. */
  reservationSeconds: number;
};

type Line = Omit<repo.OrderItemRow, 'order_id'>;
type Priced = { orgId: string; currency: string; lines: Line[]; total: number; dealUnits: number };

const unprocessable = (code: string, message: string, field?: string) =>
  new AppError('unprocessable', code, message, field ? [{ field, message }] : []);

/** The same request body always hashes the same, so a replayed Idempotency-Key can be told from a reused one. */
const hashBody = (input: CheckoutInput) =>
  createHash('sha256')
    .update(JSON.stringify({ ...input, card: undefined }))
    .digest('hex');

export function createCheckoutService(deps: CheckoutDeps) {
  const { db, events, identity, social } = deps;

  /** Prices the lines: list price, or the deal's price for the deal's products. All reads, before any lock. */
  async function price(principal: Principal, input: CheckoutInput): Promise<Priced> {
    const variants = await catalogRepo.findVariants(
      db,
      input.items.map((i) => i.variantId),
    );
    const products = new Map(
      (await catalogRepo.findProductsByIds(db, [...new Set(variants.map((v) => v.product_id))])).map((p) => [
        p.id,
        p,
      ]),
    );
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

    let unitPrice = (productId: string) => products.get(productId)!.price_minor;
    let dealUnits = 0;
    if (input.dealId) {
      const [deal] = await dealsRepo.findDeals(db, [input.dealId]);
      if (!deal) throw notFound('Deal', 'deal_not_found');
      if (deal.org_id !== orgId)
        throw unprocessable('not_in_deal', 'These items are not part of this deal', 'items');
      const dealItems = await dealsRepo.dealItems(db, [deal.id]);
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
        throw forbidden('This deal is for followers: follow the brand to buy it', 'followers_only');
      }
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
      unit_price_minor: unitPrice(l.product.id),
    }));
    const total = priced.reduce((sum, l) => sum + l.unit_price_minor * l.quantity, 0);
    if (input.expectedTotalMinor !== undefined && input.expectedTotalMinor !== total) {
      throw new AppError(
        'conflict',
        'price_changed',
        `The price changed since it was shown: the total is now ${total} (minor units of ${currency})`,
      ).withDetails({ totalMinor: total, currency });
    }
    return { orgId, currency, lines: priced, total, dealUnits };
  }

  async function shippingAddress(principal: Principal, input: CheckoutInput): Promise<Address> {
    if (input.shippingAddress) return { ...input.shippingAddress, line2: input.shippingAddress.line2 ?? '' };
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

  async function replay(principal: Principal, key: string, hash: string) {
    const existing = await repo.findByIdempotencyKey(db, principal.userId, key);
    if (!existing) return undefined;
    if (existing.idempotency_hash !== hash) {
      throw unprocessable(
        'idempotency_key_reused',
        'This Idempotency-Key was used for a different order; use a new key for a new order',
      );
    }
    return existing;
  }

  return {
    price,
    touchFrom,

    /**
     * Places an order: one transaction writes the order and takes deal units and stock with conditional updates
     * (the hot rows last, so their locks are held briefly); the payment is charged after commit.
     */
    async place(
      principal: Principal,
      input: CheckoutInput,
      idempotencyKey: string,
    ): Promise<{ orderId: string; replayed: boolean }> {
      const hash = hashBody(input);
      const earlier = await replay(principal, idempotencyKey, hash);
      if (earlier) return { orderId: earlier.id, replayed: true };
      const priced = await price(principal, input);
      const address = await shippingAddress(principal, input);
      const touch = await touchFrom(principal, priced.orgId, input.dealId ?? null, input.source);
      const orderId = newId();
      const inserted = await db.transaction().execute(async (trx) => {
        if (touch) await repo.insertTouch(trx, touch);
        const credit = await repo.creditedTouch(trx, principal.userId, priced.orgId);
        const attribution = {
          kind: credit?.kind ?? ('direct' as const),
          postId: credit?.post_id ?? null,
          chain: (credit?.chain as string[] | undefined) ?? [],
          referrerId: credit?.referrer_id ?? null,
        };
        const ok = await repo.insertOrder(
          trx,
          {
            id: orderId,
            org_id: priced.orgId,
            buyer_id: principal.userId,
            status: 'pending',
            currency: priced.currency,
            total_minor: priced.total,
            deal_id: input.dealId ?? null,
            payment_ref: null,
            shipping_address: address,
            attribution_kind: attribution.kind,
            attribution_post_id: attribution.postId,
            attribution_chain: attribution.chain,
            attribution_referrer_id: attribution.referrerId,
            idempotency_key: idempotencyKey,
            idempotency_hash: hash,
            expires_at: new Date(Date.now() + deps.reservationSeconds * 1000),
          },
          priced.lines,
        );
        if (!ok) return false; // a concurrent retry with the same key won
        await repo.addHistory(trx, { order_id: orderId, status: 'pending', actor_id: principal.userId });
        await events.emit(trx, 'order.placed', orderId, {
          orderId,
          orgId: priced.orgId,
          buyerId: principal.userId,
          totalMinor: priced.total,
          currency: priced.currency,
          dealId: input.dealId ?? null,
          attribution,
        });
        await repo.removeFromCart(
          trx,
          principal.userId,
          priced.lines.map((l) => l.variant_id),
        );
        if (input.dealId) {
          const failure = await dealsRepo.claimDeal(trx, input.dealId, principal.userId, priced.dealUnits);
          if (failure) throw dealFailure(failure);
        }
        for (const line of [...priced.lines].sort((a, b) => a.variant_id.localeCompare(b.variant_id))) {
          if (!(await catalogRepo.takeStock(trx, line.variant_id, line.quantity))) {
            throw new AppError(
              'conflict',
              'sold_out',
              `"${line.title}" does not have ${line.quantity} left in stock`,
              [{ field: `items[${line.line}].quantity`, message: 'exceeds the stock left' }],
            );
          }
        }
        return true;
      });
      events.wake();
      if (!inserted) {
        const winner = await replay(principal, idempotencyKey, hash);
        return { orderId: winner!.id, replayed: true };
      }
      return { orderId, replayed: false };
    },
  };
}

function dealFailure(failure: dealsRepo.ClaimFailure): AppError {
  switch (failure) {
    case 'not_started':
      return new AppError('conflict', 'deal_not_started', 'This deal has not started yet');
    case 'ended':
      return new AppError('gone', 'deal_expired', 'This deal has ended');
    case 'sold_out':
      return new AppError('conflict', 'deal_sold_out', 'This deal is sold out');
    case 'limit_reached':
      return new AppError(
        'conflict',
        'deal_limit_reached',
        'You have reached the per-customer limit for this deal',
      );
  }
}

export type CheckoutService = ReturnType<typeof createCheckoutService>;

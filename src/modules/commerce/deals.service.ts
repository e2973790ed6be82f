import type { Db, Executor } from '../../platform/db/database.ts';
import type { EventBus } from '../../platform/events/outbox.ts';
import type { Principal } from '../../platform/http/auth.ts';
import { can, type IdentityModule, presentSummary, roleIn } from '../identity/index.ts';
import { type SocialModule, viewerOf } from '../social/index.ts';
import { type CatalogService, forViewer, type ProductJson } from './catalog.service.ts';
import {
  alternatives,
  checkChannel,
  dealPrices,
  formatMoney,
  type GuardItem,
  type Violation,
} from './channel-guard.ts';
import { commerceError } from './commerce.errors.ts';
import type { DealType } from './commerce.tables.ts';
import { type AudienceSlot, pluggedAudience } from './deal-audience.ts';
import * as repo from './deals.repo.ts';
import type { FriendsBoughtService } from './friends-bought.service.ts';

export type DealInput = {
  text: string;
  /** The card's name (default: the products' titles). */
  title?: string;
  items: { productId: string; role?: 'main' | 'addon' }[];
  type: DealType;
  percentOff?: number;
  valueMinor?: number;
  startsAt?: string;
  /** Show the deal before it starts; by default only the brand's members see it until then. */
  announceEarly?: boolean;
  /** Why the brand policy's warnings do not apply to the text. */
  policyOverride?: string;
  endsAt: string;
  quantityCap?: number;
  perCustomerLimit?: number;
  audience?: string;
  /** A segment or tier that may buy from an earlier start. */
  earlyAccess?: { audience: string; startsAt: string };
  override?: { reason: string };
};

/** A draft its approvers passed: `inTransaction` runs in the transaction that writes it (governance's hook). */
export type ApprovedDraft = { inTransaction(trx: Executor, id: string): Promise<void> };

export type DealsDeps = {
  db: Db;
  events: EventBus;
  identity: Pick<IdentityModule, 'orgs' | 'accounts'>;
  social: Pick<SocialModule, 'posts' | 'follows' | 'reads'>;
  catalog: CatalogService;
  audiences: AudienceSlot;
  friends: Pick<FriendsBoughtService, 'forDeals'>;
};

const invalid = (field: string, message: string) =>
  commerceError('invalid_deal', `${field} ${message}`, [{ field, message }]);

function checkTerms(input: DealInput, mains: number, addons: number) {
  if (input.type === 'percent_off' && !input.percentOff)
    throw invalid('percentOff', 'is required for a percent-off deal');
  if (['amount_off', 'fixed_price', 'bundle'].includes(input.type) && input.valueMinor === undefined) {
    throw invalid('valueMinor', `is required for a ${input.type.replace('_', ' ')} deal`);
  }
  if (input.type === 'free_addon' && (mains === 0 || addons === 0))
    throw invalid('items', 'a free add-on deal needs a main product and an add-on');
  if (input.type === 'bundle' && mains + addons < 2)
    throw invalid('items', 'a bundle needs at least two products');
  if (input.type !== 'free_addon' && input.type !== 'bundle' && addons > 0)
    throw invalid('items', 'add-ons belong to bundle and free add-on deals');
}

/** Deals: posts of kind `deal` on a brand's feed, with terms, a window, caps and the channel guard. */
export function createDealsService({ db, events, identity, social, catalog, audiences, friends }: DealsDeps) {
  /** Deals whose early window is open now and whose early group includes the viewer, with each group's label. */
  async function earlyWindows(deals: repo.DealRow[], principal: Principal | null, now: number) {
    const open = new Set<string>();
    const labels = new Map<string, string>();
    for (const d of deals) {
      const ref = pluggedAudience(d.early_audience);
      if (!ref || !d.early_starts_at || !audiences.resolver) continue;
      labels.set(d.id, (await audiences.resolver.label(d.org_id, ref)) ?? ref.id);
      const inWindow = d.early_starts_at.getTime() <= now && now < d.starts_at.getTime();
      if (inWindow && principal && (await audiences.resolver.includes(d.org_id, ref, principal.userId)))
        open.add(d.id);
    }
    return { open, labels };
  }

  async function cards(ids: string[], principal: Principal | null) {
    const now = Date.now();
    const found = await repo.findDeals(db, ids);
    const early = await earlyWindows(found, principal, now);
    // A deal not yet started is the brand's secret unless it chose to announce it early or the viewer has early access.
    const deals = found.filter(
      (d) =>
        d.announce_early ||
        d.starts_at.getTime() <= now ||
        early.open.has(d.id) ||
        roleIn(principal, d.org_id) !== undefined,
    );
    ids = deals.map((d) => d.id);
    const items = await repo.dealItems(db, ids);
    const products = new Map(
      (await catalog.load([...new Set(items.map((i) => i.product_id))])).map((p) => [p.id, p]),
    );
    const orgs = new Map(
      (await identity.accounts.byIds([...new Set(deals.map((d) => d.org_id))])).map((o) => [o.id, o]),
    );
    const bought = principal ? await repo.boughtBy(db, ids, principal.userId) : new Map<string, number>();
    const friendsBought = await friends.forDeals(ids, principal);
    const texts = new Map(
      (await social.reads.postsForViewer(ids, viewerOf(principal))).map((p) => [p.id, p.text]),
    );
    return deals.map((d) => {
      const own = items
        .filter((i) => i.deal_id === d.id)
        .flatMap((i) =>
          products.has(i.product_id) ? [{ role: i.role, product: products.get(i.product_id)! }] : [],
        );
      const prices = dealPrices(
        { type: d.type, percentOff: d.percent_off, valueMinor: d.value_minor },
        own.map((i) => guardItem(i.product, i.role)),
      );
      const remaining = d.quantity_cap === null ? null : Math.max(0, d.quantity_cap - d.sold);
      const status =
        now < d.starts_at.getTime() && !early.open.has(d.id)
          ? 'scheduled'
          : now >= d.ends_at.getTime()
            ? 'ended'
            : remaining === 0
              ? 'sold_out'
              : 'live';
      const org = orgs.get(d.org_id);
      return {
        id: d.id,
        title: d.title,
        endedEarlyAt: d.ended_early_at?.toISOString() ?? null,
        text: texts.get(d.id) ?? '',
        org: org ? presentSummary(org) : null,
        type: d.type,
        percentOff: d.percent_off,
        valueMinor: d.value_minor,
        currency: d.currency,
        startsAt: d.starts_at.toISOString(),
        endsAt: d.ends_at.toISOString(),
        status,
        quantityCap: d.quantity_cap,
        sold: d.sold,
        remaining,
        perCustomerLimit: d.per_customer_limit,
        audience: d.audience,
        earlyAccess:
          d.early_audience && d.early_starts_at
            ? {
                audience: d.early_audience,
                label: early.labels.get(d.id) ?? d.early_audience,
                startsAt: d.early_starts_at.toISOString(),
              }
            : null,
        items: own.map((i) => ({
          role: i.role,
          product: forViewer(i.product, principal),
          dealPriceMinor: prices.get(i.product.id) ?? i.product.priceMinor,
        })),
        exclusiveTitles: own.filter((i) => i.product.exclusive).map((i) => i.product.title),
        // No brand lists its resellers yet (the reseller portal will): a link now would lead nowhere.
        resellersUrl: null,
        viewer: {
          bought: bought.get(d.id) ?? 0,
          friendsBought: friendsBought.get(d.id) ?? { count: 0, people: [] },
          earlyAccess: early.open.has(d.id),
        },
      };
    });
  }

  /** Refuses terms that undercut a reseller floor unless an owner or admin overrides with a reason. */
  async function enforceGuard(
    principal: Principal,
    org: { id: string; handle: string },
    violations: Violation[],
    currency: string,
    override: { reason: string } | undefined,
  ) {
    if (violations.length && !override) {
      const exclusives = (await catalog.list(org.handle, principal))
        .filter((p) => p.exclusive && !p.archived)
        .map((p) => p.title);
      const money = (m: number) => formatMoney(m, currency);
      const err = commerceError(
        'channel_guard',
        `This deal would advertise ${violations.map((v) => `"${v.title}" at ${money(v.dealPriceMinor)}, ${money(v.shortByMinor)} below the reseller floor of ${money(v.floorMinor)}`).join('; ')}.`,
        violations.map((v) => ({
          field: `items.${v.productId}`,
          message: `${money(v.shortByMinor)} below the reseller floor`,
        })),
      );
      throw err.withDetails({ violations, alternatives: alternatives(violations, exclusives, money) });
    }
    if (violations.length && !can(principal, org.id, 'overrideChannelGuard')) {
      throw commerceError('override_not_allowed', 'Only an owner or admin may override the channel guard');
    }
  }

  /** A segment or tier audience must name one of this brand's (a tier of another brand is not found). */
  async function checkAudience(orgId: string, audience: string | undefined, field: string) {
    const ref = pluggedAudience(audience);
    if (ref && !(await audiences.resolver?.exists(orgId, ref))) {
      throw commerceError('audience_segment_not_found', `The brand has no advocate ${ref.kind} "${ref.id}"`, [
        { field, message: `no such ${ref.kind} in this brand` },
      ]);
    }
  }

  /** Everything a deal is checked for before it is written; the post prepared as the brand. */
  async function prepareDeal(principal: Principal, orgHandle: string, input: DealInput, approved: boolean) {
    const org = await identity.orgs.requireCapability(principal, orgHandle, 'publishDeals');
    const productIds = [...new Set(input.items.map((i) => i.productId))];
    if (productIds.length !== input.items.length) throw invalid('items', 'lists a product twice');
    const products = await catalog.load(productIds);
    const byId = new Map(products.map((p) => [p.id, p]));
    for (const [index, item] of input.items.entries()) {
      const product = byId.get(item.productId);
      if (!product || product.archived || product.orgId !== org.id) {
        throw commerceError('unknown_product', `No product ${item.productId} in @${org.handle}'s catalog`, [
          { field: `items[${index}].productId`, message: 'is not a product of this brand' },
        ]);
      }
    }
    const currency = products[0].currency;
    if (products.some((p) => p.currency !== currency))
      throw invalid('items', 'products must share one currency');
    const roles = input.items.map((i) => i.role ?? 'main');
    checkTerms(input, roles.filter((r) => r === 'main').length, roles.filter((r) => r === 'addon').length);
    const startsAt = input.startsAt ? new Date(input.startsAt) : new Date();
    const endsAt = new Date(input.endsAt);
    if (endsAt <= startsAt || endsAt.getTime() <= Date.now())
      throw invalid('endsAt', 'must be in the future and after startsAt');

    const guardItems = input.items.map((i) => guardItem(byId.get(i.productId)!, i.role ?? 'main'));
    const violations = checkChannel(
      { type: input.type, percentOff: input.percentOff, valueMinor: input.valueMinor },
      guardItems,
    );
    await enforceGuard(principal, org, violations, currency, input.override);

    const prepared = await social.posts.prepare(
      principal,
      {
        text: input.text,
        visibility: 'public',
        as: org.handle,
        policyOverride: input.policyOverride,
        approvedDraft: approved,
      },
      'deal',
    );
    // Unless announced early, the deal's post reaches timelines and search when the deal starts.
    if (!input.announceEarly && startsAt.getTime() > Date.now()) prepared.visibleFrom = startsAt;
    await checkAudience(org.id, input.audience, 'audience');
    const earlyStartsAt = input.earlyAccess ? new Date(input.earlyAccess.startsAt) : null;
    if (input.earlyAccess) {
      await checkAudience(org.id, input.earlyAccess.audience, 'earlyAccess.audience');
      if (!earlyStartsAt || earlyStartsAt >= startsAt)
        throw invalid('earlyAccess.startsAt', 'must be before the deal starts');
    }
    return { org, prepared, currency, startsAt, endsAt, earlyStartsAt, violations, productIds };
  }

  return {
    cards,
    enforceGuard,

    async card(id: string, principal: Principal | null) {
      const [card] = await cards([id], principal);
      if (!card) throw commerceError('deal_not_found', 'Deal not found');
      return card;
    },

    /** Cards shown in a feed count as impressions. */
    async impressions(ids: string[], principal: Principal | null) {
      const result = await cards(ids, principal);
      await repo.countImpressions(
        db,
        result.map((c) => c.id),
      );
      return result;
    },

    async listForOrg(orgHandle: string, principal: Principal | null) {
      const org = await identity.orgs.orgByHandle(orgHandle);
      return cards(
        (await repo.listOrgDeals(db, org.id, 100)).map((d) => d.id),
        principal,
      );
    },

    /** Checks a deal as `publish` would (terms, catalog, guard, policy) without writing it: for an approvals draft. */
    async check(principal: Principal, orgHandle: string, input: DealInput) {
      await prepareDeal(principal, orgHandle, input, true);
    },

    /**
     * Publishes a deal. `approval` is governance's: the draft its approvers passed (no second approval) and a step
     * run in the deal's transaction (marking the draft published, so it goes out once).
     */
    async publish(principal: Principal, orgHandle: string, input: DealInput, approval?: ApprovedDraft) {
      const { org, prepared, currency, startsAt, endsAt, earlyStartsAt, violations, productIds } =
        await prepareDeal(principal, orgHandle, input, approval !== undefined);
      await events.transaction(db, async (trx) => {
        await approval?.inTransaction(trx, prepared.id);
        await social.posts.write(trx, principal, prepared);
        await repo.insertDeal(
          trx,
          {
            id: prepared.id,
            org_id: org.id,
            title: input.title?.trim() || null,
            type: input.type,
            value_minor: input.valueMinor ?? null,
            percent_off: input.percentOff ?? null,
            currency,
            starts_at: startsAt,
            ends_at: endsAt,
            quantity_cap: input.quantityCap ?? null,
            per_customer_limit: input.perCustomerLimit ?? null,
            audience: input.audience ?? 'followers',
            guard_override_reason: violations.length ? input.override!.reason : null,
            guard_override_by: violations.length ? principal.userId : null,
            created_by: principal.userId,
            announce_early: input.announceEarly ?? false,
            early_audience: input.earlyAccess?.audience ?? null,
            early_starts_at: earlyStartsAt,
          },
          input.items.map((i) => ({ product_id: i.productId, role: i.role ?? 'main' })),
        );
        await events.emit(trx, 'deal.published', prepared.id, {
          dealId: prepared.id,
          orgId: org.id,
          productIds,
        });
      });
      return (await cards([prepared.id], principal))[0];
    },

    async click(id: string, principal: Principal | null) {
      await repo.countClick(db, id, principal?.userId ?? null);
    },
  };
}

export function guardItem(p: ProductJson, role: 'main' | 'addon'): GuardItem {
  return {
    productId: p.id,
    title: p.title,
    priceMinor: p.priceMinor,
    floorMinor: p.resellerFloorMinor ?? null,
    exclusive: p.exclusive,
    role,
  };
}

export type DealsService = ReturnType<typeof createDealsService>;

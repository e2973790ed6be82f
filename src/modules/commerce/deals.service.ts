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
import { type AudienceSlot, segmentOf } from './deal-audience.ts';
import * as repo from './deals.repo.ts';

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
export function createDealsService({ db, events, identity, social, catalog, audiences }: DealsDeps) {
  async function cards(ids: string[], principal: Principal | null) {
    const now = Date.now();
    // A deal not yet started is the brand's secret unless it chose to announce it early.
    const deals = (await repo.findDeals(db, ids)).filter(
      (d) => d.announce_early || d.starts_at.getTime() <= now || roleIn(principal, d.org_id) !== undefined,
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
        now < d.starts_at.getTime()
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
        items: own.map((i) => ({
          role: i.role,
          product: forViewer(i.product, principal),
          dealPriceMinor: prices.get(i.product.id) ?? i.product.priceMinor,
        })),
        exclusiveTitles: own.filter((i) => i.product.exclusive).map((i) => i.product.title),
        // No brand lists its resellers yet (the reseller portal will): a link now would lead nowhere.
        resellersUrl: null,
        viewer: { bought: bought.get(d.id) ?? 0 },
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
    const segmentId = segmentOf(input.audience ?? '');
    if (segmentId && !(await audiences.resolver?.segmentExists(org.id, segmentId))) {
      throw commerceError('audience_segment_not_found', 'The brand has no advocate segment with that id', [
        { field: 'audience', message: 'no such segment in this brand' },
      ]);
    }
    return { org, prepared, currency, startsAt, endsAt, violations, productIds };
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
      const { org, prepared, currency, startsAt, endsAt, violations, productIds } = await prepareDeal(
        principal,
        orgHandle,
        input,
        approval !== undefined,
      );
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

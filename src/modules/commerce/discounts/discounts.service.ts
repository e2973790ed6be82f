import type { Db } from '../../../platform/db/database.ts';
import type { Principal } from '../../../platform/http/auth.ts';
import { uniqueViolationField } from '../../../platform/http/database-errors.ts';
import { newId } from '../../../platform/ids.ts';
import type { IdentityModule } from '../../identity/index.ts';
import * as catalogRepo from '../catalog.repo.ts';
import { formatMoney } from '../channel-guard.ts';
import { commerceError } from '../commerce.errors.ts';
import type { DiscountKind } from '../commerce.tables.ts';
import * as dealsRepo from '../deals.repo.ts';
import * as repo from './discounts.repo.ts';

export type DiscountCodeInput = {
  code: string;
  kind: DiscountKind;
  percentOff?: number;
  amountMinor?: number;
  currency: string;
  minOrderMinor?: number;
  startsAt?: string;
  endsAt?: string;
  usageLimit?: number;
  perCustomerLimit?: number;
  productIds?: string[];
  dealIds?: string[];
};

/** How buyers type a code: case and surrounding spaces do not matter. */
export const normalizeCode = (code: string) => code.trim().toUpperCase();

const invalid = (field: string, message: string) =>
  commerceError('invalid_discount_code', `${field} ${message}`, [{ field, message }]);

export function presentCode(c: repo.DiscountCodeRow, now = new Date()) {
  const state = c.disabled_at
    ? ('disabled' as const)
    : c.ends_at && c.ends_at <= now
      ? ('expired' as const)
      : c.starts_at > now
        ? ('scheduled' as const)
        : c.usage_limit !== null && c.used >= c.usage_limit
          ? ('used_up' as const)
          : ('active' as const);
  return {
    id: c.id,
    code: c.code,
    kind: c.kind,
    percentOff: c.percent_off,
    amountMinor: c.amount_minor,
    currency: c.currency,
    minOrderMinor: c.min_order_minor,
    startsAt: c.starts_at.toISOString(),
    endsAt: c.ends_at?.toISOString() ?? null,
    usageLimit: c.usage_limit,
    perCustomerLimit: c.per_customer_limit,
    productIds: c.product_ids,
    dealIds: c.deal_ids,
    used: c.used,
    state,
    summary:
      c.kind === 'percent' ? `${c.percent_off}% off` : `${formatMoney(c.amount_minor ?? 0, c.currency)} off`,
    createdAt: c.created_at.toISOString(),
  };
}

/** Discount codes a brand creates, lists and disables; checkout applies them (checkout.service.ts). */
export function createDiscountsService({ db, identity }: { db: Db; identity: Pick<IdentityModule, 'orgs'> }) {
  async function validate(orgId: string, input: DiscountCodeInput) {
    const code = normalizeCode(input.code);
    if (!/^[A-Z0-9_-]{3,32}$/.test(code)) throw invalid('code', 'must be 3 to 32 letters, digits, - or _');
    if (input.kind === 'percent' && (input.percentOff === undefined || input.amountMinor !== undefined))
      throw invalid('percentOff', 'is required for a percentage code (and amountMinor is not allowed)');
    if (input.kind === 'amount' && (input.amountMinor === undefined || input.percentOff !== undefined))
      throw invalid('amountMinor', 'is required for a fixed-amount code (and percentOff is not allowed)');
    const startsAt = input.startsAt ? new Date(input.startsAt) : new Date();
    const endsAt = input.endsAt ? new Date(input.endsAt) : null;
    if (endsAt && endsAt <= startsAt) throw invalid('endsAt', 'must be after startsAt');
    if (endsAt && endsAt <= new Date()) throw invalid('endsAt', 'must be in the future');
    if (
      input.usageLimit !== undefined &&
      input.perCustomerLimit !== undefined &&
      input.perCustomerLimit > input.usageLimit
    )
      throw invalid('perCustomerLimit', 'cannot be more than usageLimit');
    const productIds = [...new Set(input.productIds ?? [])];
    if (productIds.length) {
      const found = await catalogRepo.findProductsByIds(db, productIds);
      const mine = new Set(found.filter((p) => p.org_id === orgId && !p.archived_at).map((p) => p.id));
      const index = productIds.findIndex((id) => !mine.has(id));
      if (index >= 0) throw invalid(`productIds[${index}]`, 'is not a product of this brand');
      if (found.some((p) => p.currency !== input.currency))
        throw invalid('currency', 'differs from the currency of the products');
    }
    const dealIds = [...new Set(input.dealIds ?? [])];
    if (dealIds.length) {
      const found = await dealsRepo.findDeals(db, dealIds);
      const mine = new Set(found.filter((d) => d.org_id === orgId).map((d) => d.id));
      const index = dealIds.findIndex((id) => !mine.has(id));
      if (index >= 0) throw invalid(`dealIds[${index}]`, 'is not a deal of this brand');
    }
    return { code, startsAt, endsAt, productIds, dealIds };
  }

  return {
    async create(principal: Principal, orgHandle: string, input: DiscountCodeInput) {
      const org = await identity.orgs.requireCapability(principal, orgHandle, 'manageCatalog');
      const v = await validate(org.id, input);
      const id = newId();
      try {
        await repo.insertCode(db, {
          id,
          org_id: org.id,
          code: v.code,
          kind: input.kind,
          percent_off: input.percentOff ?? null,
          amount_minor: input.amountMinor ?? null,
          currency: input.currency,
          min_order_minor: input.minOrderMinor ?? null,
          starts_at: v.startsAt,
          ends_at: v.endsAt,
          usage_limit: input.usageLimit ?? null,
          per_customer_limit: input.perCustomerLimit ?? null,
          product_ids: JSON.stringify(v.productIds),
          deal_ids: JSON.stringify(v.dealIds),
          created_by: principal.userId,
        });
      } catch (err) {
        if (uniqueViolationField(err) !== 'code') throw err;
        throw commerceError('discount_code_taken', `The brand already has a code ${v.code}`);
      }
      return presentCode((await repo.findCode(db, org.id, id))!);
    },

    async list(principal: Principal, orgHandle: string) {
      const org = await identity.orgs.requireCapability(principal, orgHandle, 'manageCatalog');
      return { items: (await repo.listCodes(db, org.id)).map((c) => presentCode(c)) };
    },

    /** Disabling is final and keeps the code's history; orders already holding it keep their discount. */
    async disable(principal: Principal, orgHandle: string, id: string) {
      const org = await identity.orgs.requireCapability(principal, orgHandle, 'manageCatalog');
      if (!(await repo.findCode(db, org.id, id)))
        throw commerceError('discount_code_not_found', 'No such discount code at this brand');
      await repo.disableCode(db, org.id, id);
      return presentCode((await repo.findCode(db, org.id, id))!);
    },
  };
}

export type DiscountsService = ReturnType<typeof createDiscountsService>;

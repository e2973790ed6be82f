import type { Db } from '../../../platform/db/database.ts';
import type { EventBus } from '../../../platform/events/outbox.ts';
import type { Principal } from '../../../platform/http/auth.ts';
import { newId } from '../../../platform/ids.ts';
import { TtlCache } from '../../../platform/ttl-cache.ts';
import type { IdentityModule } from '../../identity/index.ts';
import { isCountryCode } from '../address-rules.ts';
import { commerceError } from '../commerce.errors.ts';
import * as ordersRepo from '../orders.repo.ts';
import * as repo from './shipping.repo.ts';

export type ShippingRules = {
  zones: {
    id: string;
    name: string;
    countries: string[];
    rateMinor: number;
    freeOverMinor: number | null;
    currency: string;
  }[];
  taxRates: { country: string; rateBp: number }[];
  pricesIncludeTax: boolean;
  returnWindowDays: number;
};

export type ZoneInput = {
  name: string;
  countries: string[];
  rateMinor: number;
  freeOverMinor?: number | null;
  currency: string;
};

const invalid = (field: string, message: string) =>
  commerceError('invalid_shipping_zone', `${field} ${message}`, [{ field, message }]);

/** Where a brand ships, at what rate, and the tax of each country; checkout reads them through `rulesFor`. */
export function createShippingService({
  db,
  identity,
}: {
  db: Db;
  events: EventBus;
  identity: Pick<IdentityModule, 'orgs'>;
}) {
  // Read on every checkout: briefly cached; this process drops the entry as soon as the brand changes it.
  const cache = new TtlCache<ShippingRules>(2000);

  async function load(orgId: string): Promise<ShippingRules> {
    const [zones, rates, settings] = await Promise.all([
      repo.zonesOf(db, orgId),
      repo.taxRatesOf(db, orgId),
      ordersRepo.settingsOf(db, orgId),
    ]);
    return {
      zones: zones.map((z) => ({
        id: z.id,
        name: z.name,
        countries: z.countries,
        rateMinor: z.rate_minor,
        freeOverMinor: z.free_over_minor,
        currency: z.currency,
      })),
      taxRates: rates.map((r) => ({ country: r.country, rateBp: r.rate_bp })),
      pricesIncludeTax: settings?.prices_include_tax ?? true,
      returnWindowDays: settings?.return_window_days ?? 30,
    };
  }

  async function rulesFor(orgId: string): Promise<ShippingRules> {
    return (await cache.getMany([orgId], async () => new Map([[orgId, await load(orgId)]]))).get(orgId)!;
  }

  function checkCountries(countries: string[], others: ShippingRules['zones']) {
    const seen = new Set<string>();
    countries.forEach((c, i) => {
      if (!isCountryCode(c)) throw invalid(`countries[${i}]`, `${c} is not an ISO 3166 country code`);
      if (seen.has(c)) throw invalid(`countries[${i}]`, `${c} is listed twice`);
      seen.add(c);
      const taken = others.find((z) => z.countries.includes(c));
      if (taken) throw invalid(`countries[${i}]`, `${c} is already in the zone "${taken.name}"`);
    });
  }

  async function brand(principal: Principal, orgHandle: string) {
    return identity.orgs.requireCapability(principal, orgHandle, 'manageCatalog');
  }

  return {
    rulesFor,

    async get(principal: Principal, orgHandle: string) {
      const org = await identity.orgs.requireCapability(principal, orgHandle, 'viewSales');
      return load(org.id);
    },

    async addZone(principal: Principal, orgHandle: string, input: ZoneInput) {
      const org = await brand(principal, orgHandle);
      const rules = await load(org.id);
      checkCountries(input.countries, rules.zones);
      if (rules.zones.some((z) => z.currency !== input.currency))
        throw invalid('currency', 'must be the currency of the brand’s other zones');
      await repo.insertZone(db, {
        id: newId(),
        org_id: org.id,
        name: input.name.trim(),
        countries: JSON.stringify(input.countries),
        rate_minor: input.rateMinor,
        free_over_minor: input.freeOverMinor ?? null,
        currency: input.currency,
      });
      cache.delete(org.id);
      return load(org.id);
    },

    async updateZone(
      principal: Principal,
      orgHandle: string,
      id: string,
      patch: Partial<Omit<ZoneInput, 'currency'>>,
    ) {
      const org = await brand(principal, orgHandle);
      const rules = await load(org.id);
      if (!rules.zones.some((z) => z.id === id))
        throw commerceError('shipping_zone_not_found', 'No such shipping zone at this brand');
      if (patch.countries)
        checkCountries(
          patch.countries,
          rules.zones.filter((z) => z.id !== id),
        );
      await repo.updateZone(db, org.id, id, {
        ...(patch.name !== undefined ? { name: patch.name.trim() } : {}),
        ...(patch.countries ? { countries: JSON.stringify(patch.countries) } : {}),
        ...(patch.rateMinor !== undefined ? { rate_minor: patch.rateMinor } : {}),
        ...(patch.freeOverMinor !== undefined ? { free_over_minor: patch.freeOverMinor } : {}),
      });
      cache.delete(org.id);
      return load(org.id);
    },

    async deleteZone(principal: Principal, orgHandle: string, id: string) {
      const org = await brand(principal, orgHandle);
      if (!(await repo.deleteZone(db, org.id, id)))
        throw commerceError('shipping_zone_not_found', 'No such shipping zone at this brand');
      cache.delete(org.id);
      return load(org.id);
    },

    /** The tax table, whole, and whether the brand's prices include it; the return window. */
    async saveTax(
      principal: Principal,
      orgHandle: string,
      input: {
        pricesIncludeTax?: boolean;
        returnWindowDays?: number;
        taxRates?: { country: string; rateBp: number }[];
      },
    ) {
      const org = await brand(principal, orgHandle);
      if (input.taxRates) {
        const seen = new Set<string>();
        input.taxRates.forEach((r, i) => {
          if (!isCountryCode(r.country) || seen.has(r.country))
            throw invalid(`taxRates[${i}].country`, `${r.country} is not a country code, or is listed twice`);
          seen.add(r.country);
        });
        await db.transaction().execute((trx) => repo.replaceTaxRates(trx, org.id, input.taxRates!));
      }
      if (input.pricesIncludeTax !== undefined || input.returnWindowDays !== undefined)
        await ordersRepo.saveSettings(db, org.id, {
          ...(input.pricesIncludeTax !== undefined ? { prices_include_tax: input.pricesIncludeTax } : {}),
          ...(input.returnWindowDays !== undefined ? { return_window_days: input.returnWindowDays } : {}),
        });
      cache.delete(org.id);
      return load(org.id);
    },
  };
}

export type ShippingService = ReturnType<typeof createShippingService>;

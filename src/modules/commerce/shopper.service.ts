import type { Db } from '../../platform/db/database.ts';
import type { Principal } from '../../platform/http/auth.ts';
import { newId } from '../../platform/ids.ts';
import type { IdentityModule } from '../identity/index.ts';
import { checkAddress } from './address-rules.ts';
import * as catalogRepo from './catalog.repo.ts';
import { type CatalogService, forViewer } from './catalog.service.ts';
import { commerceError } from './commerce.errors.ts';
import * as repo from './orders.repo.ts';

type AddressInput = {
  name: string;
  line1: string;
  line2?: string;
  city: string;
  postalCode: string;
  country: string;
};

/** A shopper's address book and cart, and a brand's attribution settings. */
export function createShopperService({
  db,
  identity,
  catalog,
}: {
  db: Db;
  identity: Pick<IdentityModule, 'orgs'>;
  catalog: CatalogService;
}) {
  async function cart(principal: Principal) {
    const lines = await repo.cartOf(db, principal.userId);
    const variants = await catalogRepo.findVariants(
      db,
      lines.map((l) => l.variant_id),
    );
    const products = new Map(
      (await catalog.load([...new Set(variants.map((v) => v.product_id))])).map((p) => [p.id, p]),
    );
    return lines.flatMap((l) => {
      const product = products.get(variants.find((v) => v.id === l.variant_id)?.product_id ?? '');
      return product
        ? [{ variantId: l.variant_id, quantity: l.quantity, product: forViewer(product, principal) }]
        : [];
    });
  }

  return {
    cart,

    async addresses(principal: Principal) {
      const rows = await repo.listAddresses(db, principal.userId);
      return rows.map((r) => ({
        id: r.id,
        name: r.name,
        line1: r.line1,
        line2: r.line2,
        city: r.city,
        postalCode: r.postal_code,
        country: r.country,
      }));
    },

    async addAddress(principal: Principal, input: AddressInput) {
      checkAddress(input);
      const id = newId();
      await repo.insertAddress(db, {
        id,
        user_id: principal.userId,
        name: input.name,
        line1: input.line1,
        line2: input.line2 ?? '',
        city: input.city,
        postal_code: input.postalCode,
        country: input.country,
      });
      return { id, ...input, line2: input.line2 ?? '' };
    },

    async removeAddress(principal: Principal, id: string) {
      if (!(await repo.deleteAddress(db, principal.userId, id)))
        throw commerceError('address_not_found', 'Address not found');
    },

    async setCartItem(principal: Principal, variantId: string, quantity: number) {
      const [variant] = await catalogRepo.findVariants(db, [variantId]);
      if (!variant)
        throw commerceError('unknown_product', `No product variant ${variantId}`, [
          { field: 'variantId', message: 'does not exist' },
        ]);
      await repo.setCartItem(db, principal.userId, variantId, quantity);
      return cart(principal);
    },

    async settings(principal: Principal, orgHandle: string) {
      const org = await identity.orgs.requireCapability(principal, orgHandle, 'viewSales');
      const saved = await repo.settingsOf(db, org.id);
      return {
        attributionWindowDays: saved?.attribution_window_days ?? 30,
        attributionModel: saved?.attribution_model ?? 'last_touch',
      };
    },

    async saveSettings(
      principal: Principal,
      orgHandle: string,
      input: { attributionWindowDays?: number; attributionModel?: 'last_touch' | 'first_touch' },
    ) {
      const org = await identity.orgs.requireCapability(principal, orgHandle, 'editProfile');
      await repo.saveSettings(db, org.id, {
        attribution_window_days: input.attributionWindowDays,
        attribution_model: input.attributionModel,
      });
      const saved = (await repo.settingsOf(db, org.id))!;
      return {
        attributionWindowDays: saved.attribution_window_days,
        attributionModel: saved.attribution_model,
      };
    },
  };
}

export type ShopperService = ReturnType<typeof createShopperService>;

import type { Db } from '../../platform/db/database.ts';
import type { PersonalDataPart } from '../../platform/personal-data.ts';
import * as repo from './personal-data.repo.ts';

/**
 * A person's orders and saved addresses in their export. On closing, the address book and cart go; orders stay,
 * as tax and consumer law require of the brand's records (with the shipping address the brand shipped to), while
 * the buyer account they point at is anonymised by identity.
 */
export function createCommercePersonalData(db: Db): PersonalDataPart {
  return {
    name: 'commerce',
    async export(personId) {
      const orders = await repo.ordersOf(db, personId);
      const items = await repo.itemsOf(
        db,
        orders.map((o) => o.id),
      );
      const addresses = await repo.addressesOf(db, personId);
      return {
        orders: orders.map((o) => ({
          id: o.id,
          brandId: o.org_id,
          status: o.status,
          currency: o.currency,
          totalMinor: o.total_minor,
          refundedMinor: o.refunded_minor,
          shippingAddress: o.shipping_address,
          createdAt: o.created_at.toISOString(),
          items: items
            .filter((i) => i.order_id === o.id)
            .map((i) => ({
              title: i.title,
              sku: i.sku,
              quantity: i.quantity,
              unitPriceMinor: i.unit_price_minor,
            })),
        })),
        addresses: addresses.map((a) => ({
          name: a.name,
          line1: a.line1,
          line2: a.line2,
          city: a.city,
          postalCode: a.postal_code,
          country: a.country,
        })),
      };
    },
    async erase(trx, personId) {
      await repo.dropShopperData(trx, personId);
    },
  };
}

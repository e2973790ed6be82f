import type { Insertable, Selectable } from 'kysely';
import type { Executor } from '../../../platform/db/database.ts';
import type { ShippingZonesTable } from '../commerce.tables.ts';

export type ZoneRow = Selectable<ShippingZonesTable>;

export function zonesOf(db: Executor, orgId: string): Promise<ZoneRow[]> {
  return db
    .selectFrom('shipping_zones')
    .selectAll()
    .where('org_id', '=', orgId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export function taxRatesOf(db: Executor, orgId: string): Promise<{ country: string; rate_bp: number }[]> {
  return db
    .selectFrom('tax_rates')
    .select(['country', 'rate_bp'])
    .where('org_id', '=', orgId)
    .orderBy('country')
    .execute();
}

export async function pricesIncludeTax(db: Executor, orgId: string): Promise<boolean> {
  const row = await db
    .selectFrom('commerce_settings')
    .select('prices_include_tax')
    .where('org_id', '=', orgId)
    .executeTakeFirst();
  return row?.prices_include_tax ?? true;
}

export async function insertZone(db: Executor, row: Insertable<ShippingZonesTable>): Promise<void> {
  await db.insertInto('shipping_zones').values(row).execute();
}

export async function updateZone(
  db: Executor,
  orgId: string,
  id: string,
  patch: Partial<
    Pick<Insertable<ShippingZonesTable>, 'name' | 'countries' | 'rate_minor' | 'free_over_minor'>
  >,
): Promise<void> {
  await db
    .updateTable('shipping_zones')
    .set(patch)
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .execute();
}

export async function deleteZone(db: Executor, orgId: string, id: string): Promise<boolean> {
  const r = await db
    .deleteFrom('shipping_zones')
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

/** Replaces the brand's whole table of tax rates. */
export async function replaceTaxRates(
  db: Executor,
  orgId: string,
  rates: { country: string; rateBp: number }[],
): Promise<void> {
  await db.deleteFrom('tax_rates').where('org_id', '=', orgId).execute();
  if (rates.length)
    await db
      .insertInto('tax_rates')
      .values(rates.map((r) => ({ org_id: orgId, country: r.country, rate_bp: r.rateBp })))
      .execute();
}

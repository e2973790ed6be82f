import { type Selectable, sql } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';
import type { ProductsTable, ProductVariantsTable } from './commerce.tables.ts';

export type ProductRow = Selectable<ProductsTable>;
export type VariantRow = Selectable<ProductVariantsTable>;

export type NewProduct = Omit<ProductRow, 'archived_at' | 'created_at' | 'updated_at'>;

export function listProducts(db: Executor, orgId: string, includeArchived: boolean): Promise<ProductRow[]> {
  let q = db.selectFrom('products').selectAll().where('org_id', '=', orgId);
  if (!includeArchived) q = q.where('archived_at', 'is', null);
  return q.orderBy('created_at', 'desc').orderBy('id').execute();
}

/**
 * Products on sale whose title or description match a web-style query ("jacket", "rain -kids"), best match
 * first, through the products_search index; `offset` pages on.
 */
export async function searchProducts(db: Executor, query: string, limit: number, offset: number) {
  const { rows } = await sql<{ id: string }>`
    SELECT id FROM products
    WHERE archived_at IS NULL
      AND to_tsvector('english', title || ' ' || description) @@ websearch_to_tsquery('english', ${query})
    ORDER BY ts_rank(to_tsvector('english', title || ' ' || description), websearch_to_tsquery('english', ${query})) DESC, id
    LIMIT ${limit} OFFSET ${offset}`.execute(db);
  return rows.map((r) => r.id);
}

export function findProduct(db: Executor, id: string): Promise<ProductRow | undefined> {
  return db.selectFrom('products').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findProductsByIds(db: Executor, ids: string[]): Promise<ProductRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('products').selectAll().where('id', 'in', ids).execute();
}

export function findProductBySlug(
  db: Executor,
  orgId: string,
  slug: string,
): Promise<ProductRow | undefined> {
  return db
    .selectFrom('products')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('slug', '=', slug)
    .executeTakeFirst();
}

export function variantsOf(db: Executor, productIds: string[]): Promise<VariantRow[]> {
  if (productIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('product_variants')
    .selectAll()
    .where('product_id', 'in', productIds)
    .orderBy('product_id')
    .orderBy('position')
    .execute();
}

export function findVariants(db: Executor, ids: string[]): Promise<VariantRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('product_variants').selectAll().where('id', 'in', ids).execute();
}

/** Slugs of this org that are `base` or `base-<suffix>`. */
export async function slugsLike(db: Executor, orgId: string, base: string): Promise<string[]> {
  const rows = await db
    .selectFrom('products')
    .select('slug')
    .where('org_id', '=', orgId)
    .where((eb) => eb.or([eb('slug', '=', base), eb('slug', 'like', `${base}-%`)]))
    .execute();
  return rows.map((r) => r.slug);
}

export async function skusTaken(
  db: Executor,
  orgId: string,
  skus: string[],
  exceptProductId?: string,
): Promise<string[]> {
  if (skus.length === 0) return [];
  let q = db
    .selectFrom('product_variants')
    .select('sku')
    .where('org_id', '=', orgId)
    .where('sku', 'in', skus);
  if (exceptProductId) q = q.where('product_id', '!=', exceptProductId);
  return (await q.execute()).map((r) => r.sku);
}

export async function insertProduct(db: Executor, product: NewProduct): Promise<void> {
  await db
    .insertInto('products')
    .values({ ...product, images: JSON.stringify(product.images) })
    .execute();
}

export async function updateProduct(
  db: Executor,
  id: string,
  patch: Partial<Omit<NewProduct, 'id' | 'org_id'>>,
): Promise<void> {
  const { images, ...rest } = patch;
  await db
    .updateTable('products')
    .set({ ...rest, ...(images ? { images: JSON.stringify(images) } : {}), updated_at: new Date() })
    .where('id', '=', id)
    .execute();
}

export async function archiveProduct(db: Executor, id: string): Promise<void> {
  await db.updateTable('products').set({ archived_at: new Date() }).where('id', '=', id).execute();
}

/** Replaces a product's variants: updates those whose SKU stays, adds new ones, removes the rest. */
export async function replaceVariants(
  db: Executor,
  orgId: string,
  productId: string,
  variants: { id: string; sku: string; name: string; stock: number }[],
) {
  const existing = await variantsOf(db, [productId]);
  const bySku = new Map(existing.map((v) => [v.sku, v]));
  const keep = new Set<string>();
  for (const [position, v] of variants.entries()) {
    const current = bySku.get(v.sku);
    if (current) {
      keep.add(current.id);
      await db
        .updateTable('product_variants')
        .set({ name: v.name, stock: v.stock, position })
        .where('id', '=', current.id)
        .execute();
    } else {
      await db
        .insertInto('product_variants')
        .values({
          id: v.id,
          org_id: orgId,
          product_id: productId,
          sku: v.sku,
          name: v.name,
          stock: v.stock,
          position,
        })
        .execute();
    }
  }
  const drop = existing.filter((v) => !keep.has(v.id)).map((v) => v.id);
  if (drop.length) await db.deleteFrom('product_variants').where('id', 'in', drop).execute();
}

export async function returnStock(db: Executor, variantId: string, quantity: number): Promise<void> {
  await sql`UPDATE product_variants SET stock = stock + ${quantity} WHERE id = ${variantId}`.execute(db);
}

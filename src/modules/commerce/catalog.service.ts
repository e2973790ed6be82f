import type { Db, Executor } from '../../platform/db/database.ts';
import type { Principal } from '../../platform/http/auth.ts';
import { uniqueViolationField } from '../../platform/http/database-errors.ts';
import { decodeCursor, encodeCursor } from '../../platform/http/pagination.ts';
import { newId } from '../../platform/ids.ts';
import { type AccountSummary, can, type IdentityModule, presentSummary } from '../identity/index.ts';
import type { AttachInput, AttachmentJson, MediaModule } from '../media/index.ts';
import * as repo from './catalog.repo.ts';
import { catalogToCsv, parseCatalogCsv } from './catalog-csv.ts';
import { commerceError } from './commerce.errors.ts';
import { type AudienceSlot, pluggedAudience } from './deal-audience.ts';
import { isCurrency } from './money.ts';

export type ProductInput = {
  slug?: string;
  title: string;
  description?: string;
  images?: string[];
  /** Uploaded images of the brand, in gallery order, with alt text; unchanged when absent. */
  media?: AttachInput[];
  priceMinor: number;
  currency: string;
  resellerFloorMinor?: number | null;
  exclusive?: boolean;
  /** Insiders only: `tier:<key>` or `segment:<id>`; null: anyone (unchanged when absent on an update). */
  audience?: string | null;
  variants: { sku: string; name?: string; stock: number }[];
};

export type CatalogDeps = {
  db: Db;
  identity: Pick<IdentityModule, 'orgs' | 'accounts'>;
  media: Pick<MediaModule, 'attachments'>;
  audiences: AudienceSlot;
};

/** Images in a product's gallery. */
export const MAX_PRODUCT_MEDIA = 12;

const slugify = (title: string) =>
  title
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60) || 'product';

export function presentProduct(
  p: repo.ProductRow,
  variants: repo.VariantRow[],
  org: AccountSummary | null = null,
  gallery: AttachmentJson[] = [],
) {
  const own = variants.filter((v) => v.product_id === p.id);
  return {
    id: p.id,
    orgId: p.org_id,
    org,
    slug: p.slug,
    title: p.title,
    description: p.description,
    images: p.images,
    gallery,
    priceMinor: p.price_minor,
    currency: p.currency,
    resellerFloorMinor: p.reseller_floor_minor,
    exclusive: p.exclusive,
    audience: p.audience,
    audienceLabel: null as string | null,
    archived: p.archived_at !== null,
    stock: own.reduce((sum, v) => sum + v.stock, 0),
    variants: own.map((v) => ({ id: v.id, sku: v.sku, name: v.name, stock: v.stock })),
  };
}
export type ProductJson = Omit<ReturnType<typeof presentProduct>, 'resellerFloorMinor'> & {
  /** Present for the brand's staff only (see forViewer). */
  resellerFloorMinor?: number | null;
};

/** A product as `principal` may see it: the reseller floor is the brand's trade agreement, for its staff only. */
export function forViewer<P extends ProductJson>(product: P, principal: Principal | null): P {
  if (can(principal, product.orgId, 'viewTradeTerms')) return product;
  const { resellerFloorMinor: _hidden, ...rest } = product;
  return rest as P;
}

export function createCatalogService({ db, identity, media, audiences }: CatalogDeps) {
  /** Names who may buy each Insiders-only product (the tier's or segment's name), one look-up per group. */
  async function labelled<P extends { orgId: string; audience: string | null; audienceLabel: string | null }>(
    products: P[],
  ): Promise<P[]> {
    const labels = new Map<string, string | null>();
    for (const p of products) {
      const ref = pluggedAudience(p.audience);
      const key = `${p.orgId}:${p.audience}`;
      if (!ref || labels.has(key)) continue;
      labels.set(key, (await audiences.resolver?.label(p.orgId, ref)) ?? null);
    }
    return products.map((p) =>
      p.audience ? { ...p, audienceLabel: labels.get(`${p.orgId}:${p.audience}`) ?? null } : p,
    );
  }

  /** An Insiders-only product names a tier or segment of its own brand (another brand's is not found). */
  async function checkAudience(orgId: string, audience: string | null | undefined) {
    const group = pluggedAudience(audience);
    if (group && !(await audiences.resolver?.exists(orgId, group)))
      throw commerceError(
        'audience_segment_not_found',
        `The brand has no advocate ${group.kind} "${group.id}"`,
        [{ field: 'audience', message: `no ${group.kind} "${group.id}" at this brand` }],
      );
  }

  async function validate(trx: Executor, orgId: string, input: ProductInput, productId?: string) {
    const errors = [];
    if (!isCurrency(input.currency))
      errors.push({ field: 'currency', message: 'must be an ISO 4217 code such as EUR' });
    if (input.resellerFloorMinor != null && input.priceMinor < input.resellerFloorMinor) {
      errors.push({
        field: 'priceMinor',
        message: 'is below the reseller floor: the list price itself would undercut resellers',
      });
    }
    const skus = input.variants.map((v) => v.sku);
    if (new Set(skus).size !== skus.length)
      errors.push({ field: 'variants', message: 'SKUs must be unique' });
    const taken = await repo.skusTaken(trx, orgId, skus, productId);
    if (taken.length)
      errors.push({ field: 'variants', message: `SKU already used by another product: ${taken.join(', ')}` });
    if (errors.length)
      throw commerceError('invalid_product', errors.map((e) => `${e.field} ${e.message}`).join('; '), errors);
  }

  /** The title's slug, with the first free `-2`, `-3`, … suffix when another product of the org has it. */
  async function freeSlug(trx: Executor, orgId: string, title: string) {
    const base = slugify(title);
    const taken = new Set(await repo.slugsLike(trx, orgId, base));
    let slug = base;
    for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
    return slug;
  }

  /** A concurrent write that took one of these SKUs first: the same answer as when it was there before. */
  async function guardSkuRace<T>(write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } catch (err) {
      if (uniqueViolationField(err) !== 'sku') throw err;
      const errors = [{ field: 'variants', message: 'SKU already used by another product' }];
      throw commerceError('invalid_product', 'variants SKU already used by another product', errors);
    }
  }

  async function load(ids: string[]): Promise<ProductJson[]> {
    const products = await repo.findProductsByIds(db, ids);
    const variants = await repo.variantsOf(db, ids);
    const galleries = await media.attachments.of('product', ids);
    const orgs = new Map(
      (await identity.accounts.byIds([...new Set(products.map((p) => p.org_id))])).map((o) => [
        o.id,
        presentSummary(o),
      ]),
    );
    const found = ids.flatMap((id) => {
      const p = products.find((x) => x.id === id);
      return p ? [presentProduct(p, variants, orgs.get(p.org_id) ?? null, galleries.get(p.id))] : [];
    });
    return labelled(found);
  }

  async function upsert(trx: Executor, orgId: string, input: ProductInput, existing?: repo.ProductRow) {
    const fields = {
      title: input.title,
      description: input.description ?? existing?.description ?? '',
      images: input.images ?? existing?.images ?? [],
      price_minor: input.priceMinor,
      currency: input.currency,
      reseller_floor_minor: input.resellerFloorMinor ?? null,
      exclusive: input.exclusive ?? false,
      audience: input.audience === undefined ? (existing?.audience ?? null) : input.audience,
    };
    const id = existing?.id ?? newId();
    if (existing) await repo.updateProduct(trx, id, fields);
    else
      await repo.insertProduct(trx, {
        id,
        org_id: orgId,
        slug: input.slug ?? slugify(input.title),
        ...fields,
      });
    await repo.replaceVariants(
      trx,
      orgId,
      id,
      input.variants.map((v) => ({ id: newId(), sku: v.sku, name: v.name ?? '', stock: v.stock })),
    );
    if (input.media)
      await media.attachments.replace(trx, 'product', id, orgId, input.media, MAX_PRODUCT_MEDIA);
    return id;
  }

  async function ownedProduct(principal: Principal, productId: string) {
    const product = await repo.findProduct(db, productId);
    if (!product) throw commerceError('product_not_found', 'Product not found');
    const org = (await identity.orgs.orgByIdOrNull(product.org_id)) ?? undefined;
    if (!org) throw commerceError('product_not_found', 'Product not found');
    await identity.orgs.requireCapability(principal, org.handle, 'manageCatalog');
    return product;
  }

  return {
    load,

    async list(orgHandle: string, principal: Principal | null) {
      const org = await identity.orgs.orgByHandle(orgHandle);
      const staff = can(principal, org.id, 'manageCatalog');
      const products = await repo.listProducts(db, org.id, staff);
      const ids = products.map((p) => p.id);
      const [variants, galleries] = await Promise.all([
        repo.variantsOf(db, ids),
        media.attachments.of('product', ids),
      ]);
      return labelled(
        products.map((p) =>
          forViewer(presentProduct(p, variants, presentSummary(org), galleries.get(p.id)), principal),
        ),
      );
    },

    /** Products on sale matching a search, best first; the next page's cursor is its offset. */
    async search(q: string, principal: Principal | null, page: { cursor?: string; limit?: number }) {
      const limit = page.limit ?? 20;
      const offset = Number(decodeCursor(page.cursor, /^\d{1,6}$/) ?? 0);
      const ids = await repo.searchProducts(db, q, limit + 1, offset);
      const items = (await load(ids.slice(0, limit))).map((p) => forViewer(p, principal));
      return { items, nextCursor: ids.length > limit ? encodeCursor(String(offset + limit)) : null };
    },

    async get(productId: string, principal: Principal | null) {
      const [product] = await load([productId]);
      if (!product || product.archived) throw commerceError('product_not_found', 'Product not found');
      return forViewer(product, principal);
    },

    async create(principal: Principal, orgHandle: string, input: ProductInput) {
      const org = await identity.orgs.requireCapability(principal, orgHandle, 'manageCatalog');
      await checkAudience(org.id, input.audience);
      const id = await guardSkuRace(() =>
        db.transaction().execute(async (trx) => {
          await validate(trx, org.id, input);
          if (input.slug && (await repo.findProductBySlug(trx, org.id, input.slug))) {
            throw commerceError('slug_taken', `A product with slug "${input.slug}" exists`, [
              { field: 'slug', message: 'is taken' },
            ]);
          }
          return upsert(trx, org.id, {
            ...input,
            slug: input.slug ?? (await freeSlug(trx, org.id, input.title)),
          });
        }),
      );
      return (await load([id]))[0];
    },

    async update(principal: Principal, productId: string, input: ProductInput) {
      const product = await ownedProduct(principal, productId);
      await checkAudience(product.org_id, input.audience);
      await guardSkuRace(() =>
        db.transaction().execute(async (trx) => {
          await validate(trx, product.org_id, input, product.id);
          await upsert(trx, product.org_id, input, product);
        }),
      );
      return (await load([productId]))[0];
    },

    async archive(principal: Principal, productId: string) {
      await ownedProduct(principal, productId);
      await repo.archiveProduct(db, productId);
    },

    async exportCsv(principal: Principal, orgHandle: string) {
      const org = await identity.orgs.requireCapability(principal, orgHandle, 'manageCatalog');
      const products = await repo.listProducts(db, org.id, false);
      return catalogToCsv(
        products,
        await repo.variantsOf(
          db,
          products.map((p) => p.id),
        ),
      );
    },

    /** All or nothing: every row is checked first, and one transaction writes the whole file. */
    async importCsv(principal: Principal, orgHandle: string, text: string) {
      const org = await identity.orgs.requireCapability(principal, orgHandle, 'manageCatalog');
      const { products, errors } = parseCatalogCsv(text);
      if (errors.length) throw csvErrors(errors);
      return db.transaction().execute(async (trx) => {
        const rowErrors = [];
        let created = 0;
        let updated = 0;
        for (const p of products) {
          const existing = await repo.findProductBySlug(trx, org.id, p.slug);
          const taken = await repo.skusTaken(
            trx,
            org.id,
            p.variants.map((v) => v.sku),
            existing?.id,
          );
          if (taken.length) {
            rowErrors.push({
              line: p.lines[0],
              field: 'sku',
              message: `already used by another product: ${taken.join(', ')}`,
            });
            continue;
          }
          await upsert(trx, org.id, { ...p, slug: p.slug }, existing);
          if (existing) updated++;
          else created++;
        }
        if (rowErrors.length) throw csvErrors(rowErrors);
        return { created, updated };
      });
    },
  };
}

function csvErrors(errors: { line: number; field: string; message: string }[]) {
  return commerceError(
    'csv_invalid',
    `The file has ${errors.length} problem${errors.length === 1 ? '' : 's'}; nothing was imported`,
    errors,
  );
}

export type CatalogService = ReturnType<typeof createCatalogService>;

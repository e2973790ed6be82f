import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import type { FieldError } from '../../platform/errors.ts';
import type { ProductRow, VariantRow } from './catalog.repo.ts';
import { formatDecimal, isCurrency, parseMoney } from './money.ts';

export const CSV_COLUMNS = [
  'slug',
  'title',
  'description',
  'price',
  'currency',
  'reseller_floor',
  'exclusive',
  'images',
  'sku',
  'variant',
  'stock',
] as const;

export type CsvProduct = {
  slug: string;
  title: string;
  description: string;
  priceMinor: number;
  currency: string;
  resellerFloorMinor: number | null;
  exclusive: boolean;
  images: string[];
  variants: { sku: string; name: string; stock: number }[];
  lines: number[];
};

export type CsvError = FieldError & { line: number };

const SLUG = /^[a-z0-9][a-z0-9-]{0,79}$/;

/**
 * Reads a product CSV (one row per variant; rows sharing a slug form one product) and reports every problem
 * by line and field, so a brand can fix the file in one pass. Nothing is returned unless the whole file is valid.
 */
export function parseCatalogCsv(text: string): { products: CsvProduct[]; errors: CsvError[] } {
  let records: Record<string, string>[];
  try {
    records = parse(text, {
      columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()),
      skip_empty_lines: true,
      trim: true,
      bom: true,
    });
  } catch (err) {
    const line = (err as { lines?: number }).lines ?? 1;
    return {
      products: [],
      errors: [{ line, field: 'file', message: `not valid CSV: ${(err as Error).message}` }],
    };
  }
  const errors: CsvError[] = [];
  const header = text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/, 1)[0]
    .toLowerCase();
  for (const column of CSV_COLUMNS) {
    if (
      !header
        .split(',')
        .map((h) => h.trim())
        .includes(column)
    )
      errors.push({ line: 1, field: column, message: 'column is missing' });
  }
  if (errors.length) return { products: [], errors };

  const bySlug = new Map<string, CsvProduct>();
  const skus = new Map<string, number>();
  records.forEach((row, index) => {
    const line = index + 2; // header is line 1
    const fail = (field: string, message: string) => errors.push({ line, field, message });
    const currency = row.currency.toUpperCase();
    if (!SLUG.test(row.slug)) fail('slug', 'must be lowercase letters, digits and dashes');
    if (!row.title || row.title.length > 200) fail('title', 'is required (at most 200 characters)');
    if (!isCurrency(currency)) fail('currency', 'must be an ISO 4217 code such as EUR');
    const price = isCurrency(currency) ? parseMoney(row.price, currency) : null;
    if (price === null) fail('price', 'must be a non-negative amount like 129.99');
    const floor =
      row.reseller_floor === ''
        ? null
        : isCurrency(currency)
          ? parseMoney(row.reseller_floor, currency)
          : null;
    if (row.reseller_floor !== '' && floor === null)
      fail('reseller_floor', 'must be empty or an amount like 99.00');
    if (price !== null && floor !== null && price < floor) fail('price', 'is below the reseller floor');
    if (!['', 'true', 'false', 'yes', 'no', '1', '0'].includes(row.exclusive.toLowerCase()))
      fail('exclusive', 'must be true or false');
    const stock = Number(row.stock);
    if (!/^\d+$/.test(row.stock) || stock > 10_000_000) fail('stock', 'must be a whole number ≥ 0');
    if (!/^[A-Za-z0-9._-]{1,64}$/.test(row.sku))
      fail('sku', 'must be 1–64 letters, digits, dots, dashes or underscores');
    else if (skus.has(row.sku)) fail('sku', `repeats line ${skus.get(row.sku)}`);
    else skus.set(row.sku, line);
    const images = row.images ? row.images.split('|').map((s) => s.trim()) : [];
    if (images.some((u) => !/^https?:\/\/\S+$/.test(u)))
      fail('images', 'must be http(s) URLs separated by |');

    const exclusive = ['true', 'yes', '1'].includes(row.exclusive.toLowerCase());
    const existing = bySlug.get(row.slug);
    if (existing) {
      const same =
        existing.title === row.title &&
        existing.priceMinor === price &&
        existing.currency === currency &&
        existing.resellerFloorMinor === floor &&
        existing.exclusive === exclusive;
      if (!same)
        fail('slug', `rows of product "${row.slug}" disagree on title, price, currency, floor or exclusive`);
      existing.variants.push({ sku: row.sku, name: row.variant, stock });
      existing.lines.push(line);
    } else {
      bySlug.set(row.slug, {
        slug: row.slug,
        title: row.title,
        description: row.description,
        priceMinor: price ?? 0,
        currency,
        resellerFloorMinor: floor,
        exclusive,
        images,
        variants: [{ sku: row.sku, name: row.variant, stock }],
        lines: [line],
      });
    }
  });
  return errors.length ? { products: [], errors } : { products: [...bySlug.values()], errors };
}

export function catalogToCsv(products: ProductRow[], variants: VariantRow[]): string {
  const rows = products.flatMap((p) =>
    variants
      .filter((v) => v.product_id === p.id)
      .map((v) => [
        p.slug,
        p.title,
        p.description,
        formatDecimal(p.price_minor, p.currency),
        p.currency,
        p.reseller_floor_minor === null ? '' : formatDecimal(p.reseller_floor_minor, p.currency),
        String(p.exclusive),
        p.images.join('|'),
        v.sku,
        v.name,
        String(v.stock),
      ]),
  );
  return stringify([[...CSV_COLUMNS], ...rows]);
}

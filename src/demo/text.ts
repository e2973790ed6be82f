import type { Rng } from './random.ts';
import {
  BIO_PARTS,
  BRAND_POSTS,
  BRAND_REPLIES,
  CATEGORIES,
  type Category,
  CITIES,
  DIRECT_POSTS,
  LIFE_POSTS,
  PERSON_BRAND_POSTS,
  PERSON_FRIEND_POSTS,
  PERSON_REPLIES,
} from './vocabulary.ts';

/** What a sentence template may refer to; handles are written as @mentions. */
export type TextContext = {
  brandHandle?: string;
  category?: Category;
  personHandle?: string;
  customerHandle?: string;
  parentHandle?: string;
};

const slug = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

function link(rng: Rng, ctx: TextContext): string {
  const product = ctx.category ? rng.pick(ctx.category.products) : 'notes';
  if (ctx.brandHandle && rng.chance(0.7)) return `https://${ctx.brandHandle}.example/p/${slug(product)}`;
  return `https://blog.example/${2026 - rng.int(3)}/${slug(product)}-${1 + rng.int(99)}`;
}

/** Fills `{slot}`s from the context; each slot draws afresh, so two {product}s may differ. */
export function fill(template: string, rng: Rng, ctx: TextContext): string {
  const category = ctx.category ?? CATEGORIES[0];
  return template.replace(/\{(\w+)\}/g, (_, key: string) => {
    switch (key) {
      case 'brand':
        return `@${ctx.brandHandle}`;
      case 'person':
        return `@${ctx.personHandle}`;
      case 'customer':
        return `@${ctx.customerHandle}`;
      case 'parent':
        return `@${ctx.parentHandle}`;
      case 'product':
        return rng.pick(category.products);
      case 'feature':
        return rng.pick(category.features);
      case 'activity':
        return rng.pick(category.activities);
      case 'issue':
        return rng.pick(category.issues);
      case 'tips':
        return rng.pick(category.tips);
      case 'tag':
        return rng.pick(category.tags);
      case 'city':
        return rng.pick(CITIES);
      case 'n':
        return String(2 + rng.int(12));
      case 'order':
        return `#${100000 + rng.int(900000)}`;
      case 'link':
        return link(rng, ctx);
      default:
        throw new Error(`unknown template slot {${key}}`);
    }
  });
}

export const personBrandPost = (rng: Rng, ctx: TextContext) => fill(rng.pick(PERSON_BRAND_POSTS), rng, ctx);
export const personFriendPost = (rng: Rng, ctx: TextContext) => fill(rng.pick(PERSON_FRIEND_POSTS), rng, ctx);
export const lifePost = (rng: Rng) => fill(rng.pick(LIFE_POSTS), rng, {});
export const brandPost = (rng: Rng, ctx: TextContext) => fill(rng.pick(BRAND_POSTS), rng, ctx);
export const brandReply = (rng: Rng, ctx: TextContext) => fill(rng.pick(BRAND_REPLIES), rng, ctx);
export const personReply = (rng: Rng, ctx: TextContext) => fill(rng.pick(PERSON_REPLIES), rng, ctx);

/** A direct post to a friend, or to a brand when there is no friend to write to. */
export function directPost(rng: Rng, ctx: TextContext): string {
  const templates = ctx.personHandle ? DIRECT_POSTS.slice(0, 2) : DIRECT_POSTS.slice(2);
  return fill(rng.pick(templates), rng, ctx);
}

export function personBio(rng: Rng): string {
  const parts = new Set<string>();
  const count = 1 + rng.int(3);
  while (parts.size < count) parts.add(rng.pick(BIO_PARTS));
  const bio = [...parts].join(' ');
  return rng.chance(0.3) ? `${bio} ${rng.pick(CITIES)}.` : bio;
}

export function brandBio(rng: Rng, category: Category): string {
  const feature = rng.pick(category.features);
  return `${category.products[0][0].toUpperCase()}${category.products[0].slice(1)}s and more, with ${feature}. Support here every day, 8am to 8pm.`;
}

export const resellerBio = (rng: Rng) =>
  `Independent reseller of new and refurbished gear in ${rng.pick(CITIES)}. Every item checked by hand.`;

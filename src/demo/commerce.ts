import type { composeModules } from '../app.ts';
import { TEST_CARDS } from '../modules/commerce/index.ts';
import type { Principal } from '../platform/http/auth.ts';
import { productPicture } from './product-images.ts';
import { Rng } from './random.ts';
import { FEATURED_BRANDS } from './vocabulary.ts';

type Modules = ReturnType<typeof composeModules>;

// Each brand sells a few list-priced products resellers also carry (with a floor) and one own-store exclusive,
// so its deals can be value-added bundles that never undercut the trade channel.
const RANGES: Record<string, { products: string[]; exclusive: string; base: number }> = {
  outdoor: {
    products: ['Trail Runner 3', 'Summit Jacket', 'Ridge Daypack'],
    exclusive: 'Custom embroidery',
    base: 8_900,
  },
  coffee: {
    products: ['Roast No. 5 (1 kg)', 'Pour-over Kit', 'Cold Brew Bottle'],
    exclusive: 'Roaster’s tasting session',
    base: 2_400,
  },
  laptops: {
    products: ['Aero 14 Laptop', 'Dock Pro', 'Silent Keyboard'],
    exclusive: '3-year care plan',
    base: 89_900,
  },
  sneakers: {
    products: ['Court Classic', 'Street Runner', 'Canvas Low'],
    exclusive: 'Monogrammed laces',
    base: 11_900,
  },
  telecom: {
    products: ['Nova 8 Phone', 'Fast Charger Duo', 'Travel eSIM Pack'],
    exclusive: 'Screen-care plan',
    base: 49_900,
  },
  airline: {
    products: ['Weekend Return Fare', 'Extra Legroom Seat', 'Lounge Day Pass'],
    exclusive: 'Members’ priority boarding',
    base: 9_900,
  },
  cosmetics: {
    products: ['Hydra Serum', 'Night Cream', 'SPF 50 Fluid'],
    exclusive: 'Skin consultation',
    base: 3_900,
  },
  bikes: {
    products: ['Commuter 7', 'Gravel One', 'Urban Lock'],
    exclusive: 'Lifetime tune-ups',
    base: 79_900,
  },
};
const FALLBACK_RANGE = RANGES.outdoor;
const categoryOf = new Map(FEATURED_BRANDS.map((b, i) => [b.handle, { category: b.category, rank: i }]));

const ADDRESS = {
  name: 'Demo Shopper',
  line1: '12 Market Street',
  city: 'Leeds',
  postalCode: 'LS1 6PL',
  country: 'GB',
};

/** Seeds catalogs, live deals and a few attributed orders for the demo world's first brands, through the services. */
export async function seedDemoCommerce(
  modules: Modules,
  opts: { seed: number; brands?: number; log?: (m: string) => void },
) {
  const { identity, social, commerce, media } = modules;
  const rng = new Rng(opts.seed).fork('commerce');
  const rank = (handle: string) => categoryOf.get(handle)?.rank ?? Number.MAX_SAFE_INTEGER;
  const brands = (await identity.accounts.orgs('brand', 1000))
    .sort((a, b) => rank(a.handle) - rank(b.handle))
    .slice(0, opts.brands ?? 8);
  const admin = (orgId: string): Principal => ({
    userId: orgId,
    isAdmin: false,
    csrfToken: null,
    memberships: [{ orgId, role: 'owner' }],
  });
  const person = (userId: string): Principal => ({
    userId,
    isAdmin: false,
    csrfToken: null,
    memberships: [],
  });
  let deals = 0;
  let orders = 0;
  for (const [index, brand] of brands.entries()) {
    const owner = admin(brand.id);
    const range = RANGES[categoryOf.get(brand.handle)?.category ?? ''] ?? FALLBACK_RANGE;
    const products = [];
    // Drawn pictures, uploaded through the media module like a brand's own (checked, variants, alt text).
    const hue = (index * 47 + 200) % 360;
    const picture = async (i: number) =>
      (await media.upload(owner, await productPicture(hue, i), brand.handle)).id;
    for (const [i, title] of range.products.entries()) {
      const price = range.base * (i + 1);
      products.push(
        await commerce.catalog.create(owner, brand.handle, {
          title,
          media: [{ id: await picture(i), alt: `${title}, product picture` }],
          description: `${title} by ${brand.name}.`,
          priceMinor: price,
          currency: 'EUR',
          resellerFloorMinor: Math.round(price * 0.9),
          variants: [
            { sku: `${brand.handle.slice(0, 6).toUpperCase()}-${i + 1}`, stock: 150 + rng.int(100) },
          ],
        }),
      );
    }
    const exclusive = await commerce.catalog.create(owner, brand.handle, {
      title: range.exclusive,
      description: `Only at the ${brand.name} store.`,
      priceMinor: Math.round(range.base / 2),
      currency: 'EUR',
      exclusive: true,
      media: [{ id: await picture(range.products.length), alt: `${range.exclusive}, product picture` }],
      variants: [{ sku: `${brand.handle.slice(0, 6).toUpperCase()}-X`, stock: 500 }],
    });
    const storePostId = await social.posts.create(owner, {
      text: `New in our own store: ${exclusive.title}.`,
      media: exclusive.gallery.map((g) => ({ id: g.id, alt: g.alt })),
    });
    const endsAt = new Date(Date.now() + (3 + (index % 4)) * 86_400_000).toISOString();
    const bundle = await commerce.deals.publish(owner, brand.handle, {
      text: `Followers only: ${products[0].title} with ${exclusive.title} included, for less than the two apart. #deal`,
      type: 'bundle',
      valueMinor: products[0].priceMinor + Math.round(exclusive.priceMinor / 4),
      items: [{ productId: products[0].id }, { productId: exclusive.id }],
      endsAt,
      quantityCap: 100,
      perCustomerLimit: 2,
      audience: 'followers',
    });
    const discount = await commerce.deals.publish(owner, brand.handle, {
      text: `This week: ${products[1].title} at 10% off for everyone. Share it with a friend!`,
      type: 'percent_off',
      percentOff: 10,
      items: [{ productId: products[1].id }],
      endsAt,
      quantityCap: 200,
      perCustomerLimit: 3,
      audience: 'everyone',
    });
    deals += 2;
    // Where the brand ships and at what rate, VAT per country (prices include it), and a live code on the
    // bundle deal that takes money off the own-store exclusive (no reseller floor to break).
    await commerce.shipping.addZone(owner, brand.handle, {
      name: 'EU',
      countries: ['DE', 'FR', 'NL', 'ES', 'IT', 'IE'],
      rateMinor: 490,
      freeOverMinor: 5_000,
      currency: 'EUR',
    });
    await commerce.shipping.addZone(owner, brand.handle, {
      name: 'UK',
      countries: ['GB'],
      rateMinor: 690,
      freeOverMinor: 8_000,
      currency: 'EUR',
    });
    await commerce.shipping.addZone(owner, brand.handle, {
      name: 'US',
      countries: ['US'],
      rateMinor: 1_490,
      currency: 'EUR',
    });
    await commerce.shipping.saveTax(owner, brand.handle, {
      taxRates: [
        { country: 'DE', rateBp: 1900 },
        { country: 'FR', rateBp: 2000 },
        { country: 'NL', rateBp: 2100 },
        { country: 'ES', rateBp: 2100 },
        { country: 'IT', rateBp: 2200 },
        { country: 'IE', rateBp: 2300 },
        { country: 'GB', rateBp: 2000 },
      ],
    });
    await commerce.discounts.create(owner, brand.handle, {
      code: 'WELCOME5',
      kind: 'amount',
      amountMinor: 500,
      currency: 'EUR',
      usageLimit: 100,
      perCustomerLimit: 1,
      endsAt,
      dealIds: [bundle.id],
      productIds: [exclusive.id],
    });
    // A few sales, credited to the deal post, to a fan's reshare, or to a referral link.
    const followers = (await social.follows.list('followers', brand.handle, { limit: 30 })).items.filter(
      (a) => a.kind === 'person',
    );
    const [fan, ...buyers] = followers;
    if (!fan) continue;
    const reshareId = await social.posts.reshare(person(fan.id), discount.id);
    // Quote posts: a follower quotes the deal with a word of their own; on the first brand the fan also posts a
    // picture with no text (an image-only post), which another follower quotes, and quotes the brand's store post.
    const quoter = buyers[0] ?? fan;
    await social.posts.create(person(quoter.id), {
      text: `Ordered one: the ${products[1].title} is worth it at this price.`,
      quoteOfId: discount.id,
    });
    if (index === 0) {
      const photo = await media.upload(person(fan.id), await productPicture(hue, range.products.length + 1));
      const imageOnly = await social.posts.create(person(fan.id), {
        text: '',
        media: [{ id: photo.id, alt: `My new ${exclusive.title}, drawn in ${brand.name} colours` }],
      });
      await social.posts.create(person((buyers[1] ?? fan).id), {
        text: 'Same here, love the colours',
        quoteOfId: imageOnly,
      });
      await social.posts.create(person(fan.id), {
        text: `Finally in stock at @${brand.handle}!`,
        quoteOfId: storePostId,
      });
    }
    const placedIds: string[] = [];
    for (const [i, buyer] of buyers.slice(0, 6).entries()) {
      const source =
        i % 3 === 0 ? { postId: discount.id } : i % 3 === 1 ? { postId: reshareId } : { ref: fan.handle };
      const placed = await commerce.checkout
        .place(
          person(buyer.id),
          {
            dealId: discount.id,
            items: [{ variantId: products[1].variants[0].id, quantity: 1 }],
            shippingAddress: ADDRESS,
            source,
            card: { number: TEST_CARDS.succeeds },
          },
          `demo-${brand.handle}-${i}`,
        )
        .catch(() => null);
      if (placed) {
        orders++;
        placedIds.push(placed.orderId);
      }
    }
    // The first brand shows the shop's later steps: a deal renamed after launch (in its history) and two orders
    // on their way with tracking, one with a known carrier (linked) and one with a local courier.
    if (index === 0) {
      await commerce.dealEdits.edit(owner, discount.id, { title: `${products[1].title} week` });
      const [byCarrier, byCourier] = placedIds;
      if (byCarrier)
        await commerce.shipments.ship(owner, byCarrier, {
          carrier: 'dhl',
          trackingNumber: '0034043612345678',
        });
      if (byCourier)
        await commerce.shipments.ship(owner, byCourier, { carrier: 'other', trackingNumber: 'Courier 7781' });
      // One delivered order came back: asked for, approved, received and refunded.
      const returner = buyers[0];
      if (byCarrier && returner) {
        const asked = await commerce.returns
          .request(person(returner.id), byCarrier, {
            line: 0,
            reason: 'does_not_fit',
            note: 'One size too small.',
          })
          .catch(() => null);
        if (asked) {
          await commerce.returns.approve(owner, asked.id, 'Please use the prepaid label in the parcel.');
          await commerce.returns.receive(owner, asked.id);
        }
      }
    }
    const bundleBuyer = buyers[buyers.length - 1];
    if (bundleBuyer) {
      await commerce.checkout
        .place(
          person(bundleBuyer.id),
          {
            dealId: bundle.id,
            items: [
              { variantId: products[0].variants[0].id, quantity: 1 },
              { variantId: exclusive.variants[0].id, quantity: 1 },
            ],
            shippingAddress: ADDRESS,
            source: { postId: bundle.id },
            card: { number: TEST_CARDS.succeeds },
          },
          `demo-${brand.handle}-bundle`,
        )
        .then(() => orders++)
        .catch(() => null);
    }
  }
  opts.log?.(`demo: ${brands.length} brands with catalogs, ${deals} live deals, ${orders} orders`);
  return { deals, orders };
}

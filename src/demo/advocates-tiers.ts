import type { composeModules } from '../app.ts';
import { TEST_CARDS } from '../modules/commerce/index.ts';
import type { Principal } from '../platform/http/auth.ts';
import { productPicture } from './product-images.ts';
import { FEATURED_BRANDS } from './vocabulary.ts';

type Modules = ReturnType<typeof composeModules>;

const person = (userId: string): Principal => ({ userId, isAdmin: false, csrfToken: null, memberships: [] });
const DAY_MS = 86_400_000;
const RESHARE_SALES = 5;

/**
 * Tiers, early access and friends bought on the demo brand, through the services: the demo shopper reshares a deal,
 * five of the brand's followers buy through that reshare (each sale earns the shopper points, which lifts them to
 * Insider), those buyers chose to share their purchases and the shopper follows them (the card says so), and a
 * restock deal opens early for Insiders. Nothing here touches the long-game figures: they come from the world as is.
 */
/**
 * The Insider's other perks: a product only Insiders (and those above) may buy and @demo's reply in the brand's
 * thread, which shows their "Insider" badge. The demo ideas challenge invites the Insiders to co-design.
 */
async function seedInsiderPerks(
  modules: Modules,
  team: Principal,
  brandHandle: string,
  shopperId: string,
  dealId: string,
) {
  const { commerce, media, social } = modules;
  await commerce.catalog.create(team, brandHandle, {
    title: 'Ridge Founders’ Flask',
    description: 'A numbered run for our Insiders: engraved steel, made once a year.',
    media: [
      {
        id: (await media.upload(team, await productPicture(31, 7), brandHandle)).id,
        alt: 'Ridge Founders’ Flask, product picture',
      },
    ],
    priceMinor: 4_500,
    currency: 'EUR',
    audience: 'tier:insider',
    variants: [{ sku: `${brandHandle.slice(0, 6).toUpperCase()}-FLASK`, stock: 60 }],
  });
  await social.posts.create(person(shopperId), {
    text: 'Passed this on to my running club: five of them have theirs already. The charcoal one is lovely.',
    inReplyToId: dealId,
  });
}

export async function seedDemoTiers(
  modules: Modules,
  opts: { drain: () => Promise<unknown>; brandHandle?: string; log?: (m: string) => void },
) {
  const { identity, social, commerce, media } = modules;
  const brand = await identity.accounts.byHandle(opts.brandHandle ?? FEATURED_BRANDS[0].handle);
  const shopper = await identity.accounts.byHandle('demo');
  if (!brand || !shopper) return 0;
  const team: Principal = {
    userId: brand.id,
    isAdmin: false,
    csrfToken: null,
    memberships: [{ orgId: brand.id, role: 'owner' }],
  };
  const beanie = await commerce.catalog.create(team, brand.handle, {
    title: 'Merino Ridge Beanie',
    description: 'Knitted from the offcuts of our trail socks.',
    media: [
      {
        id: (await media.upload(team, await productPicture(30, 12), brand.handle)).id,
        alt: 'Merino Ridge Beanie, product picture',
      },
    ],
    priceMinor: 2_900,
    currency: 'EUR',
    variants: [{ sku: `${brand.handle.slice(0, 6).toUpperCase()}-BEANIE`, stock: 400 }],
  });
  const deal = await commerce.deals.publish(team, brand.handle, {
    text: `The ${beanie.title} at 15% off this week. Pass it on!`,
    type: 'percent_off',
    percentOff: 15,
    items: [{ productId: beanie.id }],
    endsAt: new Date(Date.now() + 6 * DAY_MS).toISOString(),
    audience: 'everyone',
  });
  const reshareId = await social.posts.reshare(person(shopper.id), deal.id);
  const followers = (await social.follows.list('followers', brand.handle, { limit: 100 })).items;
  const buyers = followers.filter((a) => a.kind === 'person' && a.id !== shopper.id).slice(-RESHARE_SALES);
  for (const [i, b] of buyers.entries()) {
    await commerce.friends.decide(person(b.id), true);
    await social.follows.follow(person(shopper.id), b.handle).catch(() => null);
    await commerce.checkout.place(
      person(b.id),
      {
        dealId: deal.id,
        items: [{ variantId: beanie.variants[0].id, quantity: 1 }],
        shippingAddress: {
          name: b.name,
          line1: `${i + 3} Ridge Lane`,
          city: 'Kendal',
          postalCode: 'LA9 4DH',
          country: 'GB',
        },
        card: { number: TEST_CARDS.succeeds },
        source: { postId: reshareId },
      },
      `demo-reshare-sale-${i}`,
    );
  }
  await opts.drain();
  const startsAt = new Date(Date.now() + 2 * DAY_MS);
  await commerce.deals.publish(team, brand.handle, {
    text: `Restock: the ${beanie.title} in new colours. Insiders can buy it now, everyone else in two days.`,
    title: 'Beanie restock: Insiders first',
    type: 'percent_off',
    percentOff: 10,
    items: [{ productId: beanie.id }],
    startsAt: startsAt.toISOString(),
    endsAt: new Date(startsAt.getTime() + 7 * DAY_MS).toISOString(),
    audience: 'everyone',
    earlyAccess: { audience: 'tier:insider', startsAt: new Date().toISOString() },
  });
  await seedInsiderPerks(modules, team, brand.handle, shopper.id, deal.id);
  opts.log?.(
    `demo: @demo earned points for ${buyers.length} sales through a reshare (Insider of @${brand.handle}), friends bought, an early-access deal, an Insiders-only product and the badge in the brand's thread`,
  );
  return buyers.length;
}

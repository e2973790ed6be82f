import type { composeModules } from '../app.ts';
import { TEST_CARDS } from '../modules/commerce/index.ts';
import type { Principal } from '../platform/http/auth.ts';
import { productPicture } from './product-images.ts';
import { FEATURED_BRANDS } from './vocabulary.ts';

type Modules = ReturnType<typeof composeModules>;

const person = (userId: string): Principal => ({ userId, isAdmin: false, csrfToken: null, memberships: [] });
const address = (name: string, i: number) => ({
  name,
  line1: `${10 + i} Referral Row`,
  city: 'York',
  postalCode: 'YO1 7HH',
  country: 'GB',
});

/**
 * Referrals in every state on the demo brand, through the services as people and the team would: a champion whose
 * friends' first orders were earned (one refunded afterwards, so reversed), one pending in the hold, one cancelled
 * by a refund, a repeat order refused; and a code posted publicly whose strangers were flagged, one rejected.
 * `drain` delivers the order events to the referral rules, as the dispatcher does once the server runs.
 */
export async function seedDemoAdvocates(
  modules: Modules,
  opts: { drain: () => Promise<unknown>; brandHandle?: string; log?: (m: string) => void },
) {
  const { identity, social, commerce, advocates, media } = modules;
  const brand = await identity.accounts.byHandle(opts.brandHandle ?? FEATURED_BRANDS[0].handle);
  if (!brand) return 0;
  const team: Principal = {
    userId: brand.id,
    isAdmin: false,
    csrfToken: null,
    memberships: [{ orgId: brand.id, role: 'owner' }],
  };
  const buyers = new Set((await commerce.advocacy.buyers(brand.id)).map((b) => b.buyer_id));
  const followers = (await social.follows.list('followers', brand.handle, { limit: 100 })).items;
  const newcomers = followers.filter((a) => a.kind === 'person' && !buyers.has(a.id));
  if (newcomers.length < 12) return 0;
  const [champion, poster, ...others] = newcomers;
  const friends = others.slice(0, 5);
  const strangers = [];
  for (const s of others.slice(5)) {
    const connected =
      (await social.follows.isFollowing(s.id, poster.id)) ||
      (await social.follows.isFollowing(poster.id, s.id));
    if (!connected) strangers.push(s);
    if (strangers.length === 3) break;
  }
  for (const f of friends) await social.follows.follow(person(f.id), champion.handle).catch(() => null);
  const socks = await commerce.catalog.create(team, brand.handle, {
    title: 'Merino Trail Socks',
    media: [
      {
        id: (await media.upload(team, await productPicture(200, 11), brand.handle)).id,
        alt: 'Merino Trail Socks, product picture',
      },
    ],
    description: 'Two pairs, for friends who hike together.',
    priceMinor: 1_800,
    currency: 'EUR',
    variants: [{ sku: `${brand.handle.slice(0, 6).toUpperCase()}-SOCK`, stock: 500 }],
  });
  let n = 0;
  const buy = (buyerId: string, name: string, ref: string) =>
    commerce.checkout.place(
      person(buyerId),
      {
        items: [{ variantId: socks.variants[0].id, quantity: 1 }],
        shippingAddress: address(name, n++),
        card: { number: TEST_CARDS.succeeds },
        source: { ref },
      },
      `demo-referral-${n}`,
    );
  const refund = (orderId: string) =>
    commerce.orders.refund(team, orderId, undefined, `demo-refund-${orderId}`);

  // Earned at once under a hold of 0 days; the third refunded afterwards, so its points are taken back.
  await advocates.referrals.saveSettings(team, brand.handle, { holdDays: 0, strangerFlagThreshold: 2 });
  const early = [];
  for (const f of friends.slice(0, 3)) early.push(await buy(f.id, f.name, champion.handle));
  await opts.drain();
  await advocates.earnDueReferrals();
  await refund(early[2].orderId);
  // Then the default hold: one pending, one refunded inside the hold, a repeat order refused, strangers flagged.
  await advocates.referrals.saveSettings(team, brand.handle, { holdDays: 14, strangerFlagThreshold: 2 });
  await buy(friends[3].id, friends[3].name, champion.handle);
  await refund((await buy(friends[4].id, friends[4].name, champion.handle)).orderId);
  await buy(friends[0].id, friends[0].name, champion.handle);
  for (const s of strangers) await buy(s.id, s.name, poster.handle);
  await opts.drain();
  const flagged = (await advocates.referrals.list(team, brand.handle, { status: 'flagged' })).items;
  if (flagged[0])
    await advocates.referrals.review(team, brand.handle, flagged[0].id, {
      decision: 'reject',
      reason: 'The code was posted on a coupon site',
    });
  await advocates.referrals.saveSettings(team, brand.handle, { holdDays: 14, strangerFlagThreshold: 10 });
  opts.log?.(
    `demo: referrals for @${brand.handle} in every state, from @${champion.handle} and @${poster.handle}`,
  );
  return n;
}

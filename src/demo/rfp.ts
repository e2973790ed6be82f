import type { composeModules } from '../app.ts';
import { formatMoney, TEST_CARDS } from '../modules/commerce/index.ts';
import type { Principal } from '../platform/http/auth.ts';
import { FEATURED_BRANDS } from './vocabulary.ts';

type Modules = ReturnType<typeof composeModules>;

/** The brand owner's own principal: replies in care go out as the brand from a real member. */
async function ownerOf(modules: Modules, brandId: string) {
  const owner = (await modules.identity.accounts.memberRoles(brandId)).find((m) => m.role === 'owner');
  return owner ? modules.identity.service.resolvePrincipalForUser(owner.user_id) : null;
}

const person = (userId: string): Principal => ({ userId, isAdmin: false, csrfToken: null, memberships: [] });
const teamOf = (orgId: string): Principal => ({
  userId: orgId,
  isAdmin: false,
  csrfToken: null,
  memberships: [{ orgId, role: 'owner' }],
});

/**
 * A request for proposals in public: a follower of the first demo brand asks three demo brands, two pitch from
 * their catalogs, and the asker awards the first pitch, which becomes an order at the quoted price.
 */
export async function seedDemoRfp(
  modules: Modules,
  opts: { drain: () => Promise<unknown>; log?: (m: string) => void },
) {
  const { identity, social, commerce, rfp } = modules;
  const brands = (
    await Promise.all(FEATURED_BRANDS.slice(0, 3).map((b) => identity.accounts.byHandle(b.handle)))
  ).filter((b) => b !== undefined);
  if (brands.length < 3) return 0;
  // Followers who are not already on the brand's team (the governance demo takes some of them on).
  const members = new Set((await identity.accounts.memberRoles(brands[0].id)).map((m) => m.user_id));
  const [asker, seller, shopper, caller] = (
    await social.follows.list('followers', brands[0].handle, { limit: 20 })
  ).items.filter((a) => a.kind === 'person' && a.handle !== 'demo' && !members.has(a.id));
  if (!asker || !seller) return 0;
  // Each brand pitches its main product (its dearest one the trade also sells), not whatever it listed last.
  const catalogs = (await Promise.all(brands.map((b) => commerce.catalog.list(b.handle, teamOf(b.id))))).map(
    (list) => list.filter((p) => !p.exclusive).sort((a, b) => b.priceMinor - a.priceMinor),
  );
  const first = catalogs[0].find((p) => p.variants.length > 0);
  if (!first) return 0;
  // The first brand's social seller pitches for it: the award is credited to them on the team's leaderboard.
  const sales = await salesMember(modules, brands[0], seller, first.currency);
  const request = await rfp.requests.create(person(asker.id), {
    title: 'Kit for a week of hiking and working from a cabin',
    details: 'Something to keep me warm on the trail, good coffee, and a laptop that survives the trip.',
    budgetMinor: first.priceMinor * 3,
    currency: first.currency,
    deadline: new Date(Date.now() + 5 * 86_400_000).toISOString(),
    location: 'Lake District',
    brands: brands.map((b) => b.handle),
  });
  const pitches = [];
  for (const [i, brand] of brands.slice(0, 2).entries()) {
    const product = catalogs[i].find((p) => p.variants.length > 0 && p.currency === first.currency);
    if (!product) continue;
    const unit = Math.max(Math.round(product.priceMinor * 0.9), product.resellerFloorMinor ?? 0);
    pitches.push(
      await rfp.pitches.pitch(i === 0 ? sales : teamOf(brand.id), request.id, {
        brand: brand.handle,
        title: `${product.title} at 10% off`,
        terms: 'Free delivery in three days; returns within 30 days',
        message: `Happy to help, from the ${brand.name} team.`,
        items: [{ variantId: product.variants[0].id, quantity: 1, unitPriceMinor: unit }],
      }),
    );
  }
  if (pitches.length === 0) return 0;
  await rfp.pitches.shortlist(person(asker.id), pitches[0].id, true);
  // The second brand asks to continue by direct message once care has the request; the asker says yes.
  await opts.drain();
  const inviter = await ownerOf(modules, brands[1].id);
  if (inviter) {
    await rfp.dm.invite(inviter, request.id, { brand: brands[1].handle });
    await rfp.dm.answer(person(asker.id), request.id, { brand: brands[1].handle, accept: true });
  }
  await rfp.pitches.award(
    person(asker.id),
    pitches[0].id,
    {
      shippingAddress: {
        name: 'Demo Hiker',
        line1: '2 Hill Road',
        city: 'Keswick',
        postalCode: 'CA12 5AA',
        country: 'GB',
      },
      card: { number: TEST_CARDS.succeeds },
    },
    `demo-rfp-${request.id}`,
  );
  opts.log?.(
    `seeded a request for proposals to ${brands.length} brands with ${pitches.length} pitches, one moved to DM, one awarded`,
  );
  if (shopper) await seedDemoVrm(modules, brands[0], first, shopper, opts);
  if (caller) await seedDemoFromCare(modules, brands[0], caller, first.currency, opts);
  return pitches.length;
}

/** A follower joins the brand's sales team, with this month's targets and the brand's commission rules. */
async function salesMember(
  modules: Modules,
  brand: { id: string; handle: string },
  seller: { id: string; handle: string },
  currency: string,
): Promise<Principal> {
  const { identity, rfp } = modules;
  const invitation = await identity.orgs.invite(teamOf(brand.id), brand.handle, seller.handle, 'sales');
  await identity.orgs.respond(person(seller.id), invitation.id, 'accept');
  await rfp.salesTeam.setTarget(teamOf(brand.id), brand.handle, {
    member: seller.handle,
    month: new Date().toISOString().slice(0, 7),
    revenueMinor: 100_000,
    currency,
    pitches: 10,
    firstResponseSeconds: 2 * 3600,
  });
  await rfp.salesTeam.setCommission(teamOf(brand.id), brand.handle, {
    baseBp: 500,
    tiers: [{ aboveTargetPercent: 0, bp: 1000 }],
  });
  return {
    userId: seller.id,
    isAdmin: false,
    csrfToken: null,
    memberships: [{ orgId: brand.id, role: 'sales' }],
  };
}

/**
 * A VRM request: a follower asks the first brand in public for its main product at 15% off; care files it as a
 * product-and-price request, and the brand answers with a quote priced from its margin rules and a cart link.
 */
async function seedDemoVrm(
  modules: Modules,
  brand: { id: string; handle: string },
  product: { id: string; title: string; priceMinor: number; currency: string; variants: { id: string }[] },
  shopper: { id: string },
  opts: { drain: () => Promise<unknown>; log?: (m: string) => void },
) {
  const { social, care, rfp } = modules;
  const team = await ownerOf(modules, brand.id);
  if (!team) return;
  await rfp.quotes.setRule(team, brand.handle, product.id, {
    costMinor: Math.round(product.priceMinor * 0.6),
    minMarginPercent: 25,
  });
  const ask = Math.round(product.priceMinor * 0.85);
  const postId = await social.posts.create(person(shopper.id), {
    text: `@${brand.handle} the ${product.title} for ${formatMoney(ask, product.currency)} and I buy today`,
    visibility: 'public',
  });
  await opts.drain();
  const conversation = await care.sales.forPost(brand.id, postId);
  if (!conversation) return;
  if (conversation.intent !== 'product_price_request') {
    const message = (await care.inbox.get(team, brand.handle, conversation.id)).messages.find(
      (m) => m.postId === postId,
    );
    if (message)
      await care.inbox.correctIntent(
        team,
        brand.handle,
        conversation.id,
        message.id,
        'product_price_request',
      );
  }
  const quote = await rfp.quotes.create(team, brand.handle, {
    conversationId: conversation.id,
    items: [{ variantId: product.variants[0].id, quantity: 1 }],
    askedPriceMinor: ask,
    expiresInHours: 72,
    message: 'Thanks for asking!',
    sendAs: 'public',
  });
  // The shopper takes the quote: it becomes an order at the quoted price.
  await rfp.quotes.accept(
    person(shopper.id),
    quote.id,
    {
      shippingAddress: {
        name: 'Demo Shopper',
        line1: '9 Mill Lane',
        city: 'York',
        postalCode: 'YO1 7AA',
        country: 'GB',
      },
      card: { number: TEST_CARDS.succeeds },
    },
    `demo-vrm-${quote.id}`,
  );
  opts.log?.('seeded a VRM price request answered with a quote from the margin rules, accepted as an order');
}

/**
 * A care conversation turned into a request: a follower asks the brand in public for a quote; the brand's team
 * proposes a request for proposals in the thread (a public reply as the brand), and the follower's yes posts it as
 * theirs, on the brand's Sales queue (where its sales member works it) and linked to the conversation.
 */
async function seedDemoFromCare(
  modules: Modules,
  brand: { id: string; handle: string },
  caller: { id: string },
  currency: string,
  opts: { drain: () => Promise<unknown>; log?: (m: string) => void },
) {
  const { social, care } = modules;
  const team = await ownerOf(modules, brand.id);
  if (!team) return;
  const postId = await social.posts.create(person(caller.id), {
    text: `@${brand.handle} could you quote tents and sleeping bags for our scout troop of twelve?`,
    visibility: 'public',
  });
  await opts.drain();
  const conversation = await care.sales.forPost(brand.id, postId);
  if (!conversation) return;
  if (conversation.intent !== 'rfp') {
    const message = (await care.inbox.get(team, brand.handle, conversation.id)).messages.find(
      (m) => m.postId === postId,
    );
    if (message) await care.inbox.correctIntent(team, brand.handle, conversation.id, message.id, 'rfp');
  }
  await care.replies.requestConversion(team, brand.handle, conversation.id, {
    kind: 'rfp',
    title: 'Tents and sleeping bags for a scout troop of twelve',
    details: 'Four three-person tents and twelve sleeping bags rated to 0 °C, for a camp next month.',
    budgetMinor: 180_000,
    currency,
    deadline: new Date(Date.now() + 10 * 86_400_000).toISOString(),
  });
  await care.customers.answerConversion(person(caller.id), conversation.id, true);
  opts.log?.('seeded a care conversation turned into a request for proposals with its author’s consent');
}

import type { composeModules } from '../app.ts';
import { TEST_CARDS } from '../modules/commerce/index.ts';
import type { Principal } from '../platform/http/auth.ts';
import { FEATURED_BRANDS } from './vocabulary.ts';

type Modules = ReturnType<typeof composeModules>;

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
export async function seedDemoRfp(modules: Modules, opts: { log?: (m: string) => void } = {}) {
  const { identity, social, commerce, rfp } = modules;
  const brands = (
    await Promise.all(FEATURED_BRANDS.slice(0, 3).map((b) => identity.accounts.byHandle(b.handle)))
  ).filter((b) => b !== undefined);
  if (brands.length < 3) return 0;
  const [asker] = (await social.follows.list('followers', brands[0].handle, { limit: 5 })).items.filter(
    (a) => a.kind === 'person',
  );
  if (!asker) return 0;
  // Each brand pitches its main product (its dearest one the trade also sells), not whatever it listed last.
  const catalogs = (await Promise.all(brands.map((b) => commerce.catalog.list(b.handle, teamOf(b.id))))).map(
    (list) => list.filter((p) => !p.exclusive).sort((a, b) => b.priceMinor - a.priceMinor),
  );
  const first = catalogs[0].find((p) => p.variants.length > 0);
  if (!first) return 0;
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
      await rfp.pitches.pitch(teamOf(brand.id), request.id, {
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
    `seeded a request for proposals to ${brands.length} brands with ${pitches.length} pitches, one awarded`,
  );
  return pitches.length;
}

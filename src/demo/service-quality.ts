import type { composeModules } from '../app.ts';
import { FEATURED_BRANDS } from './vocabulary.ts';

type Modules = ReturnType<typeof composeModules>;

// A year of care for several demo brands, good and less good, so the public ranking has something to rank; one
// brand has too few conversations and shows as "not enough data".
const HISTORY = [
  {
    handle: 'larchwood',
    industry: 'sports',
    conversations: 80,
    responseMinutes: 25,
    resolvedShare: 0.86,
    csatMean: 4.4,
    sentimentAfter: 0.5,
  },
  {
    handle: 'pacebird',
    industry: 'sports',
    conversations: 50,
    responseMinutes: 140,
    resolvedShare: 0.7,
    csatMean: 3.8,
    sentimentAfter: 0.2,
  },
  {
    handle: 'cogwheelcycles',
    industry: 'sports',
    conversations: 3,
    responseMinutes: 10,
    resolvedShare: 1,
    csatMean: 5,
    sentimentAfter: 0.8,
  },
  {
    handle: 'orrincomputing',
    industry: 'electronics',
    conversations: 60,
    responseMinutes: 45,
    resolvedShare: 0.8,
    csatMean: 4.1,
    sentimentAfter: 0.3,
  },
  {
    handle: 'tidepoolaudio',
    industry: 'electronics',
    conversations: 40,
    responseMinutes: 300,
    resolvedShare: 0.55,
    csatMean: 3.2,
    sentimentAfter: -0.1,
  },
  {
    handle: 'waveletmobile',
    industry: 'telecom',
    conversations: 70,
    responseMinutes: 600,
    resolvedShare: 0.5,
    csatMean: 2.9,
    sentimentAfter: -0.3,
  },
  {
    handle: 'kettlecrane',
    industry: 'food',
    conversations: 30,
    responseMinutes: 60,
    resolvedShare: 0.9,
    csatMean: 4.6,
    sentimentAfter: 0.6,
  },
  {
    handle: 'greenbasket',
    industry: 'food',
    conversations: 30,
    responseMinutes: 90,
    resolvedShare: 0.75,
    csatMean: 4,
    sentimentAfter: 0.3,
  },
];

/** Care history behind the public service-quality ranking, for the featured demo brands that exist. */
export async function seedDemoServiceQuality(modules: Modules, opts: { log?: (m: string) => void }) {
  const { identity, social, care } = modules;
  const featured = new Set(FEATURED_BRANDS.map((b) => b.handle));
  let brands = 0;
  for (const h of HISTORY) {
    if (!featured.has(h.handle)) continue;
    const brand = await identity.accounts.byHandle(h.handle);
    if (!brand) continue;
    const people = (await social.follows.list('followers', brand.handle, { limit: 40 })).items
      .filter((a) => a.kind === 'person' && a.handle !== 'demo') // the demo shopper's Support page stays short
      .map((a) => a.id);
    if (people.length === 0) continue;
    await care.ranking.generateHistory({ ...h, orgId: brand.id, customerIds: people, days: 360 });
    brands++;
  }
  opts.log?.(`demo: a year of care for ${brands} brands on the service-quality ranking`);
  return brands;
}

import type { composeModules } from '../app.ts';
import type { Principal } from '../platform/http/auth.ts';
import { Rng } from './random.ts';
import { FEATURED_BRANDS } from './vocabulary.ts';

type Modules = ReturnType<typeof composeModules>;

// The demo brand listens to itself, two of its products, two (invented) rivals and its category.
const TOPICS = [
  { name: 'Larchwood', kind: 'brand', query: 'larchwood OR @larchwood OR #larchwood' },
  { name: 'Summit Jacket', kind: 'product', query: '"summit jacket"' },
  { name: 'Trail Runner 3', kind: 'product', query: '"trail runner"' },
  { name: 'Fellcraft', kind: 'competitor', query: 'fellcraft OR @fellcraft' },
  { name: 'Scree & Co', kind: 'competitor', query: 'scree OR @screeco' },
  {
    name: 'Hiking gear',
    kind: 'category',
    query: '#hiking OR (hiking NEAR/3 gear) OR "rain shell" OR tent*',
  },
] as const;

const RULES = [
  {
    tag: 'Broken zip',
    query: 'zip NEAR/4 snapped OR zip NEAR/4 broken OR zip NEAR/4 broke OR zipper NEAR/4 "came off"',
  },
  { tag: 'Delivery', query: 'tracking OR ships OR ordered OR parcel' },
];

// Posts in the register people write them; {b} is a brand, {p} a product.
const PRAISE = [
  'just did 20km in the {p} from {b} and my feet are fine. impressed',
  '{b} customer service sorted my exchange in one day 🙌',
  'the {p} survived a week of rain in the Lakes. {b} you legends',
  'honestly the best {p} I have owned, thanks {b}',
  'new {p} arrived, fits perfectly. happy camper #hiking',
];
const COMPLAINTS = [
  'the zip on my {p} from {b} broke after two weeks. not cheap either',
  '{b} still no reply about my return, three emails now',
  'ordered the {p} from {b} 10 days ago, tracking has not moved',
  'sizing on the {p} is way off, had to send it back to {b}',
];
const QUESTIONS = [
  'does the {p} from {b} come in a wide fit?',
  '@{h} is the {p} waterproof or just water resistant?',
  'anyone know if {b} ships to Norway?',
  'which is warmer, the {p} or the Fellcraft one?',
];
const CHATTER = [
  'sunrise at the top this morning #hiking',
  'packing list for the weekend: tent, stove, rain shell, snacks',
  'first proper hike of the year, legs are gone',
  'new tent pitched in the garden to test it, neighbours confused',
  'hiking gear sale season, be strong wallet',
];
// The spike: a batch of jackets whose zip fails, six days ago.
const SPIKE = [
  'zip on the Summit Jacket from Larchwood snapped on day one. @larchwood what is going on',
  "is anyone else's Summit Jacket zip broken?? @larchwood",
  'second Summit Jacket with a broken zip. Larchwood quality has gone',
  '@larchwood my Summit Jacket zipper came off in my hand, want a refund',
];
const RIVALS = [
  { name: 'Fellcraft', handle: 'fellcraft', product: 'Fellcraft Alpine Shell' },
  { name: 'Scree & Co', handle: 'screeco', product: 'Scree Trail Pack' },
];
const DAYS = 45;

/**
 * Seeds the first demo brand's listening: its topics, and a file of mentions from another network (JSON lines)
 * imported through the listening module, six weeks of them with a complaint spike about one product.
 */
export async function seedDemoListening(modules: Modules, opts: { log?: (m: string) => void }) {
  const { identity, listening } = modules;
  const brandInfo = FEATURED_BRANDS[0];
  const brand = await identity.accounts.byHandle(brandInfo.handle);
  if (!brand) return 0;
  const team: Principal = {
    userId: brand.id,
    isAdmin: false,
    csrfToken: null,
    memberships: [{ orgId: brand.id, role: 'owner' }],
  };
  for (const topic of TOPICS) await listening.topics.create(team, brand.handle, { ...topic });
  // An auto-tagging rule in place before the import tags mentions as they arrive; the one added after it is
  // applied to the stored mentions by a backfill.
  await listening.topics.rules.create(team, brand.handle, RULES[0]);

  const lines = demoMentions(new Rng(7).fork('listening'), Date.now());
  const done = await listening.imports.run(brand.id, brand.id, toSource(lines), {
    format: 'jsonl',
    fileName: 'demo-mentions.jsonl',
    mapping: {
      id: 'id',
      text: 'text',
      createdAt: 'created_at',
      author: 'user',
      followers: 'followers',
      lang: 'lang',
      reshares: 'reshares',
    },
  });
  // Spike alerts go to the team in the app and to the social team's address (the local outbox in the demo).
  await listening.alerts.updateSettings(team, brand.handle, {
    inApp: true,
    emailTo: [`social@${brand.handle}.example`],
    webhookUrl: null,
  });
  // The brand's hashtag on Mastodon, set up but paused: the demo may have no network; Resume polls it.
  await listening.sources.add(team, brand.handle, {
    instanceUrl: 'https://mastodon.social',
    kind: 'hashtag',
    target: brand.handle,
    enabled: false,
  });
  await listening.topics.rules.create(team, brand.handle, RULES[1]);
  const spikes = await listening.spikes.scan(team, brand.handle, null);
  opts.log?.(
    `seeded listening for @${brand.handle}: ${TOPICS.length} topics, ${RULES.length} tagging rules, ${done.imported} mentions, ${spikes.length} spikes`,
  );
  return done.imported;
}

async function* toSource(lines: string[]) {
  yield `${lines.join('\n')}\n`;
}

/** Six weeks of mentions ending now: a steady mix, a slow rise of a rival, and one day's spike. */
export function demoMentions(rng: Rng, now: number) {
  const fill = (template: string, who: { name: string; handle: string; product: string }) =>
    template.replaceAll('{b}', who.name).replaceAll('{h}', who.handle).replaceAll('{p}', who.product);
  const own = [
    { name: 'Larchwood', handle: 'larchwood', product: 'Summit Jacket' },
    { name: 'Larchwood', handle: 'larchwood', product: 'Trail Runner 3' },
    { name: '@larchwood', handle: 'larchwood', product: 'Ridge Daypack' },
  ];
  const lines: string[] = [];
  let n = 0;
  const push = (text: string, at: number, lang = 'en') => {
    n++;
    const author = `hiker${rng.int(400)}`;
    lines.push(
      JSON.stringify({
        id: `demo-${n}`,
        text,
        created_at: new Date(at).toISOString(),
        user: author,
        followers: Math.round(rng.pareto(40, 1.2)),
        lang,
        reshares: rng.chance(0.2) ? rng.int(30) : 0,
      }),
    );
  };
  for (let day = DAYS; day >= 0; day--) {
    const dayStart = now - day * 86_400_000;
    const at = () => dayStart - rng.int(86_400_000);
    const perDay = 14 + rng.int(8);
    for (let i = 0; i < perDay; i++) {
      const roll = rng.next();
      const who = roll < 0.6 ? own[rng.int(own.length)] : RIVALS[rng.int(RIVALS.length)];
      const kind = rng.next();
      const pool = kind < 0.35 ? PRAISE : kind < 0.55 ? COMPLAINTS : kind < 0.75 ? QUESTIONS : CHATTER;
      push(fill(pool[rng.int(pool.length)], who), at());
    }
    // A rival gains voice over the last two weeks.
    if (day < 14) for (let i = 0; i < 3; i++) push(fill(PRAISE[rng.int(PRAISE.length)], RIVALS[0]), at());
    if (day === 6) for (let i = 0; i < 60; i++) push(SPIKE[rng.int(SPIKE.length)], at());
    if (day % 9 === 0) push('Larchwood Jacke nach drei Jahren immer noch dicht. Top!', at(), 'de');
  }
  return lines;
}

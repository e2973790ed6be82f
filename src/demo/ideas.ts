import type { composeModules } from '../app.ts';
import { TEST_CARDS } from '../modules/commerce/index.ts';
import type { Principal } from '../platform/http/auth.ts';
import { productPicture } from './product-images.ts';
import { FEATURED_BRANDS } from './vocabulary.ts';

type Modules = ReturnType<typeof composeModules>;

const ADDRESS = {
  name: 'Demo Fan',
  line1: '2 Hill Road',
  city: 'Leeds',
  postalCode: 'LS1 1AA',
  country: 'GB',
};

// The demo brand's ideas portal: ideas at every stage, a duplicate merged away, and one shipped idea whose voters
// bought it; that one was born from a customer's care conversation, posted with their consent.
const CARE_IDEA = {
  title: 'Jacket repair kit sold with every jacket',
  description: 'Patches, thread and a needle in the pocket.',
};
const IDEAS = [
  { title: 'Recycled packaging for all orders', description: 'No plastic in the parcel, please.' },
  {
    title: 'Ridge Daypack in a 30 litre size',
    description: 'The 20 litre one is too small for a two-day hike.',
  },
  { title: 'Kids sizes of the Summit Jacket', description: 'My children want to match.' },
  { title: 'Free engraving on bottles', description: 'A name on the bottle makes a great gift.' },
  { title: 'Repair kit for jackets', description: 'Something to fix small tears on the trail.' },
];

const person = (userId: string): Principal => ({ userId, isAdmin: false, csrfToken: null, memberships: [] });

/** Seeds the first demo brand's ideas portal through the module's services, as people and the team would use it. */
export async function seedDemoIdeas(
  modules: Modules,
  opts: { brandHandle?: string; drain: () => Promise<unknown>; log?: (m: string) => void },
) {
  const { identity, social, commerce, ideas, media } = modules;
  const brand = await identity.accounts.byHandle(opts.brandHandle ?? FEATURED_BRANDS[0].handle);
  if (!brand) return 0;
  const team: Principal = {
    userId: brand.id,
    isAdmin: false,
    csrfToken: null,
    memberships: [{ orgId: brand.id, role: 'owner' }],
  };
  const people = (await social.follows.list('followers', brand.handle, { limit: 30 })).items.filter(
    (a) => a.kind === 'person',
  );
  if (people.length < 8) return 0;
  const fromCare = await ideaFromCare(modules, team, brand.handle, opts.drain);
  if (!fromCare) return 0;
  const posted = [fromCare];
  for (const [i, idea] of IDEAS.entries())
    posted.push(await ideas.portal.post(person(people[i + 1].id), brand.handle, idea));
  const [repairKit, packaging, daypack, kids, engraving, duplicate] = posted;
  // Votes: the shipped idea's fans, and enough on the rest for every sort to differ.
  for (const [i, p] of people.entries()) {
    const voter = person(p.id);
    if (i < 8) await ideas.portal.vote(voter, repairKit.id, 1 + (i % 3));
    if (i % 2 === 0) await ideas.portal.vote(voter, packaging.id, 2);
    if (i % 3 === 0) await ideas.portal.vote(voter, daypack.id, 1);
    if (i >= 20 && i < 24) await ideas.portal.vote(voter, duplicate.id, 1);
  }
  await ideas.portal.comment(team, packaging.id, {
    body: 'We are testing paper fillers this spring.',
    official: true,
  });
  await ideas.workflow.setStatus(team, packaging.id, 'planned');
  await ideas.workflow.setStatus(team, daypack.id, 'under_review');
  await ideas.workflow.score(team, daypack.id, 4, 2);
  await ideas.workflow.score(team, kids.id, 3, 4);
  await ideas.workflow.setStatus(team, kids.id, 'in_progress');
  await ideas.workflow.setStatus(team, engraving.id, 'declined', 'We cannot engrave in our warehouse yet.');
  await ideas.workflow.merge(team, duplicate.id, repairKit.id);
  const kit = await commerce.catalog.create(team, brand.handle, {
    title: 'Trail Repair Kit',
    media: [
      {
        id: (await media.upload(team, await productPicture(120, 7), brand.handle)).id,
        alt: 'Trail Repair Kit, product picture',
      },
    ],
    description: `Patches, thread and a needle: the idea of ${brand.name}'s community.`,
    priceMinor: 1_200,
    currency: 'EUR',
    variants: [{ sku: `${brand.handle.slice(0, 6).toUpperCase()}-KIT`, stock: 300 }],
  });
  await ideas.loop.ship(team, repairKit.id, [kit.id], 'In stores now, thanks to everyone who voted!');
  let orders = 0;
  for (const [i, p] of people.slice(0, 4).entries()) {
    const placed = await commerce.checkout
      .place(
        person(p.id),
        {
          items: [{ variantId: kit.variants[0].id, quantity: 1 + (i % 2) }],
          shippingAddress: ADDRESS,
          card: { number: TEST_CARDS.succeeds },
        },
        `demo-idea-kit-${i}`,
      )
      .catch(() => null);
    if (placed) orders++;
  }
  // A private challenge for the brand's staff, its Insiders and a few named fans, with its own ideas and votes.
  const challenge = await ideas.challenges.create(team, brand.handle, {
    title: 'Design our next accessory',
    description: 'Invited fans and the team: what should we make to go with the Summit Jacket?',
    closesAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
    roles: ['employee'],
    invitees: people.slice(0, 6).map((p) => p.handle),
    tier: 'insider', // co-design, a perk of the brand's Insiders and Champions
  });
  const accessories = [
    { title: 'A packable rain hood that zips onto the collar', description: 'For sudden showers.' },
    { title: 'Magnetic glove clips for the sleeves', description: 'Never lose a glove again.' },
  ];
  const entries = [];
  for (const [i, idea] of accessories.entries())
    entries.push(await ideas.challenges.post(person(people[i].id), challenge.id, idea));
  for (const p of people.slice(2, 6)) await ideas.portal.vote(person(p.id), entries[0].id, 1);
  opts.log?.(
    `demo: ${posted.length} ideas on @${brand.handle}'s portal, one from a care conversation shipped with ${orders} orders from its voters; a private challenge`,
  );
  return posted.length;
}

/**
 * The care conversation triaged `idea` becomes the portal's repair kit idea as the product asks: the team asks the
 * customer in public, the customer agrees on their Support page, the ideas module posts it in their name and care
 * links it back. `drain` delivers the events (the conversation from the post, the consent, the link).
 */
async function ideaFromCare(
  modules: Modules,
  team: Principal,
  handle: string,
  drain: () => Promise<unknown>,
) {
  const { care, ideas } = modules;
  await drain();
  const inbox = await care.inbox.list(team, handle, {}, { limit: 100 });
  const conversation = inbox.items.find((c) => c.intent === 'idea' && c.customer);
  if (!conversation?.customer) return null;
  await care.replies.requestConversion(team, handle, conversation.id, { kind: 'idea', ...CARE_IDEA });
  const customer = person(conversation.customer.id);
  await care.customers.answerConversion(customer, conversation.id, true);
  const mine = await care.customers.mine(customer);
  const ideaId = mine.find((c) => c.id === conversation.id)?.conversion?.targetId;
  return ideaId ? (await ideas.portal.detail(ideaId, team)).idea : null;
}

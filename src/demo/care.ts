import type { composeModules } from '../app.ts';
import type { Principal } from '../platform/http/auth.ts';
import { FEATURED_BRANDS } from './vocabulary.ts';

type Modules = ReturnType<typeof composeModules>;

// What customers say to a brand on a normal day: the inbox of the demo brand starts with these.
const MESSAGES = [
  'my order arrived with a broken zip and nobody answers my emails, really disappointed',
  'do you ship to Norway? and how long does it take?',
  'love the new jacket, wore it all weekend in the rain and stayed dry!',
  'would you do the Ridge Daypack for 60 euros? I would buy two today',
  'idea: a repair kit sold with every jacket would be brilliant',
  'third time my delivery is late. this is unacceptable',
  'is the Summit Jacket in stock in size M?',
  'we are a hiking club of 40 people looking for a group offer, can brands pitch?',
];

// The team's ready answers, with the variables an agent sees filled in per conversation.
const CANNED = [
  {
    title: 'Sorry, we are on it',
    body: 'Hi {first_name}, sorry about this. We are looking into order {order_id} now and will come back to you today.',
  },
  {
    title: 'Shipping times',
    body: 'Hi {first_name}, we ship across Europe in 2-4 working days. Happy to check anything else for you!',
  },
  {
    title: 'Thanks for the idea',
    body: 'Thanks {first_name}! We have passed your idea to the {brand} product team.',
  },
];

/**
 * Opens a few customer conversations with the first demo brand, through the social API like real posts (one of
 * them from the demo shopper, so their Support page has one), and gives the brand's team canned replies.
 */
export async function seedDemoCare(
  modules: Modules,
  opts: { brandHandle?: string; log?: (m: string) => void },
) {
  const { identity, social, care } = modules;
  const brand = await identity.accounts.byHandle(opts.brandHandle ?? FEATURED_BRANDS[0].handle);
  if (!brand) return 0;
  const team = (await identity.accounts.memberRoles(brand.id)).find((m) => m.role === 'owner');
  if (team) {
    const principal = await identity.service.resolvePrincipalForUser(team.user_id);
    await care.inbox.setAvailability(principal, brand.handle, { status: 'online' }); // the demo team takes conversations
    for (const canned of CANNED) await care.canned.add(principal, brand.handle, canned);
  }
  const people = (await social.follows.list('followers', brand.handle, { limit: 40 })).items.filter(
    (a) => a.kind === 'person',
  );
  let posted = 0;
  for (const [i, text] of MESSAGES.entries()) {
    const person = people[people.length - 1 - i];
    if (!person) break;
    const principal: Principal = { userId: person.id, isAdmin: false, csrfToken: null, memberships: [] };
    await social.posts.create(principal, { text: `@${brand.handle} ${text}` });
    posted++;
  }
  const shopper = await identity.accounts.byHandle('demo');
  if (shopper) {
    const principal: Principal = { userId: shopper.id, isAdmin: false, csrfToken: null, memberships: [] };
    await social.posts.create(principal, {
      text: `@${brand.handle} does the Summit Jacket come with a hood, and can I return it if it does not fit?`,
    });
    posted++;
  }
  opts.log?.(`demo: ${posted} customer conversations waiting in @${brand.handle}'s care inbox`);
  return posted;
}

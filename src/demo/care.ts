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

/** Opens a few customer conversations with the first demo brand, through the social API like real posts. */
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
  opts.log?.(`demo: ${posted} customer conversations waiting in @${brand.handle}'s care inbox`);
  return posted;
}

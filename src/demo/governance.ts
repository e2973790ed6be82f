import type { composeModules } from '../app.ts';
import type { Principal } from '../platform/http/auth.ts';
import { FEATURED_BRANDS } from './vocabulary.ts';

type Modules = ReturnType<typeof composeModules>;

const BRAND_RULES = [
  {
    kind: 'banned_phrase' as const,
    severity: 'warn' as const,
    message: 'We say “great value”, never “cheap”.',
    phrases: ['cheap'],
    replacement: 'great value',
  },
  {
    kind: 'competitor' as const,
    severity: 'block' as const,
    message: 'Do not name other outfitters in public: talk about our gear.',
    competitors: ['Peakline', 'Northcrest'],
  },
];

/**
 * The first demo brand's governance, through the module's services: its policy (defaults and two brand rules),
 * a blocked draft and an overridden warning in the audit log, and a marketer's post waiting for approval.
 */
export async function seedDemoGovernance(
  modules: Modules,
  opts: { brandHandle?: string; log?: (m: string) => void },
) {
  const { identity, social, governance, approvals } = modules;
  const brand = await identity.accounts.byHandle(opts.brandHandle ?? FEATURED_BRANDS[0].handle);
  if (!brand) return 0;
  const owner = (await identity.accounts.memberRoles(brand.id)).find((m) => m.role === 'owner');
  if (!owner) return 0;
  const team = await identity.service.resolvePrincipalForUser(owner.user_id);
  for (const rule of BRAND_RULES) await governance.policy.addRule(team, brand.handle, rule);
  const refused = (text: string, overrideReason?: string) =>
    governance.policy
      .check({ orgId: brand.id, actorId: owner.user_id, channel: 'brand_post', text, overrideReason })
      .catch(() => undefined);
  await refused('Hi Jo, call our store on 415-555-0132 and ask for Sam');
  await refused('Our cheap winter socks are back', 'Quoting a customer’s review word for word');

  // A follower joins the team as a marketer; marketers' posts as the brand need one approval.
  const people = (await social.follows.list('followers', brand.handle, { limit: 5 })).items.filter(
    (a) => a.kind === 'person' && a.id !== owner.user_id,
  );
  const marketer = people[0];
  if (!marketer) return 2;
  const invitation = await identity.orgs.invite(team, brand.handle, marketer.handle, 'marketer');
  const asMarketer: Principal = await identity.service.resolvePrincipalForUser(marketer.id);
  await identity.orgs.respond(asMarketer, invitation.id, 'accept');
  await approvals.approvals.saveSettings(team, brand.handle, { roles: ['marketer'], approvers: 1 });
  await approvals.approvals.submit(
    await identity.service.resolvePrincipalForUser(marketer.id),
    brand.handle,
    {
      text: 'The Summit Jacket in forest green is back in stock this weekend.',
      publishAt: new Date(Date.now() + 24 * 3600_000).toISOString(),
    },
  );
  opts.log?.(`demo: @${brand.handle} has its policy, an audit log and a post waiting for approval`);
  return 3;
}

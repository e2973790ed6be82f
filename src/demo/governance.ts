import type { composeModules } from '../app.ts';
import type { Principal } from '../platform/http/auth.ts';
import { seedDemoAdvocacy } from './governance-advocacy.ts';
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

/** Passes the brand's quiz as `who`, with the answers an editor of the course reads. */
async function certify(modules: Modules, team: Principal, who: Principal, handle: string) {
  const course = await modules.governance.certification.course(team, handle);
  const answers = course.questions.map((q) => ({ questionId: q.id, choice: q.answer ?? 0 }));
  await modules.governance.certification.attempt(who, handle, answers);
}

/**
 * The first demo brand's governance, through the module's services: its policy (defaults and two brand rules),
 * a blocked draft and an overridden warning in the audit log, certification required (its members certified but
 * one sales rep, who is stopped until they take the course), a marketer's post waiting for approval, and a
 * marketer's deal that went through approval and was published at its time, with another waiting.
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
  await approvals.approvals.saveSettings(team, brand.handle, {
    roles: ['marketer'],
    dealRoles: ['marketer'],
    careReplyRoles: [],
    approvers: 1,
  });
  // Everyone on the team passed the course, except a sales rep who joins now.
  await governance.certification.saveSettings(team, brand.handle, {
    required: true,
    validityDays: 365,
    passPercent: 80,
  });
  for (const m of await identity.accounts.memberRoles(brand.id))
    await certify(modules, team, await identity.service.resolvePrincipalForUser(m.user_id), brand.handle);
  const rep = people[1];
  if (rep) {
    const asked = await identity.orgs.invite(team, brand.handle, rep.handle, 'sales');
    await identity.orgs.respond(await identity.service.resolvePrincipalForUser(rep.id), asked.id, 'accept');
  }
  await approvals.approvals.submit(
    await identity.service.resolvePrincipalForUser(marketer.id),
    brand.handle,
    {
      text: 'The Summit Jacket in forest green is back in stock this weekend.',
      publishAt: new Date(Date.now() + 24 * 3600_000).toISOString(),
    },
  );
  const dealPostId = await seedDealApprovals(modules, team, asMarketer.userId, brand.handle);
  const shared = await seedDemoAdvocacy(modules, {
    team,
    marketer: await identity.service.resolvePrincipalForUser(asMarketer.userId),
    brandHandle: brand.handle,
    dealPostId,
  });
  opts.log?.(
    `demo: @${brand.handle} has its policy, certification (@${rep?.handle ?? 'nobody'} not yet certified), an audit log, a post and a deal waiting for approval and an approved deal published${shared ? ', a content library and a staff share with an attributed order' : ''}`,
  );
  return 3;
}

/** A marketer's deal approved by the owner and published at its time (its post id), and a second one waiting. */
async function seedDealApprovals(modules: Modules, team: Principal, marketerId: string, handle: string) {
  const { identity, commerce, approvals } = modules;
  const marketer = await identity.service.resolvePrincipalForUser(marketerId);
  const product = (await commerce.catalog.list(handle, team)).find((p) => !p.archived);
  if (!product) return null;
  const week = new Date(Date.now() + 7 * 86_400_000).toISOString();
  const deal = (text: string, title: string) => ({
    text,
    title,
    type: 'percent_off' as const,
    percentOff: 15,
    items: [{ productId: product.id }],
    audience: 'everyone',
    endsAt: week,
  });
  const approved = await approvals.approvals.submitDeal(marketer, handle, {
    deal: deal(`${product.title}: 15% off this week.`, 'Approved weekly deal'),
    publishAt: new Date().toISOString(),
  });
  await approvals.approvals.review(team, handle, approved.id, {
    decision: 'approve',
    comment: 'Good to go',
  });
  const published = await approvals.approvals.publishNow(team, handle, approved.id);
  await approvals.approvals.submitDeal(marketer, handle, {
    deal: deal(`Next weekend only: ${product.title} at 15% off.`, 'Weekend deal'),
    publishAt: new Date(Date.now() + 2 * 86_400_000).toISOString(),
  });
  return published.postId;
}

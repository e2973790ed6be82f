import type { composeModules } from '../app.ts';
import { TEST_CARDS } from '../modules/commerce/index.ts';
import type { Principal } from '../platform/http/auth.ts';

type Modules = ReturnType<typeof composeModules>;

/**
 * Employee advocacy for the first demo brand: its content library (the approved deal and a post as the brand,
 * marked shareable by the marketer), an employee who reshared the deal from it, and a follower's order through
 * that reshare, attributed to the employee (it reaches the leaderboard once the event queue drains).
 */
export async function seedDemoAdvocacy(
  modules: Modules,
  opts: { team: Principal; marketer: Principal; brandHandle: string; dealPostId: string | null },
) {
  const { identity, social, commerce, approvals } = modules;
  const { team, marketer, brandHandle: handle } = opts;
  const brand = await identity.accounts.byHandle(handle);
  if (!brand || !opts.dealPostId) return false;
  const { advocacy } = approvals;
  await advocacy.mark(marketer, handle, opts.dealPostId, {
    topic: 'Deals',
    caption: 'This week’s deal from the team I work with #employee',
  });
  const news = await social.posts.create(team, {
    text: 'Our repair workshop now fixes any jacket we ever made, free for the first year.',
    as: handle,
  });
  await advocacy.mark(marketer, handle, news, { topic: 'Brand news', caption: null });

  // A follower not yet on the team joins as an employee and reshares the deal; another follower buys through it.
  const onTeam = new Set((await identity.accounts.memberRoles(brand.id)).map((m) => m.user_id));
  const followers = (await social.follows.list('followers', handle, { limit: 12 })).items.filter(
    (a) => a.kind === 'person' && !onTeam.has(a.id),
  );
  const [employee, buyer] = followers;
  if (!employee || !buyer) return false;
  const invitation = await identity.orgs.invite(team, handle, employee.handle, 'employee');
  const asEmployee = await identity.service.resolvePrincipalForUser(employee.id);
  await identity.orgs.respond(asEmployee, invitation.id, 'accept');
  const share = await advocacy.share(
    await identity.service.resolvePrincipalForUser(employee.id),
    handle,
    opts.dealPostId,
    { mode: 'reshare' },
  );
  // The buyer follows the share to the shop and picks another product: the order still carries the share.
  const deal = await commerce.deals.card(opts.dealPostId, team).catch(() => null);
  const dealProducts = new Set(deal?.items.map((i) => i.product.id) ?? []);
  const product = (await commerce.catalog.list(handle, team)).find(
    (p) => !p.archived && !dealProducts.has(p.id) && p.variants.some((v) => v.stock > 0),
  );
  const variantId = product?.variants.find((v) => v.stock > 0)?.id;
  if (!variantId) return false;
  await commerce.checkout.place(
    await identity.service.resolvePrincipalForUser(buyer.id),
    {
      items: [{ variantId, quantity: 1 }],
      shippingAddress: {
        name: buyer.name,
        line1: '4 Share Lane',
        city: 'York',
        postalCode: 'YO1 7HH',
        country: 'GB',
      },
      card: { number: TEST_CARDS.succeeds },
      source: { postId: share.postId },
    },
    'demo-staff-share-order',
  );
  return true;
}

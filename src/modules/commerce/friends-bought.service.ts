import type { Db } from '../../platform/db/database.ts';
import type { Principal } from '../../platform/http/auth.ts';
import type { IdentityModule } from '../identity/index.ts';
import { presentSummary } from '../identity/index.ts';
import type { SocialModule } from '../social/index.ts';
import * as repo from './friends-bought.repo.ts';

type Deps = { db: Db; identity: Pick<IdentityModule, 'accounts'>; social: Pick<SocialModule, 'follows'> };

/** How many shown by name on a card ("Ana, Ben and 3 others you follow bought this"). */
const NAMED = 3;

/**
 * "People you follow bought this": only buyers who chose to share their purchases count, and only they are named;
 * a buyer who did not choose (the default) is neither counted nor named.
 */
export function createFriendsBoughtService({ db, identity, social }: Deps) {
  async function present(ids: string[]) {
    const accounts = await identity.accounts.byIds(ids.slice(0, NAMED));
    return { count: ids.length, people: accounts.map(presentSummary) };
  }

  return {
    /** Per deal of a feed page: one query for the follows, one for the page's deals, one for the names. */
    async forDeals(dealIds: string[], viewer: Principal | null) {
      const result = new Map<string, { count: number; people: ReturnType<typeof presentSummary>[] }>();
      if (!viewer || dealIds.length === 0) return result;
      const following = await social.follows.followeeIds(viewer.userId);
      const rows = await repo.sharingBuyersOfDeals(db, dealIds, following);
      const byDeal = new Map<string, string[]>();
      for (const r of rows) byDeal.set(r.deal_id, [...(byDeal.get(r.deal_id) ?? []), r.buyer_id]);
      const named = [...new Set([...byDeal.values()].flatMap((ids) => ids.slice(0, NAMED)))];
      const people = new Map((await identity.accounts.byIds(named)).map((a) => [a.id, presentSummary(a)]));
      for (const [dealId, ids] of byDeal) {
        result.set(dealId, {
          count: ids.length,
          people: ids.slice(0, NAMED).flatMap((id) => (people.has(id) ? [people.get(id)!] : [])),
        });
      }
      return result;
    },

    async forProduct(productId: string, viewer: Principal) {
      const following = await social.follows.followeeIds(viewer.userId);
      return present(await repo.sharingBuyersOfProduct(db, productId, following));
    },

    /** The buyer's choice; `asked` is false until they answered once (the checkout asks then). */
    async setting(principal: Principal) {
      const row = await repo.sharingOf(db, principal.userId);
      return { sharePurchases: row?.share ?? false, asked: row !== undefined };
    },

    async decide(principal: Principal, share: boolean) {
      const row = await repo.saveSharing(db, principal.userId, share);
      return { sharePurchases: row.share, asked: true };
    },
  };
}

export type FriendsBoughtService = ReturnType<typeof createFriendsBoughtService>;

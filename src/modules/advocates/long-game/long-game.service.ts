import type { Db } from '../../../platform/db/database.ts';
import type { Principal } from '../../../platform/http/auth.ts';
import type { CareModule } from '../../care/index.ts';
import type { CommerceModule } from '../../commerce/index.ts';
import type { IdeasModule } from '../../ideas/index.ts';
import type { IdentityModule } from '../../identity/index.ts';
import type { SocialModule } from '../../social/index.ts';
import { longGame } from './long-game.compute.ts';
import * as repo from './long-game.repo.ts';

type Deps = {
  db: Db;
  identity: Pick<IdentityModule, 'orgs'>;
  commerce: Pick<CommerceModule, 'advocacy'>;
  social: Pick<SocialModule, 'graph'>;
  care?: Pick<CareModule, 'firstContacts'>;
  ideas?: Pick<IdeasModule, 'firstParticipations'>;
  now: () => Date;
};

/** The long-game dashboard: does engagement (and advocacy) go with more spend, repeat orders and lifetime value? */
export function createLongGameService({ db, identity, commerce, social, care, ideas, now }: Deps) {
  return {
    async dashboard(principal: Principal, handle: string) {
      const org = await identity.orgs.requireCapability(principal, handle, 'viewSales');
      const [buyers, follows, contacts, participations, contributors] = await Promise.all([
        commerce.advocacy.buyers(org.id),
        social.graph.firstEngagements(org.id),
        care?.firstContacts(org.id) ?? [],
        ideas?.firstParticipations(org.id) ?? [],
        repo.contributors(db, org.id),
      ]);
      const engagedAt = new Map<string, Date>();
      for (const e of [...follows, ...contacts, ...participations]) {
        const at = new Date(e.first_at);
        const seen = engagedAt.get(e.account_id);
        if (!seen || at < seen) engagedAt.set(e.account_id, at);
      }
      return longGame(buyers, engagedAt, new Set(contributors.map((c) => c.account_id)), now());
    },
  };
}

export type LongGameService = ReturnType<typeof createLongGameService>;

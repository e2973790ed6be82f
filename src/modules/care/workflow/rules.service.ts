import type { Db } from '../../../platform/db/database.ts';
import type { Principal } from '../../../platform/http/auth.ts';
import { newId } from '../../../platform/ids.ts';
import type { CommerceModule } from '../../commerce/index.ts';
import type { IdentityModule } from '../../identity/index.ts';
import type { SocialModule } from '../../social/index.ts';
import { careError } from '../care.errors.ts';
import type { RuleActions, RuleConditions } from '../care.tables.ts';
import { checkInboxRefs } from '../inbox-refs.service.ts';
import { route } from './routing.policy.ts';
import * as repo from './rules.repo.ts';

export type RulesDeps = {
  db: Db;
  identity: Pick<IdentityModule, 'orgs' | 'accounts'>;
  social: Pick<SocialModule, 'follows'>;
  commerce: Pick<CommerceModule, 'customerSummary'>;
};

/** Routing rules of a brand's inbox: agents read and try them, owners and admins add and remove them. */
export function createRulesService({ db, identity, social, commerce }: RulesDeps) {
  const workOrg = (principal: Principal, handle: string) =>
    identity.orgs.requireCapability(principal, handle, 'workInbox');
  const manageOrg = (principal: Principal, handle: string) =>
    identity.orgs.requireCapability(principal, handle, 'manageInbox');

  return {
    async list(principal: Principal, handle: string) {
      const org = await workOrg(principal, handle);
      return repo.rulesOf(db, org.id);
    },

    async add(
      principal: Principal,
      handle: string,
      input: { name: string; conditions: RuleConditions; actions: RuleActions },
    ) {
      const org = await manageOrg(principal, handle);
      await checkInboxRefs(
        db,
        identity,
        org.id,
        { queueId: input.actions.queueId, agentId: input.actions.assigneeId },
        { queueId: 'actions.queueId', agentId: 'actions.assigneeId' },
      );
      const existing = await repo.rulesOf(db, org.id);
      const id = newId();
      await repo.insertRule(db, {
        id,
        org_id: org.id,
        name: input.name,
        position: existing.length,
        conditions: input.conditions,
        actions: input.actions,
      });
      return { id };
    },

    async remove(principal: Principal, handle: string, ruleId: string) {
      const org = await manageOrg(principal, handle);
      if (!(await repo.deleteRule(db, org.id, ruleId))) throw careError('rule_not_found', 'Rule not found');
    },

    /** Tries a rule on the brand's recent incoming messages before saving it: which would it have caught? */
    async test(
      principal: Principal,
      handle: string,
      input: { conditions: RuleConditions; actions: RuleActions },
    ) {
      const org = await workOrg(principal, handle);
      const recent = await repo.recentInbound(db, org.id, 200);
      const rule = { id: 'candidate', name: 'candidate', ...input };
      // The customer's followers and lifetime value are looked up once per customer, as routing would see them.
      const customers = new Map<string, { followers: number; lifetimeValueMinor: number }>();
      for (const customerId of new Set(recent.map((m) => m.customer_id))) {
        const sales = await commerce.customerSummary(org.id, customerId);
        customers.set(customerId, {
          followers: await social.follows.countFollowers(customerId),
          lifetimeValueMinor: sales.lifetimeValue.totalMinor,
        });
      }
      const hits = recent.filter(
        (m) =>
          route(
            [rule],
            {
              intent: m.corrected_intent ?? m.intent ?? 'chatter',
              sentiment: m.sentiment ?? 0,
              text: m.text,
              language: m.language,
              ...customers.get(m.customer_id)!,
            },
            { queueId: null, priority: 'normal' },
          ).matched.length > 0,
      );
      return {
        tested: recent.length,
        matched: hits.length,
        examples: hits
          .slice(0, 10)
          .map((m) => ({ messageId: m.id, text: m.text, intent: m.corrected_intent ?? m.intent })),
      };
    },
  };
}

export type RulesService = ReturnType<typeof createRulesService>;

import { shippedConfidence } from '../../../lib/triage/index.ts';
import type { Db, Executor } from '../../../platform/db/database.ts';
import type { Principal } from '../../../platform/http/auth.ts';
import type { IdentityModule } from '../../identity/index.ts';
import { careError } from '../care.errors.ts';
import * as repo from './inbox-settings.repo.ts';

/** Public replies are held to a shorter length than posts, as on the networks brands answer on, unless the brand says otherwise. */
export const DEFAULT_PUBLIC_REPLY_LIMIT = 280;
/** A public reply is a post: it can never be longer than a post (and a brand's limit never above this). */
export const MAX_PUBLIC_REPLY_LIMIT = 500;
/** Above this almost every message would wait for review; 0 turns Needs review off. */
export const MAX_UNSURE_BELOW = 0.95;
/** Direct messages keep their own limit, whatever the brand sets for public replies. */
export const PRIVATE_REPLY_LIMIT = 500;

/** The brand's public reply limit: its own setting, or the default. */
export async function publicReplyLimit(db: Executor, orgId: string): Promise<number> {
  return (await repo.publicReplyLimitOf(db, orgId)) ?? DEFAULT_PUBLIC_REPLY_LIMIT;
}

/** The brand's unsure threshold: its own setting, or the shipped model's default (chosen by cross-validation). */
export async function unsureBelow(db: Executor, orgId: string): Promise<number> {
  return (await repo.unsureBelowOf(db, orgId)) ?? shippedConfidence().unsureBelow;
}

/** The inbox settings of a brand: readable by whoever works the inbox, editable by owners and admins. */
export function createInboxSettings({ db, identity }: { db: Db; identity: Pick<IdentityModule, 'orgs'> }) {
  return {
    async get(principal: Principal, handle: string) {
      const org = await identity.orgs.requireCapability(principal, handle, 'workInbox');
      return {
        publicReplyLimit: await publicReplyLimit(db, org.id),
        privateReplyLimit: PRIVATE_REPLY_LIMIT,
        unsureBelow: await unsureBelow(db, org.id),
        unsureBelowDefault: shippedConfidence().unsureBelow,
      };
    },

    async update(
      principal: Principal,
      handle: string,
      patch: { publicReplyLimit?: number; unsureBelow?: number | null },
    ) {
      const org = await identity.orgs.requireCapability(principal, handle, 'manageInbox');
      const limit = patch.publicReplyLimit;
      if (limit !== undefined) {
        // The route schema already holds these bounds; services called from elsewhere get the same answer.
        if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PUBLIC_REPLY_LIMIT) {
          throw careError(
            'reply_limit_out_of_range',
            `The public reply limit is a whole number from 1 to ${MAX_PUBLIC_REPLY_LIMIT}`,
            [{ field: 'publicReplyLimit', message: `must be from 1 to ${MAX_PUBLIC_REPLY_LIMIT}` }],
          );
        }
        await repo.savePublicReplyLimit(db, org.id, limit, principal.userId);
      }
      const unsure = patch.unsureBelow;
      if (unsure !== undefined) {
        if (unsure !== null && !(Number.isFinite(unsure) && unsure >= 0 && unsure <= MAX_UNSURE_BELOW)) {
          throw careError(
            'unsure_threshold_out_of_range',
            `The unsure threshold is from 0 to ${MAX_UNSURE_BELOW}`,
            [
              {
                field: 'unsureBelow',
                message: `must be from 0 to ${MAX_UNSURE_BELOW}, or null for the default`,
              },
            ],
          );
        }
        await repo.saveUnsureBelow(db, org.id, unsure, principal.userId);
      }
      return this.get(principal, handle);
    },
  };
}

export type InboxSettings = ReturnType<typeof createInboxSettings>;

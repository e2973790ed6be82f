import type { FastifyInstance } from 'fastify';
import type { Db, Executor } from '../../platform/db/database.ts';
import { groupBatcher } from '../../platform/db/group-batcher.ts';
import type { EventBus } from '../../platform/events/outbox.ts';
import type { CredentialChanges } from '../../platform/live/live-hub.ts';
import type { MailModule } from '../mail/index.ts';
import { accountSecurityRoutes } from './account-security/account-security.routes.ts';
import { createAccountSecurityService } from './account-security/account-security.service.ts';
import * as repo from './identity.repo.ts';
import { identityRoutes } from './identity.routes.ts';
import { createIdentityCaches, createIdentityService } from './identity.service.ts';
import { createOrgsService } from './orgs.service.ts';
import { twoFactorRoutes } from './two-factor/two-factor.routes.ts';
import { createTwoFactorService } from './two-factor/two-factor.service.ts';

/** Bulk loading for the demo world and imports: many rows per statement, no checks, no events. */
export { type BulkAccount, type BulkMember, type BulkUser, identityBulk } from './identity.bulk.ts';
export { presentAccount, presentSummary } from './identity.present.ts';
export type { AccountRow } from './identity.repo.ts';
export { Account, AccountSummary, Handle, HandleParam, IdParam, Role } from './identity.schemas.ts';
export type { AccountKind } from './identity.tables.ts';
export { can, capabilities, roleIn } from './org-roles.ts';
/** Users who still sign in with a given (published) password, e.g. the demo world's. */
export { type SignIn, usersSigningInWith } from './password-audit.ts';
export { hashPassword } from './passwords.ts';

import { orgRoutes } from './orgs.routes.ts';

/** Accounts (people and organizations), sign-in, sessions, API tokens, org membership and roles. */
export function createIdentityModule(deps: {
  db: Db;
  events: EventBus;
  live?: CredentialChanges;
  mail: Pick<MailModule, 'service'>;
  /** The web app's address, for links in mail. */
  publicUrl?: string;
}) {
  const caches = createIdentityCaches();
  const security = createAccountSecurityService({
    ...deps,
    caches,
    publicUrl: deps.publicUrl ?? 'http://localhost:3000',
  });
  const twoFactor = createTwoFactorService(deps);
  // Cache misses of requests arriving together are loaded by one statement (see groupBatcher).
  const loadAccounts = groupBatcher(async (idLists: string[][]) => {
    const rows = new Map(
      (await repo.findAccountsByIds(deps.db, [...new Set(idLists.flat())])).map((a) => [a.id, a]),
    );
    return idLists.map((ids) => ({
      ok: true as const,
      value: new Map(ids.flatMap((id) => (rows.has(id) ? [[id, rows.get(id)!] as const] : []))),
    }));
  });
  const module = {
    service: createIdentityService({ ...deps, caches, security, twoFactor }),
    /** Two-factor sign-in (TOTP and recovery codes). */
    twoFactor,
    /** Email verification and change, password change and reset, sessions. */
    security,
    orgs: createOrgsService({ ...deps, caches }),
    /** Looks up accounts for other modules, which must not read identity's tables themselves. */
    accounts: {
      byHandle: (handle: string) => repo.findAccountByHandle(deps.db, handle),
      byHandles: (handles: string[]) => repo.findAccountsByHandles(deps.db, handles),
      /** Accounts by id, briefly cached; event handlers pass their transaction as `executor`. */
      byIds: async (ids: string[], executor: Executor = deps.db) => {
        const found = await caches.accounts.getMany(ids, async (missing) =>
          executor === deps.db
            ? loadAccounts(missing)
            : new Map((await repo.findAccountsByIds(executor, missing)).map((a) => [a.id, a])),
        );
        return ids.flatMap((id) => (found.has(id) ? [found.get(id)!] : []));
      },
      /** People's mail addresses, only those they confirmed, for mail about their account; `executor` as for byIds. */
      confirmedEmails: async (ids: string[], executor: Executor = deps.db) =>
        (await repo.mailAddresses(executor, ids)).flatMap((u) =>
          u.email_verified_at ? [{ id: u.id, email: u.email, name: u.name }] : [],
        ),
      /** Who holds which role in an org, to route work to them; `executor` as for byIds. */
      memberRoles: (orgId: string, executor: Executor = deps.db) => repo.memberRoles(executor, orgId),
      search: (query: string, limit: number) => repo.searchAccounts(deps.db, query, limit),
      /** Accounts by handle prefix in handle order, only among `amongIds` when given (for @-autocomplete). */
      byHandlePrefix: (prefix: string, limit: number, amongIds?: string[]) =>
        repo.accountsByHandlePrefix(deps.db, prefix, limit, amongIds),
      /** Organizations of a kind, oldest first. */
      orgs: (kind: 'brand' | 'reseller', limit: number) => repo.listOrgs(deps.db, kind, limit),
    },
    routes: (options: { secureCookies: boolean }) => async (app: FastifyInstance) => {
      await app.register(identityRoutes(module, options));
      await app.register(orgRoutes(module));
      await app.register(accountSecurityRoutes(module));
      await app.register(twoFactorRoutes(module));
    },
  };
  return module;
}

export type IdentityModule = ReturnType<typeof createIdentityModule>;

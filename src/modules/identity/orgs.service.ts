import type { Db, Executor } from '../../platform/db/database.ts';
import type { EventBus } from '../../platform/events/outbox.ts';
import type { OrgRole, Principal } from '../../platform/http/auth.ts';
import { newId } from '../../platform/ids.ts';
import type { CredentialChanges } from '../../platform/live/live-hub.ts';
import { identityError } from './identity.errors.ts';
import * as repo from './identity.repo.ts';
import { handleTakenError, type IdentityCaches, rethrowUniqueViolation } from './identity.service.ts';
import type { Link } from './identity.tables.ts';
import { type Capability, can, roleIn } from './org-roles.ts';

export type OrgInput = {
  handle: string;
  name: string;
  kind: 'brand' | 'reseller';
  bio?: string;
  avatarUrl?: string | null;
};

export function createOrgsService({
  db,
  events,
  caches,
  live,
}: {
  db: Db;
  events: EventBus;
  caches: IdentityCaches;
  live?: CredentialChanges;
}) {
  async function tx<T>(fn: (trx: Executor) => Promise<T>): Promise<T> {
    const result = await events.transaction(db, fn);
    caches.principals.clear(); // memberships may have changed, and every cached principal carries them
    return result;
  }

  async function orgByHandle(handle: string) {
    const org = await repo.findAccountByHandle(db, handle);
    if (!org || org.kind === 'person') throw identityError('not_found', 'Organization not found');
    return org;
  }

  async function requireCapability(principal: Principal, handle: string, capability: Capability) {
    const org = await orgByHandle(handle);
    if (!can(principal, org.id, capability)) {
      // Outsiders learn nothing about membership; members without the role are told why.
      if (!roleIn(principal, org.id))
        throw identityError('not_a_member', 'Only members of this organization can do this');
      throw identityError('role_not_allowed', `Your role in @${org.handle} does not allow this`);
    }
    return org;
  }

  async function addMember(trx: Executor, orgId: string, userId: string, role: OrgRole) {
    await repo.insertMember(trx, { org_id: orgId, user_id: userId, role });
    await events.emit(trx, 'org.member_added', orgId, { orgId, userId, role });
  }

  return {
    orgByHandle,
    requireCapability,

    async orgByIdOrNull(id: string) {
      const [org] = await repo.findAccountsByIds(db, [id]);
      return org && org.kind !== 'person' ? org : null;
    },

    async create(principal: Principal, input: OrgInput) {
      const id = newId();
      await tx(async (trx) => {
        if (await repo.handleTaken(trx, input.handle)) throw handleTakenError(input.handle);
        await repo.insertAccount(trx, {
          id,
          kind: input.kind,
          handle: input.handle,
          name: input.name,
          bio: input.bio,
          avatar_url: input.avatarUrl,
        });
        await events.emit(trx, 'account.created', id, {
          accountId: id,
          kind: input.kind,
          handle: input.handle,
        });
        await addMember(trx, id, principal.userId, 'owner');
      }).catch(rethrowUniqueViolation(input.handle));
      return orgByHandle(input.handle);
    },

    async update(
      principal: Principal,
      handle: string,
      patch: { name?: string; bio?: string; avatarUrl?: string | null; links?: Link[] },
    ) {
      const org = await requireCapability(principal, handle, 'editProfile');
      await repo.updateAccount(db, org.id, {
        name: patch.name,
        bio: patch.bio,
        avatar_url: patch.avatarUrl,
        links: patch.links,
      });
      caches.accounts.delete(org.id);
      return orgByHandle(handle);
    },

    async setVerified(principal: Principal, handle: string, verified: boolean) {
      if (!principal.isAdmin)
        throw identityError('admin_only', 'Only a platform admin can verify organizations');
      const org = await orgByHandle(handle);
      await repo.setVerified(db, org.id, verified);
      caches.accounts.delete(org.id);
      return orgByHandle(handle);
    },

    async members(principal: Principal, handle: string) {
      const org = await orgByHandle(handle);
      if (!roleIn(principal, org.id))
        throw identityError('not_a_member', 'Only members can see the member list');
      return repo.listMembers(db, org.id);
    },

    async invite(principal: Principal, handle: string, userHandle: string, role: OrgRole) {
      const org = await requireCapability(principal, handle, 'manageMembers');
      if ((role === 'owner' || role === 'admin') && roleIn(principal, org.id) !== 'owner') {
        throw identityError('role_not_allowed', 'Only owners can invite owners and admins');
      }
      const user = await repo.findAccountByHandle(db, userHandle);
      if (user?.kind !== 'person') {
        throw identityError('unknown_user', `No person with the handle @${userHandle}`, [
          { field: 'handle', message: 'is not a person on Souk' },
        ]);
      }
      if (await repo.findMembership(db, org.id, user.id))
        throw identityError('already_member', `@${user.handle} is already a member`);
      if (await repo.findPendingInvitation(db, org.id, user.id)) {
        throw identityError('already_invited', `@${user.handle} already has a pending invitation`);
      }
      const id = newId();
      await repo.insertInvitation(db, {
        id,
        org_id: org.id,
        user_id: user.id,
        role,
        invited_by: principal.userId,
      });
      return (await repo.findInvitation(db, id))!;
    },

    async orgInvitations(principal: Principal, handle: string) {
      const org = await requireCapability(principal, handle, 'manageMembers');
      return repo.listInvitationsForOrg(db, org.id);
    },

    myInvitations: (principal: Principal) => repo.listInvitationsForUser(db, principal.userId),

    /** The invitee accepts or declines; an org manager may cancel. */
    async respond(principal: Principal, invitationId: string, answer: 'accept' | 'decline' | 'cancel') {
      const invitation = await repo.findInvitation(db, invitationId);
      const isInvitee = invitation?.user_id === principal.userId;
      const isManager = invitation !== undefined && can(principal, invitation.org_id, 'manageMembers');
      if (!invitation || (!isInvitee && !isManager)) throw identityError('not_found', 'Invitation not found');
      if (answer !== 'cancel' && !isInvitee)
        throw identityError('not_invitee', 'Only the invited person can answer');
      if (answer === 'cancel' && !isManager)
        throw identityError('forbidden', 'Only the organization can cancel an invitation');
      await tx(async (trx) => {
        const status = answer === 'accept' ? 'accepted' : answer === 'decline' ? 'declined' : 'cancelled';
        if (!(await repo.setInvitationStatus(trx, invitation.id, status))) {
          throw identityError('invitation_closed', 'This invitation was already answered or cancelled');
        }
        if (answer === 'accept') await addMember(trx, invitation.org_id, invitation.user_id, invitation.role);
      });
    },

    async removeMember(principal: Principal, handle: string, userHandle: string) {
      const org = await orgByHandle(handle);
      const user = await repo.findAccountByHandle(db, userHandle);
      const target = user ? await repo.findMembership(db, org.id, user.id) : undefined;
      const leavingSelf = user?.id === principal.userId;
      if (!leavingSelf) await requireCapability(principal, handle, 'manageMembers');
      if (!user || !target) throw identityError('not_found', 'Member not found');
      if (
        !leavingSelf &&
        (target.role === 'owner' || target.role === 'admin') &&
        roleIn(principal, org.id) !== 'owner'
      ) {
        throw identityError('role_not_allowed', 'Only owners can remove owners and admins');
      }
      await tx(async (trx) => {
        if (target.role === 'owner' && (await repo.countOwners(trx, org.id)) <= 1) {
          throw identityError('last_owner', 'An organization needs at least one owner');
        }
        await repo.deleteMember(trx, org.id, user.id);
        await events.emit(trx, 'org.member_removed', org.id, { orgId: org.id, userId: user.id });
      });
      live?.membershipEnded(user.id, org.id);
    },
  };
}

export type OrgsService = ReturnType<typeof createOrgsService>;

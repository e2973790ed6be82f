import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import { requireUser } from '../../platform/http/auth.ts';
import { writeLimit } from '../../platform/http/rate-limit.ts';
import { noContent } from '../../platform/http/responses.ts';
import { iso, presentAccount, presentSummary } from './identity.present.ts';
import {
  Account,
  HandleParam,
  IdParam,
  Invitation,
  Member,
  OrgBody,
  ProfilePatch,
  Role,
} from './identity.schemas.ts';
import type { IdentityModule } from './index.ts';

const tags = ['organizations'];

type InvitationRow = Awaited<ReturnType<IdentityModule['orgs']['myInvitations']>>[number];

export function orgRoutes(identity: IdentityModule) {
  return async (fastify: FastifyInstance) => {
    const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
    const orgs = identity.orgs;

    async function presentInvitations(rows: InvitationRow[]) {
      const accounts = await identity.service.accountsByIds([
        ...new Set(rows.flatMap((r) => [r.org_id, r.user_id])),
      ]);
      const byId = new Map(accounts.map((a) => [a.id, a]));
      return rows.map((r) => ({
        id: r.id,
        org: presentSummary(byId.get(r.org_id)!),
        user: presentSummary(byId.get(r.user_id)!),
        role: r.role,
        status: r.status,
        createdAt: iso(r.created_at),
      }));
    }

    app.post(
      '/orgs',
      {
        schema: {
          tags,
          summary: 'Create a brand or reseller; you become its owner',
          body: OrgBody,
          response: { 201: Account },
        },
        config: writeLimit(10),
      },
      async (request, reply) =>
        reply.code(201).send(presentAccount(await orgs.create(requireUser(request), request.body))),
    );

    app.patch(
      '/orgs/:handle',
      {
        schema: {
          tags,
          summary: "Edit an organization's profile (owner, admin)",
          params: HandleParam,
          body: ProfilePatch,
          response: { 200: Account },
        },
      },
      async (request) =>
        presentAccount(await orgs.update(requireUser(request), request.params.handle, request.body)),
    );

    app.put(
      '/orgs/:handle/verified',
      {
        schema: {
          tags,
          summary: 'Set the verified mark (platform admins)',
          params: HandleParam,
          body: Type.Object({ verified: Type.Boolean() }, { additionalProperties: false }),
          response: { 200: Account },
        },
      },
      async (request) =>
        presentAccount(
          await orgs.setVerified(requireUser(request), request.params.handle, request.body.verified),
        ),
    );

    app.get(
      '/orgs/:handle/members',
      {
        schema: {
          tags,
          summary: 'Members and their roles (members only)',
          params: HandleParam,
          response: { 200: Type.Object({ items: Type.Array(Member) }) },
        },
      },
      async (request) => {
        const rows = await orgs.members(requireUser(request), request.params.handle);
        return {
          items: rows.map((r) => ({ account: presentSummary(r), role: r.role, joinedAt: iso(r.joined_at) })),
        };
      },
    );

    app.delete(
      '/orgs/:handle/members/:userHandle',
      {
        schema: {
          tags,
          summary: 'Remove a member, or leave',
          params: Type.Object(
            { handle: Type.String({ maxLength: 31 }), userHandle: Type.String({ maxLength: 31 }) },
            { additionalProperties: false },
          ),
          response: noContent,
        },
      },
      async (request, reply) => {
        await orgs.removeMember(requireUser(request), request.params.handle, request.params.userHandle);
        return reply.code(204).send(null);
      },
    );

    app.get(
      '/orgs/:handle/invitations',
      {
        schema: {
          tags,
          summary: 'Pending invitations of an organization',
          params: HandleParam,
          response: { 200: Type.Object({ items: Type.Array(Invitation) }) },
        },
      },
      async (request) => ({
        items: await presentInvitations(
          await orgs.orgInvitations(requireUser(request), request.params.handle),
        ),
      }),
    );

    app.post(
      '/orgs/:handle/invitations',
      {
        schema: {
          tags,
          summary: 'Invite a person to join with a role',
          params: HandleParam,
          body: Type.Object(
            { handle: Type.String({ maxLength: 31 }), role: Role },
            { additionalProperties: false },
          ),
          response: { 201: Invitation },
        },
        config: writeLimit(30),
      },
      async (request, reply) => {
        const row = await orgs.invite(
          requireUser(request),
          request.params.handle,
          request.body.handle,
          request.body.role,
        );
        return reply.code(201).send((await presentInvitations([row]))[0]);
      },
    );

    app.get(
      '/me/invitations',
      {
        schema: {
          tags,
          summary: 'Invitations waiting for your answer',
          response: { 200: Type.Object({ items: Type.Array(Invitation) }) },
        },
      },
      async (request) => ({
        items: await presentInvitations(await orgs.myInvitations(requireUser(request))),
      }),
    );

    for (const answer of ['accept', 'decline', 'cancel'] as const) {
      app.post(
        `/invitations/:id/${answer}`,
        {
          schema: {
            tags,
            summary: `${answer[0].toUpperCase()}${answer.slice(1)} an invitation`,
            params: IdParam,
            response: noContent,
          },
        },
        async (request, reply) => {
          await orgs.respond(requireUser(request), request.params.id, answer);
          return reply.code(204).send(null);
        },
      );
    }
  };
}

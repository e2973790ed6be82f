import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import { requireUser } from '../../platform/http/auth.ts';
import { writeLimit } from '../../platform/http/rate-limit.ts';
import { noContent } from '../../platform/http/responses.ts';
import type { ChallengesService } from './challenges.service.ts';
import {
  Challenge,
  ChallengeDetail,
  ChallengeParam,
  CommentParam,
  HiddenItems,
  IdeaParam,
  NewChallengeBody,
  NewIdeaBody,
  OrgParam,
  ReportBody,
  ReportResult,
} from './ideas.schemas.ts';
import type { ModerationService } from './moderation.service.ts';

const tags = ['ideas'];

/** Private challenges (invite-only campaigns with a deadline) and reports on ideas and comments. */
export function challengeRoutes(challenges: ChallengesService, moderation: ModerationService) {
  return async (fastify: FastifyInstance) => {
    const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

    app.post(
      '/orgs/:handle/challenges',
      {
        config: writeLimit(10),
        schema: {
          tags,
          summary:
            'Start a private challenge: invite a saved segment, a tier of advocates and those above it, members by role or named people',
          params: OrgParam,
          body: NewChallengeBody,
          response: { 201: Challenge },
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(await challenges.create(requireUser(request), request.params.handle, request.body)),
    );

    app.get(
      '/orgs/:handle/challenges',
      {
        schema: {
          tags,
          summary: 'The brand’s challenges you are invited to (all of them for the brand)',
          params: OrgParam,
          response: { 200: Type.Object({ items: Type.Array(Challenge) }) },
        },
      },
      async (request) => challenges.list(request.principal, request.params.handle),
    );

    app.get(
      '/challenges/:id',
      {
        schema: {
          tags,
          summary: 'A challenge and its ideas, most-voted first (404 unless you are invited)',
          params: ChallengeParam,
          response: { 200: ChallengeDetail },
        },
      },
      async (request) => challenges.detail(request.principal, request.params.id),
    );

    app.post(
      '/challenges/:id/ideas',
      {
        config: writeLimit(10),
        schema: {
          tags,
          summary: 'Post an idea to a challenge you are invited to, before its deadline',
          params: ChallengeParam,
          body: NewIdeaBody,
          response: { 201: Type.Ref('Idea') },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await challenges.post(requireUser(request), request.params.id, request.body)),
    );

    for (const [kind, url, params] of [
      ['idea', '/ideas/:id', IdeaParam],
      ['comment', '/idea-comments/:id', CommentParam],
    ] as const) {
      app.post(
        `${url}/reports`,
        {
          config: writeLimit(20),
          schema: {
            tags,
            summary: `Report the ${kind} as spam or abuse (hidden after the brand’s number of distinct reports)`,
            params,
            body: ReportBody,
            response: { 201: ReportResult },
          },
        },
        async (request, reply) =>
          reply
            .code(201)
            .send(
              await moderation.report(requireUser(request), kind, request.params.id, request.body.reason),
            ),
      );
      app.post(
        `${url}/restore`,
        {
          schema: {
            tags,
            summary: `Show a hidden ${kind} again and clear its reports (the brand)`,
            params,
            response: noContent,
          },
        },
        async (request, reply) => {
          await moderation.restore(requireUser(request), kind, request.params.id);
          return reply.code(204).send(null);
        },
      );
      app.post(
        `${url}/keep-hidden`,
        {
          schema: {
            tags,
            summary:
              kind === 'idea'
                ? 'Keep a hidden idea hidden for good (the brand): it closes and its votes go back to the voters'
                : 'Keep a hidden comment hidden for good (the brand)',
            params,
            response: noContent,
          },
        },
        async (request, reply) => {
          await moderation.keepHidden(requireUser(request), kind, request.params.id);
          return reply.code(204).send(null);
        },
      );
    }

    app.delete(
      '/idea-comments/:id',
      {
        schema: {
          tags,
          summary: 'Delete a hidden comment with its reports (the brand)',
          params: CommentParam,
          response: noContent,
        },
      },
      async (request, reply) => {
        await moderation.deleteComment(requireUser(request), request.params.id);
        return reply.code(204).send(null);
      },
    );

    app.get(
      '/orgs/:handle/ideas/hidden',
      {
        schema: {
          tags,
          summary: 'Ideas and comments hidden after reports, for the brand to review',
          params: OrgParam,
          response: { 200: HiddenItems },
        },
      },
      async (request) => moderation.hidden(requireUser(request), request.params.handle),
    );
  };
}

import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import { requireUser } from '../../../platform/http/auth.ts';
import { noContent } from '../../../platform/http/responses.ts';
import { HandleParam } from '../../identity/index.ts';
import {
  Leaderboard,
  LeaderboardQuery,
  Library,
  LibraryPostParams,
  LibraryQuery,
  ShareableInput,
  ShareInput,
  StaffShare,
  StaffShares,
  StaffSharesQuery,
  advocacyTags as tags,
} from './advocacy.schemas.ts';
import type { AdvocacyService } from './advocacy.service.ts';

/** Employee advocacy: the content library, staff shares, the leaderboard and the shares that led to sales. */
export function advocacyRoutes(advocacy: AdvocacyService) {
  return async (fastify: FastifyInstance) => {
    const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

    app.get(
      '/orgs/:handle/advocacy/library',
      {
        schema: {
          tags,
          summary: 'The content library for the brand’s members: shareable posts, newest first, by topic',
          params: HandleParam,
          querystring: LibraryQuery,
          response: { 200: Library },
        },
      },
      async (request) => advocacy.library(requireUser(request), request.params.handle, request.query),
    );

    app.put(
      '/orgs/:handle/advocacy/library/:postId',
      {
        schema: {
          tags,
          summary:
            'Mark one of the brand’s posts shareable, with a topic and a suggested caption (marketers)',
          params: LibraryPostParams,
          body: ShareableInput,
          response: {
            200: Type.Object({
              postId: Type.String({ format: 'uuid' }),
              topic: Type.String(),
              caption: Type.Union([Type.String(), Type.Null()]),
              markedAt: Type.String({ format: 'date-time' }),
            }),
          },
        },
      },
      async (request) =>
        advocacy.mark(requireUser(request), request.params.handle, request.params.postId, request.body),
    );

    app.delete(
      '/orgs/:handle/advocacy/library/:postId',
      {
        schema: {
          tags,
          summary: 'Take a post out of the content library',
          params: LibraryPostParams,
          response: noContent,
        },
      },
      async (request, reply) => {
        await advocacy.unmark(requireUser(request), request.params.handle, request.params.postId);
        return reply.code(204).send(null);
      },
    );

    app.post(
      '/orgs/:handle/advocacy/library/:postId/shares',
      {
        schema: {
          tags,
          summary:
            'Share a library post as yourself: a reshare, or a quote in your own words (linted by the brand’s policy)',
          params: LibraryPostParams,
          body: ShareInput,
          response: { 201: StaffShare },
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(
            await advocacy.share(
              requireUser(request),
              request.params.handle,
              request.params.postId,
              request.body,
            ),
          ),
    );

    app.get(
      '/orgs/:handle/advocacy/leaderboard',
      {
        schema: {
          tags,
          summary: 'The staff leaderboard for a period (reach, engagement, attributed revenue, points)',
          params: HandleParam,
          querystring: LeaderboardQuery,
          response: { 200: Leaderboard },
        },
      },
      async (request) => advocacy.leaderboard(requireUser(request), request.params.handle, request.query),
    );

    app.get(
      '/orgs/:handle/advocacy/shares',
      {
        schema: {
          tags,
          summary: 'Staff shares in a period, each with the paid orders it led to (members who see sales)',
          params: HandleParam,
          querystring: StaffSharesQuery,
          response: { 200: StaffShares },
        },
      },
      async (request) => advocacy.staffShares(requireUser(request), request.params.handle, request.query),
    );
  };
}

import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import { requireUser } from '../../platform/http/auth.ts';
import { pageOf } from '../../platform/http/pagination.ts';
import { writeLimit } from '../../platform/http/rate-limit.ts';
import { noContent } from '../../platform/http/responses.ts';
import {
  Budget,
  Comment,
  CommentBody,
  IdeaDetail,
  IdeaParam,
  ListQuery,
  NewIdeaBody,
  OrgParam,
  SimilarIdea,
  SimilarQuery,
  VoteBody,
  VoteResult,
} from './ideas.schemas.ts';
import type { PortalService } from './portal.service.ts';

const tags = ['ideas'];

/** The public portal: post, similar while typing, list, read, vote, comment, follow. */
export function portalRoutes(portal: PortalService) {
  return async (fastify: FastifyInstance) => {
    const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

    app.get(
      '/orgs/:handle/ideas',
      {
        schema: {
          tags,
          summary: 'A brand’s ideas: top, new or trending (votes halve in weight every week), by status',
          params: OrgParam,
          querystring: ListQuery,
          response: { 200: pageOf(Type.Ref('Idea')) },
        },
      },
      async (request) => portal.list(request.params.handle, request.principal, request.query),
    );

    app.post(
      '/orgs/:handle/ideas',
      {
        config: writeLimit(10),
        schema: {
          tags,
          summary: 'Post an idea to a brand',
          params: OrgParam,
          body: NewIdeaBody,
          response: { 201: Type.Ref('Idea') },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await portal.post(requireUser(request), request.params.handle, request.body)),
    );

    app.get(
      '/orgs/:handle/ideas/similar',
      {
        schema: {
          tags,
          summary: 'Ideas of the brand that look like the title typed so far, most similar first',
          params: OrgParam,
          querystring: SimilarQuery,
          response: { 200: Type.Object({ items: Type.Array(SimilarIdea) }) },
        },
      },
      async (request) => ({ items: await portal.similar(request.params.handle, request.query.q) }),
    );

    app.get(
      '/orgs/:handle/ideas/budget',
      {
        schema: {
          tags,
          summary: 'Your votes with the brand: limits, used and left',
          params: OrgParam,
          response: { 200: Budget },
        },
      },
      async (request) => portal.budget(requireUser(request), request.params.handle),
    );

    app.get(
      '/ideas/:id',
      {
        schema: {
          tags,
          summary: 'An idea with its timeline, followers, your budget and what it shipped as',
          params: IdeaParam,
          response: { 200: IdeaDetail },
        },
      },
      async (request) => portal.detail(request.params.id, request.principal),
    );

    app.put(
      '/ideas/:id/vote',
      {
        config: writeLimit(60),
        schema: {
          tags,
          summary: 'Set your votes on an idea (0 takes them back to your budget)',
          params: IdeaParam,
          body: VoteBody,
          response: { 200: VoteResult },
        },
      },
      async (request) => portal.vote(requireUser(request), request.params.id, request.body.votes),
    );

    app.get(
      '/ideas/:id/comments',
      {
        schema: {
          tags,
          summary: 'Comments and official responses, oldest first',
          params: IdeaParam,
          response: { 200: Type.Object({ items: Type.Array(Comment) }) },
        },
      },
      async (request) => ({ items: await portal.comments(request.params.id, request.principal) }),
    );

    app.post(
      '/ideas/:id/comments',
      {
        config: writeLimit(20),
        schema: {
          tags,
          summary: 'Comment on an idea, or answer officially as its brand',
          params: IdeaParam,
          body: CommentBody,
          response: { 201: Comment },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await portal.comment(requireUser(request), request.params.id, request.body)),
    );

    for (const [method, on] of [
      ['put', true],
      ['delete', false],
    ] as const) {
      app[method](
        '/ideas/:id/follow',
        {
          schema: {
            tags,
            summary: on ? 'Follow an idea' : 'Stop following an idea',
            params: IdeaParam,
            response: noContent,
          },
        },
        async (request, reply) => {
          await portal.follow(requireUser(request), request.params.id, on);
          return reply.code(204).send(null);
        },
      );
    }
  };
}

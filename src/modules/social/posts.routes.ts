import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import { requireUser } from '../../platform/http/auth.ts';
import { PageQuery, pageOf } from '../../platform/http/pagination.ts';
import { writeLimit } from '../../platform/http/rate-limit.ts';
import { noContent } from '../../platform/http/responses.ts';
import { IdParam } from '../identity/index.ts';
import type { SocialModule } from './index.ts';
import { AsBody, CreatePostBody, PostRef, SearchQuery, Thread } from './social.schemas.ts';

const tags = ['posts'];

export function postRoutes(social: SocialModule) {
  return async (fastify: FastifyInstance) => {
    const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
    const { posts, reads } = social;

    app.post(
      '/posts',
      {
        schema: {
          tags,
          summary: 'Publish a post or a reply',
          body: CreatePostBody,
          response: { 201: PostRef },
        },
        config: writeLimit(60),
      },
      async (request, reply) => {
        const principal = requireUser(request);
        const id = await posts.create(principal, request.body);
        return reply.code(201).send(await reads.post(principal, id));
      },
    );

    app.get(
      '/posts/:id',
      { schema: { tags, summary: 'One post', params: IdParam, response: { 200: PostRef } } },
      async (request) => reads.post(request.principal, request.params.id),
    );

    app.get(
      '/posts/:id/thread',
      {
        schema: {
          tags,
          summary: 'A post with its ancestors and replies',
          params: IdParam,
          response: { 200: Thread },
        },
      },
      async (request) => reads.thread(request.principal, request.params.id),
    );

    app.delete(
      '/posts/:id',
      { schema: { tags, summary: 'Delete your post', params: IdParam, response: noContent } },
      async (request, reply) => {
        await posts.remove(requireUser(request), request.params.id);
        return reply.code(204).send(null);
      },
    );

    app.post(
      '/posts/:id/reshare',
      {
        schema: {
          tags,
          summary: 'Reshare a public post',
          params: IdParam,
          body: Type.Optional(AsBody),
          response: { 201: PostRef },
        },
        config: writeLimit(60),
      },
      async (request, reply) => {
        const principal = requireUser(request);
        const id = await posts.reshare(principal, request.params.id, request.body?.as);
        return reply.code(201).send(await reads.post(principal, id));
      },
    );

    app.post(
      '/posts/:id/like',
      {
        schema: { tags, summary: 'Like a post', params: IdParam, response: { 200: PostRef } },
        config: writeLimit(300),
      },
      async (request) => {
        const principal = requireUser(request);
        await posts.like(principal, request.params.id);
        return reads.post(principal, request.params.id);
      },
    );

    app.delete(
      '/posts/:id/like',
      { schema: { tags, summary: 'Remove your like', params: IdParam, response: { 200: PostRef } } },
      async (request) => {
        const principal = requireUser(request);
        await posts.unlike(principal, request.params.id);
        return reads.post(principal, request.params.id);
      },
    );

    app.get(
      '/timelines/home',
      {
        schema: {
          tags,
          summary: 'Posts of accounts you follow, and yours, newest first',
          querystring: PageQuery,
          response: { 200: pageOf(PostRef) },
        },
      },
      async (request) => reads.home(requireUser(request), request.query),
    );

    app.get(
      '/tags/:tag/posts',
      {
        schema: {
          tags,
          summary: 'Posts with a hashtag',
          params: Type.Object({ tag: Type.String({ minLength: 1, maxLength: 100 }) }),
          querystring: PageQuery,
          response: { 200: pageOf(PostRef) },
        },
      },
      async (request) => reads.tag(request.principal, request.params.tag, request.query),
    );

    app.get(
      '/search/posts',
      {
        schema: {
          tags,
          summary: 'Full-text search over posts you may see',
          querystring: SearchQuery,
          response: { 200: pageOf(PostRef) },
        },
      },
      async (request) => reads.search(request.principal, request.query.q, request.query),
    );
  };
}

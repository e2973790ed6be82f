import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import { requireUser } from '../../platform/http/auth.ts';
import { PageQuery, pageOf } from '../../platform/http/pagination.ts';
import { writeLimit } from '../../platform/http/rate-limit.ts';
import { AccountSummary, HandleParam, type IdentityModule, presentSummary } from '../identity/index.ts';
import type { SocialModule } from './index.ts';
import { AccountSearchQuery, PostRef, Profile, Suggestion, SuggestionsQuery } from './social.schemas.ts';

const tags = ['accounts'];

export function accountRoutes(social: SocialModule, identity: Pick<IdentityModule, 'accounts'>) {
  return async (fastify: FastifyInstance) => {
    const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
    const { follows, reads } = social;

    app.get(
      '/accounts/:handle',
      {
        schema: {
          tags,
          summary: 'A person or organization profile',
          params: HandleParam,
          response: { 200: Profile },
        },
      },
      async (request) => follows.profile(request.principal, request.params.handle),
    );

    app.post(
      '/accounts/:handle/follow',
      {
        schema: { tags, summary: 'Follow', params: HandleParam, response: { 200: Profile } },
        config: writeLimit(120),
      },
      async (request) => follows.follow(requireUser(request), request.params.handle),
    );

    app.delete(
      '/accounts/:handle/follow',
      {
        schema: { tags, summary: 'Unfollow', params: HandleParam, response: { 200: Profile } },
        config: writeLimit(120),
      },
      async (request) => follows.unfollow(requireUser(request), request.params.handle),
    );

    for (const direction of ['followers', 'following'] as const) {
      app.get(
        `/accounts/:handle/${direction}`,
        {
          schema: {
            tags,
            summary: direction === 'followers' ? 'Who follows this account' : 'Whom this account follows',
            params: HandleParam,
            querystring: PageQuery,
            response: { 200: pageOf(AccountSummary) },
          },
        },
        async (request) => follows.list(direction, request.params.handle, request.query),
      );
    }

    app.get(
      '/accounts/:handle/posts',
      {
        schema: {
          tags,
          summary: "An account's posts and reshares (no replies)",
          params: HandleParam,
          querystring: PageQuery,
          response: { 200: pageOf(PostRef) },
        },
      },
      async (request) => reads.author(request.principal, request.params.handle, request.query),
    );

    app.get(
      '/accounts/:handle/mentions',
      {
        schema: {
          tags,
          summary: 'Posts mentioning this account',
          params: HandleParam,
          querystring: PageQuery,
          response: { 200: pageOf(PostRef) },
        },
      },
      async (request) => reads.mentions(request.principal, request.params.handle, request.query),
    );

    app.get(
      '/search/accounts',
      {
        schema: {
          tags,
          summary:
            'Find people and organizations by handle or name prefix, or by handle prefix for @-autocomplete',
          querystring: AccountSearchQuery,
          response: { 200: Type.Object({ items: Type.Array(AccountSummary) }) },
        },
      },
      async (request) => {
        const { q, mode, limit } = request.query;
        if (mode === 'prefix')
          return { items: await follows.mentionCandidates(request.principal, q, limit ?? 8) };
        return {
          items: (await identity.accounts.search(q.replace(/^@/, ''), limit ?? 20)).map(presentSummary),
        };
      },
    );

    app.get(
      '/me/suggestions',
      {
        schema: {
          tags,
          summary: 'Whom to follow: accounts followed by those you follow, then the most followed',
          querystring: SuggestionsQuery,
          response: { 200: Type.Object({ items: Type.Array(Suggestion) }) },
        },
      },
      async (request) => ({
        items: await follows.suggestions(requireUser(request), request.query.limit ?? 10),
      }),
    );
  };
}

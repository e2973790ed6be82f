import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import { requireUser } from '../../../platform/http/auth.ts';
import { noContent } from '../../../platform/http/responses.ts';
import { HandleParam } from '../../identity/index.ts';
import { OrgItemParams, Rule, RuleBody, RuleChange, tags } from '../listening.schemas.ts';
import type { SavedWithProgress, TopicsService } from './topics.service.ts';

const presentRule = (r: SavedWithProgress) => ({
  id: r.id,
  tag: r.name,
  query: r.query,
  createdAt: new Date(r.created_at).toISOString(),
  backfill: r.backfill,
});

/** Auto-tagging rules: a query → a tag, applied to new mentions as they are stored and to stored ones by a backfill. */
export function rulesRoutes(topics: TopicsService) {
  const { rules } = topics;
  return async (fastify: FastifyInstance) => {
    const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
    app.get(
      '/orgs/:handle/listening/rules',
      {
        schema: {
          tags,
          summary: 'The brand’s auto-tagging rules, each with its backfill’s progress',
          params: HandleParam,
          response: { 200: Type.Object({ items: Type.Array(Rule) }) },
        },
      },
      async (request) => ({
        items: (await rules.list(requireUser(request), request.params.handle)).map(presentRule),
      }),
    );
    app.get(
      '/orgs/:handle/listening/rules/:id',
      { schema: { tags, summary: 'One auto-tagging rule', params: OrgItemParams, response: { 200: Rule } } },
      async (request) =>
        presentRule(await rules.get(requireUser(request), request.params.handle, request.params.id)),
    );
    app.post(
      '/orgs/:handle/listening/rules',
      {
        schema: {
          tags,
          summary:
            'Add a rule (400 invalid_query names the position in the query); stored mentions are tagged by a backfill',
          params: HandleParam,
          body: RuleBody,
          response: { 201: Rule },
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(presentRule(await rules.create(requireUser(request), request.params.handle, request.body))),
    );
    app.patch(
      '/orgs/:handle/listening/rules/:id',
      {
        schema: {
          tags,
          summary: 'Change a rule (a new query re-tags the stored mentions)',
          params: OrgItemParams,
          body: RuleChange,
          response: { 200: Rule },
        },
      },
      async (request) =>
        presentRule(
          await rules.update(requireUser(request), request.params.handle, request.params.id, request.body),
        ),
    );
    app.delete(
      '/orgs/:handle/listening/rules/:id',
      {
        schema: {
          tags,
          summary: 'Remove a rule and its tag (the mentions stay)',
          params: OrgItemParams,
          response: noContent,
        },
      },
      async (request, reply) => {
        await rules.remove(requireUser(request), request.params.handle, request.params.id);
        return reply.code(204).send(null);
      },
    );
  };
}

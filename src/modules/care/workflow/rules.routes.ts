import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import { requireUser } from '../../../platform/http/auth.ts';
import { HandleParam } from '../../identity/index.ts';
import { Intent, noContent, OrgItemParams, Priority, tags } from '../care.schemas.ts';
import type { RulesService } from './rules.service.ts';

const Conditions = Type.Object(
  {
    intents: Type.Optional(Type.Array(Intent)),
    sentimentBelow: Type.Optional(Type.Number({ minimum: -1, maximum: 1 })),
    keywords: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 60 }), { maxItems: 20 })),
    languages: Type.Optional(Type.Array(Type.String({ pattern: '^[a-z]{2,3}$' }), { maxItems: 20 })),
    minFollowers: Type.Optional(Type.Integer({ minimum: 0 })),
    minLifetimeValueMinor: Type.Optional(Type.Integer({ minimum: 0 })),
  },
  { additionalProperties: false },
);
const Actions = Type.Object(
  {
    queueId: Type.Optional(Type.String({ format: 'uuid' })),
    priority: Type.Optional(Priority),
    tags: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 40 }), { maxItems: 10 })),
    assigneeId: Type.Optional(Type.String({ format: 'uuid' })),
  },
  { additionalProperties: false },
);
const Rule = Type.Object({
  id: Type.String(),
  name: Type.String(),
  position: Type.Integer(),
  conditions: Conditions,
  actions: Actions,
  enabled: Type.Boolean(),
});
const RuleTest = Type.Object({
  tested: Type.Integer({ description: 'Recent incoming messages tried' }),
  matched: Type.Integer(),
  examples: Type.Array(
    Type.Object({
      messageId: Type.String(),
      text: Type.String(),
      intent: Type.Union([Type.String(), Type.Null()]),
    }),
    { description: 'Up to 10 of the messages it caught' },
  ),
});

/** Routing rules of the inbox, in the order they run: agents read and try them, owners and admins edit them. */
export function ruleRoutes(rules: RulesService) {
  return async (fastify: FastifyInstance) => {
    const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

    app.get(
      '/orgs/:handle/care/rules',
      {
        schema: {
          tags,
          summary: 'Routing rules, in the order they run',
          params: HandleParam,
          response: { 200: Type.Object({ items: Type.Array(Rule) }) },
        },
      },
      async (request) => ({ items: await rules.list(requireUser(request), request.params.handle) }),
    );

    app.post(
      '/orgs/:handle/care/rules',
      {
        schema: {
          tags,
          summary: 'Add a routing rule (owners, admins)',
          params: HandleParam,
          body: Type.Object(
            { name: Type.String({ minLength: 1, maxLength: 80 }), conditions: Conditions, actions: Actions },
            { additionalProperties: false },
          ),
          response: { 201: Type.Object({ id: Type.String() }) },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await rules.add(requireUser(request), request.params.handle, request.body)),
    );

    app.post(
      '/orgs/:handle/care/rules/test',
      {
        schema: {
          tags,
          summary: 'Try a rule on recent messages before saving it',
          params: HandleParam,
          body: Type.Object({ conditions: Conditions, actions: Actions }, { additionalProperties: false }),
          response: { 200: RuleTest },
        },
      },
      async (request) => rules.test(requireUser(request), request.params.handle, request.body),
    );

    app.delete(
      '/orgs/:handle/care/rules/:id',
      { schema: { tags, summary: 'Remove a routing rule', params: OrgItemParams, response: noContent } },
      async (request, reply) => {
        await rules.remove(requireUser(request), request.params.handle, request.params.id);
        return reply.code(204).send(null);
      },
    );
  };
}

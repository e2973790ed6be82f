import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import { requireUser } from '../../platform/http/auth.ts';
import { noContent } from '../../platform/http/responses.ts';
import {
  IdeaParam,
  MergeBody,
  OrgParam,
  OwnerBody,
  RankingItem,
  ReturnsItem,
  ScoreBody,
  Settings,
  SettingsBody,
  ShipBody,
  StatusBody,
} from './ideas.schemas.ts';
import type { LoopService } from './loop.service.ts';
import type { WorkflowService } from './workflow.service.ts';

const tags = ['ideas'];

/** The brand's side: statuses, owners, merges, scorecards, shipping as products, the returns report, settings. */
export function workflowRoutes(deps: { workflow: WorkflowService; loop: LoopService }) {
  const { workflow, loop } = deps;
  return async (fastify: FastifyInstance) => {
    const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
    const done = { tags, params: IdeaParam, response: noContent };

    app.post(
      '/ideas/:id/status',
      {
        schema: {
          ...done,
          summary: 'Move an idea through review (declining needs a reason)',
          body: StatusBody,
        },
      },
      async (request, reply) => {
        await workflow.setStatus(
          requireUser(request),
          request.params.id,
          request.body.status,
          request.body.reason,
        );
        return reply.code(204).send(null);
      },
    );

    app.put(
      '/ideas/:id/owner',
      { schema: { ...done, summary: 'Give an idea an owner in the brand, or none', body: OwnerBody } },
      async (request, reply) => {
        await workflow.setOwner(requireUser(request), request.params.id, request.body.owner);
        return reply.code(204).send(null);
      },
    );

    app.post(
      '/ideas/:id/merge',
      {
        schema: {
          ...done,
          summary:
            'Merge a duplicate into the idea to keep: votes (one per person), comments and followers move',
          body: MergeBody,
        },
      },
      async (request, reply) => {
        await workflow.merge(requireUser(request), request.params.id, request.body.intoId);
        return reply.code(204).send(null);
      },
    );

    app.put(
      '/ideas/:id/score',
      { schema: { ...done, summary: 'Your scorecard for an idea: impact and effort, 1–5', body: ScoreBody } },
      async (request, reply) => {
        await workflow.score(
          requireUser(request),
          request.params.id,
          request.body.impact,
          request.body.effort,
        );
        return reply.code(204).send(null);
      },
    );

    app.post(
      '/ideas/:id/ship',
      {
        schema: {
          ...done,
          summary: 'Ship an idea as catalog products: voters and followers are told where to buy',
          body: ShipBody,
        },
      },
      async (request, reply) => {
        await loop.ship(requireUser(request), request.params.id, request.body.productIds, request.body.note);
        return reply.code(204).send(null);
      },
    );

    app.get(
      '/orgs/:handle/ideas/ranking',
      {
        schema: {
          tags,
          summary: 'Open ideas by their evaluators’ scorecards: best impact for the effort first',
          params: OrgParam,
          response: { 200: Type.Object({ items: Type.Array(RankingItem) }) },
        },
      },
      async (request) => ({ items: await workflow.ranking(requireUser(request), request.params.handle) }),
    );

    app.get(
      '/orgs/:handle/ideas/returns',
      {
        schema: {
          tags,
          summary:
            'Shipped ideas by return: their voters’ and followers’ orders of the products, and revenue',
          params: OrgParam,
          response: { 200: Type.Object({ items: Type.Array(ReturnsItem) }) },
        },
      },
      async (request) => ({ items: await loop.report(requireUser(request), request.params.handle) }),
    );

    app.get(
      '/orgs/:handle/ideas/settings',
      { schema: { tags, summary: 'The brand’s vote limits', params: OrgParam, response: { 200: Settings } } },
      async (request) => workflow.settings(request.params.handle),
    );

    app.put(
      '/orgs/:handle/ideas/settings',
      {
        schema: {
          tags,
          summary: 'Set the votes a person may have on open ideas and on one idea',
          params: OrgParam,
          body: SettingsBody,
          response: { 200: Settings },
        },
      },
      async (request) => workflow.saveSettings(requireUser(request), request.params.handle, request.body),
    );
  };
}

import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { create as contentDisposition } from 'content-disposition';
import type { FastifyInstance } from 'fastify';
import { requireUser } from '../../platform/http/auth.ts';
import { mediaResponse } from '../../platform/http/responses.ts';
import {
  CommissionRules,
  CommissionRulesBody,
  Leaderboard,
  MonthQuery,
  OrgParam,
  SalesTargetBody,
} from './rfp.schemas.ts';
import type { SalesTeamService } from './sales-team.service.ts';

const tags = ['rfp'];

/** The social sales team: targets, the leaderboard with the social selling index, commission as CSV. */
export function salesTeamRoutes(team: SalesTeamService) {
  return async (fastify: FastifyInstance) => {
    const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

    app.get(
      '/orgs/:handle/sales-leaderboard',
      {
        schema: {
          tags,
          summary: 'The sales team’s month: attributed revenue, targets, social selling index, commission',
          params: OrgParam,
          querystring: MonthQuery,
          response: { 200: Leaderboard },
        },
      },
      async (request) => team.leaderboard(requireUser(request), request.params.handle, request.query.month),
    );

    app.put(
      '/orgs/:handle/sales-targets',
      {
        schema: {
          tags,
          summary: 'Set a member’s monthly targets (revenue, pitches, first-response time)',
          params: OrgParam,
          body: SalesTargetBody,
          response: { 200: Leaderboard },
        },
      },
      async (request) => team.setTarget(requireUser(request), request.params.handle, request.body),
    );

    app.put(
      '/orgs/:handle/commission-rules',
      {
        schema: {
          tags,
          summary: 'Set the commission rules: a base rate and higher rates above target',
          params: OrgParam,
          body: CommissionRulesBody,
          response: { 200: CommissionRules },
        },
      },
      async (request) => team.setCommission(requireUser(request), request.params.handle, request.body),
    );

    app.get(
      '/orgs/:handle/sales-commission.csv',
      {
        schema: {
          tags,
          summary: 'Commission per person for a month, as CSV for payroll',
          params: OrgParam,
          querystring: MonthQuery,
          response: { 200: mediaResponse('text/csv', 'One row per sales member, with a header') },
        },
      },
      async (request, reply) => {
        const month = request.query.month;
        const csv = await team.commissionCsv(requireUser(request), request.params.handle, month);
        return reply
          .type('text/csv; charset=utf-8')
          .header(
            'content-disposition',
            contentDisposition(`${request.params.handle}-commission-${month ?? 'month'}.csv`),
          )
          .send(csv);
      },
    );
  };
}

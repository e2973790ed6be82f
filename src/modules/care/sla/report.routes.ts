import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import { requireUser } from '../../../platform/http/auth.ts';
import { HandleParam } from '../../identity/index.ts';
import { tags } from '../care.schemas.ts';
import { REPORT_MEASURES, type ReportService } from './report.service.ts';

const Stat = Type.Object({
  median: Type.Union([Type.Number(), Type.Null()]),
  p90: Type.Union([Type.Number(), Type.Null()]),
});
const Report = Type.Object({
  items: Type.Array(
    Type.Object({
      group: Type.Union([Type.String(), Type.Null()], { description: 'Queue name, @agent or ISO week' }),
      groupId: Type.Union([Type.String(), Type.Null()]),
      conversations: Type.Integer(),
      firstResponseMinutes: Stat,
      firstResponseBusinessMinutes: Stat,
      resolutionMinutes: Stat,
      resolutionBusinessMinutes: Stat,
      breaches: Type.Integer(),
      csat: Type.Union([Type.Number(), Type.Null()]),
    }),
  ),
  timezone: Type.String({ description: 'The time zone of the brand’s business hours' }),
  measures: Type.Object(
    Object.fromEntries(Object.keys(REPORT_MEASURES).map((k) => [k, Type.String()])) as Record<
      keyof typeof REPORT_MEASURES,
      ReturnType<typeof Type.String>
    >,
    { description: 'What each figure measures' },
  ),
});

/** Response and resolution reports of the inbox. */
export function reportRoutes(reports: ReportService) {
  return async (fastify: FastifyInstance) => {
    const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

    app.get(
      '/orgs/:handle/care/reports',
      {
        schema: {
          tags,
          summary:
            'First-response and resolution times (median, p90; wall-clock and business minutes), SLA breaches and CSAT by queue, agent or week',
          params: HandleParam,
          querystring: Type.Object(
            {
              by: Type.Optional(
                Type.Union([Type.Literal('queue'), Type.Literal('agent'), Type.Literal('week')]),
              ),
              days: Type.Optional(Type.Integer({ minimum: 1, maximum: 366 })),
            },
            { additionalProperties: false },
          ),
          response: { 200: Report },
        },
      },
      async (request) =>
        reports.report(
          requireUser(request),
          request.params.handle,
          request.query.by ?? 'queue',
          request.query.days ?? 28,
        ),
    );
  };
}

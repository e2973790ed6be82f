import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import { requireUser } from '../../../platform/http/auth.ts';
import { HandleParam } from '../../identity/index.ts';
import type { SlaService } from './sla.service.ts';

const tags = ['care'];
const Weekday = Type.Union([
  Type.Literal('mon'),
  Type.Literal('tue'),
  Type.Literal('wed'),
  Type.Literal('thu'),
  Type.Literal('fri'),
  Type.Literal('sat'),
  Type.Literal('sun'),
]);
const Time = (end: boolean) =>
  Type.String({
    pattern: end ? '^(([01][0-9]|2[0-3]):[0-5][0-9]|24:00)$' : '^([01][0-9]|2[0-3]):[0-5][0-9]$',
    description: end ? 'Local time "HH:MM"; "24:00" is midnight at the end of the day' : 'Local time "HH:MM"',
  });
const BusinessHours = Type.Object(
  {
    timezone: Type.String({ minLength: 1, maxLength: 64, description: 'IANA time zone, e.g. Europe/Paris' }),
    periods: Type.Array(
      Type.Object(
        {
          day: Weekday,
          start: Time(false),
          end: Time(true),
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 28, description: 'Open periods; the SLA clocks run only inside them' },
    ),
    holidays: Type.Array(Type.String({ format: 'date' }), {
      maxItems: 366,
      description: 'Local dates on which the clocks do not run',
    }),
  },
  { additionalProperties: false },
);
const Minutes = Type.Integer({ minimum: 1, maximum: 525_600, description: 'Business minutes' });
const Priority = Type.Union([
  Type.Literal('low'),
  Type.Literal('normal'),
  Type.Literal('high'),
  Type.Literal('urgent'),
]);
const Policy = Type.Object(
  {
    queueId: Type.Union([Type.String({ format: 'uuid' }), Type.Null()], {
      description: 'Null: the brand-wide default for queues without their own policy',
    }),
    priority: Priority,
    firstResponseMinutes: Minutes,
    nextResponseMinutes: Minutes,
    resolutionMinutes: Minutes,
  },
  { additionalProperties: false },
);
const Policies = Type.Object(
  {
    queues: Type.Array(Type.Object({ id: Type.String(), name: Type.String() })),
    items: Type.Array(Policy),
  },
  { additionalProperties: false },
);

/** A brand's business hours and SLA policies: agents read them, owners and admins edit them. */
export function slaRoutes(sla: SlaService) {
  return async (fastify: FastifyInstance) => {
    const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

    app.get(
      '/orgs/:handle/care/settings/business-hours',
      {
        schema: {
          tags,
          summary: 'Business hours the SLA clocks run in (round the clock in UTC until set)',
          params: HandleParam,
          response: { 200: BusinessHours },
        },
      },
      async (request) => sla.businessHours(requireUser(request), request.params.handle),
    );
    app.put(
      '/orgs/:handle/care/settings/business-hours',
      {
        schema: {
          tags,
          summary: 'Set business hours (owners, admins); running SLA clocks are recomputed',
          params: HandleParam,
          body: BusinessHours,
          response: { 200: BusinessHours },
        },
      },
      async (request) => sla.setBusinessHours(requireUser(request), request.params.handle, request.body),
    );
    app.get(
      '/orgs/:handle/care/settings/sla-policies',
      {
        schema: {
          tags,
          summary: 'SLA targets per queue and priority, with the brand-wide defaults (queueId null)',
          params: HandleParam,
          response: { 200: Policies },
        },
      },
      async (request) => sla.policies(requireUser(request), request.params.handle),
    );
    app.put(
      '/orgs/:handle/care/settings/sla-policies',
      {
        schema: {
          tags,
          summary:
            'Replace the SLA policy table (owners, admins); a queue and priority without a row uses the brand-wide default, then the built-in one',
          params: HandleParam,
          body: Type.Object(
            { policies: Type.Array(Policy, { maxItems: 400 }) },
            { additionalProperties: false },
          ),
          response: { 200: Policies },
        },
      },
      async (request) => sla.setPolicies(requireUser(request), request.params.handle, request.body.policies),
    );
  };
}

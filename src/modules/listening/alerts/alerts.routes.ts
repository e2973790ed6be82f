import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import { requireUser } from '../../../platform/http/auth.ts';
import { HandleParam } from '../../identity/index.ts';
import { tags } from '../listening.schemas.ts';
import type { AlertsService } from './alerts.service.ts';

const AlertSettings = Type.Object({
  inApp: Type.Boolean(),
  emailTo: Type.Array(Type.String()),
  webhookUrl: Type.Union([Type.String(), Type.Null()]),
  webhookSecret: Type.Union([Type.String(), Type.Null()]),
});
const AlertSettingsBody = Type.Object(
  {
    inApp: Type.Boolean(),
    emailTo: Type.Array(Type.String({ minLength: 1, maxLength: 254 }), { maxItems: 50 }),
    webhookUrl: Type.Union([Type.String({ maxLength: 2000 }), Type.Null()]),
  },
  { additionalProperties: false },
);
const Delivery = Type.Object({
  id: Type.String(),
  spikeId: Type.String(),
  channel: Type.String(),
  status: Type.Union([Type.Literal('pending'), Type.Literal('sent'), Type.Literal('failed')]),
  attempts: Type.Integer(),
  nextAttemptAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  lastError: Type.Union([Type.String(), Type.Null()]),
  sentAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  createdAt: Type.String({ format: 'date-time' }),
});
const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

export function alertsRoutes(alerts: AlertsService) {
  return async (instance: FastifyInstance) => {
    const app = instance.withTypeProvider<TypeBoxTypeProvider>();
    app.get(
      '/orgs/:handle/listening/alerts',
      {
        schema: {
          tags,
          summary: 'Where the brand’s spike alerts go: in the app, mail addresses, a signed webhook',
          params: HandleParam,
          response: { 200: AlertSettings },
        },
      },
      async (request) => alerts.settings(requireUser(request), request.params.handle),
    );
    app.put(
      '/orgs/:handle/listening/alerts',
      {
        schema: {
          tags,
          summary:
            'Choose where spike alerts go; a webhook gets a signing key (header x-souk-signature: t=…,v1=HMAC-SHA256 of "t.body")',
          params: HandleParam,
          body: AlertSettingsBody,
          response: { 200: AlertSettings },
        },
      },
      async (request) => alerts.updateSettings(requireUser(request), request.params.handle, request.body),
    );
    app.get(
      '/orgs/:handle/listening/alerts/deliveries',
      {
        schema: {
          tags,
          summary: 'The latest spike alerts sent or tried, per channel, with their last error and next try',
          params: HandleParam,
          response: { 200: Type.Object({ items: Type.Array(Delivery) }) },
        },
      },
      async (request) => ({
        items: (await alerts.deliveries(requireUser(request), request.params.handle)).map((d) => ({
          id: d.id,
          spikeId: d.spike_id,
          channel: d.channel,
          status: d.status,
          attempts: d.attempts,
          nextAttemptAt: d.status === 'pending' ? iso(d.next_attempt_at) : null,
          lastError: d.last_error,
          sentAt: iso(d.sent_at),
          createdAt: iso(d.created_at)!,
        })),
      }),
    );
  };
}

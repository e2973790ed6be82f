import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { requireUser } from '../../../platform/http/auth.ts';
import { writeLimit } from '../../../platform/http/rate-limit.ts';
import { Channels, KindParam, Preference, Preferences, UnsubscribeBody } from './preferences.schemas.ts';
import type { PreferencesService } from './preferences.service.ts';

const tags = ['notifications'];

export function preferencesRoutes(preferences: PreferencesService) {
  return async (fastify: FastifyInstance) => {
    const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

    app.get(
      '/me/notification-preferences',
      {
        schema: {
          tags,
          summary:
            'Your notification settings: per kind, in the app and by mail (mail only to a confirmed address)',
          response: { 200: Preferences },
        },
      },
      async (request) => preferences.list(requireUser(request).userId),
    );

    app.put(
      '/me/notification-preferences/:kind',
      {
        schema: {
          tags,
          summary: 'Set the channels of one kind of notification; account-security mail cannot be turned off',
          params: KindParam,
          body: Channels,
          response: { 200: Preference },
        },
        config: writeLimit(60),
      },
      async (request) => preferences.set(requireUser(request).userId, request.params.kind, request.body),
    );

    app.post(
      '/notifications/unsubscribe',
      {
        schema: {
          tags,
          summary: 'Stop mail of one kind with the signed token from a notification mail (no sign-in needed)',
          body: UnsubscribeBody,
          response: { 200: Preference },
        },
        config: writeLimit(20),
      },
      async (request) => preferences.unsubscribe(request.body.token),
    );
  };
}

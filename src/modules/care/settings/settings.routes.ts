import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import { requireUser } from '../../../platform/http/auth.ts';
import { HandleParam } from '../../identity/index.ts';
import { tags } from '../care.schemas.ts';
import { type InboxSettings, MAX_PUBLIC_REPLY_LIMIT, MAX_UNSURE_BELOW } from './inbox-settings.service.ts';

const Settings = Type.Object({
  publicReplyLimit: Type.Integer({ description: 'Most characters in a public reply of this brand' }),
  privateReplyLimit: Type.Integer({ description: 'Most characters in a direct message (fixed)' }),
  unsureBelow: Type.Number({
    description:
      'Calibrated confidence below which triage is unsure: the conversation goes to Needs review, not a queue',
  }),
  unsureBelowDefault: Type.Number({ description: "The shipped model's default unsure threshold" }),
});

/** The inbox settings: the brand's public reply limit. */
export function settingsRoutes(settings: InboxSettings) {
  return async (fastify: FastifyInstance) => {
    const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

    app.get(
      '/orgs/:handle/care/settings',
      {
        schema: {
          tags,
          summary: 'Settings of the inbox: reply limits, unsure threshold',
          params: HandleParam,
          response: { 200: Settings },
        },
      },
      async (request) => settings.get(requireUser(request), request.params.handle),
    );

    app.patch(
      '/orgs/:handle/care/settings',
      {
        schema: {
          tags,
          summary: 'Change the inbox settings (owners, admins)',
          params: HandleParam,
          body: Type.Object(
            {
              publicReplyLimit: Type.Optional(
                Type.Integer({
                  minimum: 1,
                  maximum: MAX_PUBLIC_REPLY_LIMIT,
                  description: `Most characters in a public reply, 1–${MAX_PUBLIC_REPLY_LIMIT} (a reply is a post)`,
                }),
              ),
              unsureBelow: Type.Optional(
                Type.Union([Type.Number({ minimum: 0, maximum: MAX_UNSURE_BELOW }), Type.Null()], {
                  description: `Unsure threshold, 0–${MAX_UNSURE_BELOW} (0: never unsure); null: the model's default`,
                }),
              ),
            },
            { additionalProperties: false },
          ),
          response: { 200: Settings },
        },
      },
      async (request) => settings.update(requireUser(request), request.params.handle, request.body),
    );
  };
}

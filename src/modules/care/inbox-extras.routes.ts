import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import { requireUser } from '../../platform/http/auth.ts';
import { HandleParam } from '../identity/index.ts';
import { type InboxSettings, MAX_PUBLIC_REPLY_LIMIT } from './inbox-settings.ts';
import type { MergeService } from './merge.service.ts';

const tags = ['care'];
const Params = Type.Object(
  { handle: Type.String({ maxLength: 31 }), id: Type.String({ format: 'uuid' }) },
  { additionalProperties: false },
);
const Settings = Type.Object({
  publicReplyLimit: Type.Integer({ description: 'Most characters in a public reply of this brand' }),
  privateReplyLimit: Type.Integer({ description: 'Most characters in a direct message (fixed)' }),
});

/** Merging conversations and the inbox settings (the brand's public reply limit). */
export function inboxExtrasRoutes(deps: { merge: MergeService; settings: InboxSettings }) {
  return async (fastify: FastifyInstance) => {
    const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

    app.post(
      '/orgs/:handle/care/conversations/:id/merge',
      {
        schema: {
          tags,
          summary:
            'Merge this conversation into another of the same customer: its messages, notes and tags move there, and it closes pointing at it',
          params: Params,
          body: Type.Object({ targetId: Type.String({ format: 'uuid' }) }, { additionalProperties: false }),
          response: {
            200: Type.Object({
              id: Type.String(),
              mergedIntoId: Type.String(),
              mergedAt: Type.String({ format: 'date-time' }),
              movedMessages: Type.Integer(),
            }),
          },
        },
      },
      async (request) =>
        deps.merge.merge(
          requireUser(request),
          request.params.handle,
          request.params.id,
          request.body.targetId,
        ),
    );

    app.get(
      '/orgs/:handle/care/settings',
      {
        schema: {
          tags,
          summary: 'Settings of the inbox: reply limits',
          params: HandleParam,
          response: { 200: Settings },
        },
      },
      async (request) => deps.settings.get(requireUser(request), request.params.handle),
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
            },
            { additionalProperties: false },
          ),
          response: { 200: Settings },
        },
      },
      async (request) => deps.settings.update(requireUser(request), request.params.handle, request.body),
    );
  };
}

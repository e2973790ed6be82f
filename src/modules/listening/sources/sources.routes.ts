import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import { requireUser } from '../../../platform/http/auth.ts';
import { noContent } from '../../../platform/http/responses.ts';
import { HandleParam } from '../../identity/index.ts';
import { OrgItemParams, tags } from '../listening.schemas.ts';
import { presentSource, Source, SourceBody, SourceChange } from './sources.schemas.ts';
import type { SourcesService } from './sources.service.ts';

/** Sources a brand follows on Mastodon (hashtags, accounts), polled in the background, and their last poll. */
export function sourcesRoutes(sources: SourcesService) {
  return async (instance: FastifyInstance) => {
    const app = instance.withTypeProvider<TypeBoxTypeProvider>();
    app.get(
      '/orgs/:handle/listening/sources',
      {
        schema: {
          tags,
          summary: 'The Mastodon hashtags and accounts the brand follows, each with its last poll and error',
          params: HandleParam,
          response: { 200: Type.Object({ items: Type.Array(Source) }) },
        },
      },
      async (request) => ({
        items: (await sources.list(requireUser(request), request.params.handle)).map(presentSource),
      }),
    );
    app.post(
      '/orgs/:handle/listening/sources',
      {
        schema: {
          tags,
          summary:
            'Follow a Mastodon hashtag or account on an instance: polled through its public API, each status stored once as a mention',
          params: HandleParam,
          body: SourceBody,
          response: { 201: Source },
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(presentSource(await sources.add(requireUser(request), request.params.handle, request.body))),
    );
    app.get(
      '/orgs/:handle/listening/sources/:id',
      {
        schema: {
          tags,
          summary: 'A followed source and its last poll',
          params: OrgItemParams,
          response: { 200: Source },
        },
      },
      async (request) =>
        presentSource(await sources.get(requireUser(request), request.params.handle, request.params.id)),
    );
    app.patch(
      '/orgs/:handle/listening/sources/:id',
      {
        schema: {
          tags,
          summary: 'Pause or resume a source, or change how often it is polled',
          params: OrgItemParams,
          body: SourceChange,
          response: { 200: Source },
        },
      },
      async (request) =>
        presentSource(
          await sources.update(requireUser(request), request.params.handle, request.params.id, request.body),
        ),
    );
    app.post(
      '/orgs/:handle/listening/sources/:id/poll',
      {
        schema: {
          tags,
          summary: 'Poll a source now (a paused one too): the answer carries the outcome, an error included',
          params: OrgItemParams,
          response: { 200: Source },
        },
      },
      async (request) =>
        presentSource(await sources.pollNow(requireUser(request), request.params.handle, request.params.id)),
    );
    app.delete(
      '/orgs/:handle/listening/sources/:id',
      {
        schema: {
          tags,
          summary: 'Stop following a source (the mentions it brought stay)',
          params: OrgItemParams,
          response: noContent,
        },
      },
      async (request, reply) => {
        await sources.remove(requireUser(request), request.params.handle, request.params.id);
        return reply.code(204).send(null);
      },
    );
  };
}

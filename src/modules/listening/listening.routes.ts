import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import { type ColumnMapping, MAPPING_FIELDS } from '../../lib/listening/index.ts';
import { requireUser } from '../../platform/http/auth.ts';
import { noContent } from '../../platform/http/responses.ts';
import { HandleParam } from '../identity/index.ts';
import { listeningError } from './listening.errors.ts';
import {
  ImportQuery,
  ImportReport,
  MentionPage,
  MentionQuery,
  Mention as MentionSchema,
  OrgItemParams,
  Thread,
  TopicBody,
  TopicChange,
  Topic as TopicSchema,
  TopicSummary,
  tags,
  WindowQuery,
} from './listening.schemas.ts';
import type { TopicKind } from './listening.tables.ts';
import type { ImportService } from './mentions/import.service.ts';
import type * as importsRepo from './mentions/mentions.repo.ts';
import type { MentionsService } from './mentions/mentions.service.ts';
import type { SavedWithProgress, TopicsService } from './topics/topics.service.ts';

/** A topic as the API shows it (a rule is never one: the services keep them apart). */
const presentTopic = (t: SavedWithProgress) => ({
  id: t.id,
  name: t.name,
  kind: t.kind as TopicKind,
  query: t.query,
  createdAt: new Date(t.created_at).toISOString(),
  backfill: t.backfill,
});

type ImportRow = NonNullable<Awaited<ReturnType<typeof importsRepo.importById>>>;
export const presentImport = (r: ImportRow) => ({
  id: r.id,
  format: r.format,
  fileName: r.file_name,
  status: r.status,
  imported: r.imported,
  duplicates: r.duplicates,
  ignored: r.ignored,
  errorCount: r.error_count,
  errors: r.errors,
  failure: r.failure,
  startedAt: new Date(r.started_at).toISOString(),
  finishedAt: r.finished_at ? new Date(r.finished_at).toISOString() : null,
});

/** A column mapping from its JSON text, or a 400 naming what is wrong with it. */
function mappingOf(text: string | undefined): ColumnMapping | undefined {
  if (text === undefined) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw listeningError('missing_mapping', 'The mapping is not JSON', [
      { field: 'mapping', message: 'is not JSON' },
    ]);
  }
  if (!value || typeof value !== 'object' || Array.isArray(value))
    throw listeningError('missing_mapping', 'The mapping is not an object', [
      { field: 'mapping', message: 'is not an object' },
    ]);
  const entries = Object.entries(value as Record<string, unknown>);
  for (const [key, column] of entries) {
    if (!(MAPPING_FIELDS as readonly string[]).includes(key))
      throw listeningError('missing_mapping', `Unknown mapping field "${key}"`, [
        { field: 'mapping', message: `${key} is not one of ${MAPPING_FIELDS.join(', ')}` },
      ]);
    if (typeof column !== 'string' || column === '' || column.length > 200)
      throw listeningError('missing_mapping', `The column of ${key} must be a name`, [
        { field: 'mapping', message: `${key} must name a column` },
      ]);
  }
  const mapping = Object.fromEntries(entries) as ColumnMapping;
  if (!mapping.id || !mapping.text || !mapping.createdAt)
    throw listeningError('missing_mapping', 'The mapping must name id, text and createdAt', [
      { field: 'mapping', message: 'needs id, text and createdAt' },
    ]);
  return mapping;
}

/** Listening's HTTP API: imports, mentions and their threads, topics and their pages. */
export function listeningRoutes(deps: {
  topics: TopicsService;
  mentions: MentionsService;
  imports: ImportService;
}) {
  const { topics, mentions, imports } = deps;
  return async (fastify: FastifyInstance) => {
    const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

    // The upload has its own scope: its body is any file, streamed, never read whole.
    await app.register(async (scope) => {
      scope.removeAllContentTypeParsers();
      scope.addContentTypeParser('*', (_request, payload, done) => done(null, payload));
      scope.withTypeProvider<TypeBoxTypeProvider>().post(
        '/orgs/:handle/listening/imports',
        {
          bodyLimit: Number.MAX_SAFE_INTEGER,
          schema: {
            tags,
            summary:
              'Import a file of mentions (the raw file as the body, streamed): bad lines are reported by number and skipped; a re-run stores nothing twice',
            params: HandleParam,
            querystring: ImportQuery,
            response: { 201: ImportReport },
          },
        },
        async (request, reply) => {
          const principal = requireUser(request);
          const org = await topics.orgFor(principal, request.params.handle);
          const q = request.query;
          const body = request.body as unknown;
          const source =
            body && typeof (body as AsyncIterable<Uint8Array>)[Symbol.asyncIterator] === 'function'
              ? (body as AsyncIterable<Uint8Array>)
              : (async function* () {})();
          const report = await imports.run(org.id, principal.userId, source, {
            format: q.format,
            mapping: mappingOf(q.mapping),
            author: q.author,
            fileName: q.fileName ?? null,
          });
          return reply.code(201).send(presentImport(report));
        },
      );
    });

    app.get(
      '/orgs/:handle/listening/imports/:id',
      {
        schema: {
          tags,
          summary: 'An import and its per-line report',
          params: OrgItemParams,
          response: { 200: ImportReport },
        },
      },
      async (request) => {
        const org = await topics.orgFor(requireUser(request), request.params.handle);
        return presentImport(await imports.get(org.id, request.params.id));
      },
    );
    app.get(
      '/orgs/:handle/listening/imports',
      {
        schema: {
          tags,
          summary: 'The brand’s latest imports',
          params: HandleParam,
          response: { 200: Type.Object({ items: Type.Array(ImportReport) }) },
        },
      },
      async (request) => {
        const org = await topics.orgFor(requireUser(request), request.params.handle);
        return { items: (await imports.list(org.id)).map(presentImport) };
      },
    );

    app.get(
      '/orgs/:handle/listening/mentions',
      {
        schema: {
          tags,
          summary: 'Mentions, newest first: of a topic, a query (q), and the chart filters (drill-down)',
          params: HandleParam,
          querystring: MentionQuery,
          response: { 200: MentionPage },
        },
      },
      async (request) => mentions.list(requireUser(request), request.params.handle, request.query),
    );
    app.get(
      '/orgs/:handle/listening/mentions/:id',
      { schema: { tags, summary: 'One mention', params: OrgItemParams, response: { 200: MentionSchema } } },
      async (request) => mentions.get(requireUser(request), request.params.handle, request.params.id),
    );
    app.post(
      '/orgs/:handle/listening/mentions/:id/care',
      {
        schema: {
          tags,
          summary:
            'Handle a Souk mention in care: the conversation holding its post (the same one every time; reopened when filed as a mention)',
          params: OrgItemParams,
          response: { 200: Type.Object({ conversationId: Type.String(), mention: MentionSchema }) },
        },
      },
      async (request) => mentions.openInCare(requireUser(request), request.params.handle, request.params.id),
    );
    app.get(
      '/orgs/:handle/listening/mentions/:id/thread',
      {
        schema: {
          tags,
          summary: 'The thread of a mention, rebuilt from reply links',
          params: OrgItemParams,
          response: { 200: Thread },
        },
      },
      async (request) => mentions.thread(requireUser(request), request.params.handle, request.params.id),
    );

    app.get(
      '/orgs/:handle/listening/topics',
      {
        schema: {
          tags,
          summary: 'The brand’s topics',
          params: HandleParam,
          response: { 200: Type.Object({ items: Type.Array(TopicSchema) }) },
        },
      },
      async (request) => ({
        items: (await topics.list(requireUser(request), request.params.handle)).map(presentTopic),
      }),
    );
    app.post(
      '/orgs/:handle/listening/topics',
      {
        schema: {
          tags,
          summary: 'Add a topic (400 invalid_query names the position in the query)',
          params: HandleParam,
          body: TopicBody,
          response: { 201: TopicSchema },
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(presentTopic(await topics.create(requireUser(request), request.params.handle, request.body))),
    );
    app.patch(
      '/orgs/:handle/listening/topics/:id',
      {
        schema: {
          tags,
          summary: 'Change a topic',
          params: OrgItemParams,
          body: TopicChange,
          response: { 200: TopicSchema },
        },
      },
      async (request) =>
        presentTopic(
          await topics.update(requireUser(request), request.params.handle, request.params.id, request.body),
        ),
    );
    app.delete(
      '/orgs/:handle/listening/topics/:id',
      {
        schema: {
          tags,
          summary: 'Remove a topic (its mentions stay)',
          params: OrgItemParams,
          response: noContent,
        },
      },
      async (request, reply) => {
        await topics.remove(requireUser(request), request.params.handle, request.params.id);
        return reply.code(204).send(null);
      },
    );
    app.get(
      '/orgs/:handle/listening/topics/:id/summary',
      {
        schema: {
          tags,
          summary:
            'A topic’s page: volume and sentiment over time, share of voice, intents, authors, terms, hashtags, languages',
          params: OrgItemParams,
          querystring: WindowQuery,
          response: { 200: TopicSummary },
        },
      },
      async (request) => {
        const s = await topics.summary(
          requireUser(request),
          request.params.handle,
          request.params.id,
          request.query,
        );
        return { ...s, topic: presentTopic(s.topic) };
      },
    );
  };
}

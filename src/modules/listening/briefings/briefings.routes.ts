import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import { requireUser } from '../../../platform/http/auth.ts';
import { mediaResponse } from '../../../platform/http/responses.ts';
import { HandleParam } from '../../identity/index.ts';
import { OrgItemParams, tags } from '../listening.schemas.ts';
import { Briefing, BriefingBody, BriefingList } from './briefings.schemas.ts';
import type { BriefingsService } from './briefings.service.ts';

type Row = Awaited<ReturnType<BriefingsService['list']>>[number];
type Book = Awaited<ReturnType<BriefingsService['get']>>;
const iso = (d: Date) => new Date(d).toISOString();
const presentItem = (r: Row) => ({
  id: r.id,
  cadence: r.cadence,
  from: iso(r.period_start),
  to: iso(r.period_end),
  mentions: r.mentions,
  createdAt: iso(r.created_at),
});
const presentBook = (handle: string, b: Book) => ({
  ...presentItem({ ...b, mentions: b.figures.volume.mentions }),
  figures: b.figures,
  pdfUrl: `/api/v1/orgs/${handle}/listening/briefings/${b.id}/pdf`,
});

/** Briefing books: listed, written on demand, read as JSON (the web page) or as a PDF with charts. */
export function briefingsRoutes(briefings: BriefingsService) {
  return async (instance: FastifyInstance) => {
    const app = instance.withTypeProvider<TypeBoxTypeProvider>();
    app.get(
      '/orgs/:handle/listening/briefings',
      {
        schema: {
          tags,
          summary: 'The brand’s briefing books, newest period first (weekly ones are written every Monday)',
          params: HandleParam,
          response: { 200: BriefingList },
        },
      },
      async (request) => ({
        items: (await briefings.list(requireUser(request), request.params.handle)).map(presentItem),
      }),
    );
    app.post(
      '/orgs/:handle/listening/briefings',
      {
        schema: {
          tags,
          summary: 'Write a briefing book now for a period (at most a year; the last full week by default)',
          params: HandleParam,
          body: Type.Optional(BriefingBody),
          response: { 201: Briefing },
        },
      },
      async (request, reply) => {
        const book = await briefings.create(requireUser(request), request.params.handle, request.body ?? {});
        return reply.code(201).send(presentBook(request.params.handle, book));
      },
    );
    app.get(
      '/orgs/:handle/listening/briefings/:id',
      {
        schema: {
          tags,
          summary:
            'A briefing book with its figures as they were when it was written (any member of the brand)',
          params: OrgItemParams,
          response: { 200: Briefing },
        },
      },
      async (request) =>
        presentBook(
          request.params.handle,
          await briefings.get(requireUser(request), request.params.handle, request.params.id),
        ),
    );
    app.get(
      '/orgs/:handle/listening/briefings/:id/pdf',
      {
        schema: {
          tags,
          summary: 'A briefing book as a PDF with its charts',
          params: OrgItemParams,
          response: {
            200: mediaResponse(
              'application/pdf',
              'The briefing book as a PDF',
              Type.String({ format: 'binary' }),
            ),
          },
        },
      },
      async (request, reply) => {
        const { book, pdf } = await briefings.pdf(
          requireUser(request),
          request.params.handle,
          request.params.id,
        );
        const name = `briefing-${request.params.handle}-${iso(book.period_start).slice(0, 10)}.pdf`;
        return reply
          .type('application/pdf')
          .header('content-disposition', `attachment; filename="${name}"`)
          .send(pdf);
      },
    );
  };
}

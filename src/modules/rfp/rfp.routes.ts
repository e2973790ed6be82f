import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import { requireUser } from '../../platform/http/auth.ts';
import { pageOf } from '../../platform/http/pagination.ts';
import { writeLimit } from '../../platform/http/rate-limit.ts';
import { IdempotencyHeaders } from '../commerce/index.ts';
import type { DmService } from './dm.service.ts';
import type { PitchesService } from './pitches.service.ts';
import type { RequestsService } from './requests.service.ts';
import {
  AwardBody,
  AwardResult,
  DeclineBody,
  DmAnswerBody,
  DmInviteBody,
  DmResult,
  EditPitchBody,
  IdParam,
  NewPitchBody,
  NewRequestBody,
  OrgParam,
  QueueItem,
  QueueQuery,
  Report,
  RequestPage,
  ShortlistBody,
} from './rfp.schemas.ts';

const tags = ['rfp'];
const RequestRef = Type.Ref('RfpRequest');
const PitchRef = Type.Ref('Pitch');

/** Requests for proposals: ask brands in public, pitch, shortlist, decline, award; the Sales queue and report. */
export function rfpRoutes({
  requests,
  pitches,
  dm,
}: {
  requests: RequestsService;
  pitches: PitchesService;
  dm: DmService;
}) {
  return async (fastify: FastifyInstance) => {
    const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

    app.post(
      '/rfps',
      {
        config: writeLimit(10),
        schema: {
          tags,
          summary: 'Ask brands in public for proposals (posted as a post of kind rfp)',
          body: NewRequestBody,
          response: { 201: RequestRef },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await requests.create(requireUser(request), request.body)),
    );

    app.get(
      '/rfps/mine',
      {
        schema: {
          tags,
          summary: 'Your requests, newest first',
          response: { 200: Type.Object({ items: Type.Array(RequestRef) }) },
        },
      },
      async (request) => requests.mine(requireUser(request)),
    );

    app.get(
      '/rfps/:id',
      {
        schema: {
          tags,
          summary: 'A request with every pitch side by side (public)',
          params: IdParam,
          response: { 200: RequestPage },
        },
      },
      async (request) => requests.page(request.params.id, request.principal),
    );

    app.post(
      '/rfps/:id/withdraw',
      { schema: { tags, summary: 'Withdraw your request', params: IdParam, response: { 200: RequestRef } } },
      async (request) => requests.withdraw(requireUser(request), request.params.id),
    );

    app.post(
      '/rfps/:id/dm-invitations',
      {
        config: writeLimit(30),
        schema: {
          tags,
          summary: 'Invite the requester to continue by direct message (care’s move-to-private consent)',
          params: IdParam,
          body: DmInviteBody,
          response: { 201: DmResult },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await dm.invite(requireUser(request), request.params.id, request.body)),
    );

    app.post(
      '/rfps/:id/dm-answer',
      {
        schema: {
          tags,
          summary: 'Accept or decline a brand’s invitation to continue your request by direct message',
          params: IdParam,
          body: DmAnswerBody,
          response: { 200: DmResult },
        },
      },
      async (request) => dm.answer(requireUser(request), request.params.id, request.body),
    );

    app.post(
      '/rfps/:id/pitches',
      {
        config: writeLimit(30),
        schema: {
          tags,
          summary: 'Pitch for a brand that the request asked: a quote from its catalog, terms and a message',
          params: IdParam,
          body: NewPitchBody,
          response: { 201: PitchRef },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await pitches.pitch(requireUser(request), request.params.id, request.body)),
    );

    app.patch(
      '/pitches/:id',
      {
        schema: {
          tags,
          summary: 'Edit your brand’s active pitch',
          params: IdParam,
          body: EditPitchBody,
          response: { 200: PitchRef },
        },
      },
      async (request) => pitches.edit(requireUser(request), request.params.id, request.body),
    );

    app.post(
      '/pitches/:id/withdraw',
      {
        schema: {
          tags,
          summary: 'Withdraw your brand’s pitch',
          params: IdParam,
          response: { 200: PitchRef },
        },
      },
      async (request) => pitches.withdraw(requireUser(request), request.params.id),
    );

    app.post(
      '/pitches/:id/shortlist',
      {
        schema: {
          tags,
          summary: 'Shortlist a pitch on your request (or take it off)',
          params: IdParam,
          body: ShortlistBody,
          response: { 200: PitchRef },
        },
      },
      async (request) => pitches.shortlist(requireUser(request), request.params.id, request.body.shortlisted),
    );

    app.post(
      '/pitches/:id/decline',
      {
        schema: {
          tags,
          summary: 'Decline a pitch on your request, with a reason',
          params: IdParam,
          body: DeclineBody,
          response: { 200: PitchRef },
        },
      },
      async (request) => pitches.decline(requireUser(request), request.params.id, request.body.reason),
    );

    app.post(
      '/pitches/:id/award',
      {
        config: writeLimit(30),
        schema: {
          tags,
          summary: 'Award a pitch: its quote becomes your order at the quoted prices',
          description:
            'Requires an Idempotency-Key header: a retry with the same key returns the first order (200). Exactly one award per request; the other brands are told.',
          params: IdParam,
          headers: IdempotencyHeaders,
          body: AwardBody,
          response: { 200: AwardResult, 201: AwardResult },
        },
      },
      async (request, reply) => {
        const { replayed, ...result } = await pitches.award(
          requireUser(request),
          request.params.id,
          request.body,
          request.headers['idempotency-key'],
        );
        return reply.code(replayed ? 200 : 201).send(result);
      },
    );

    app.get(
      '/orgs/:handle/rfp-queue',
      {
        schema: {
          tags,
          summary: 'The brand’s Sales queue: requests addressed to it, newest first',
          params: OrgParam,
          querystring: QueueQuery,
          response: { 200: pageOf(QueueItem) },
        },
      },
      async (request) => requests.queue(requireUser(request), request.params.handle, request.query),
    );

    app.get(
      '/orgs/:handle/rfp-report',
      { schema: { tags, summary: 'The brand’s RFP report', params: OrgParam, response: { 200: Report } } },
      async (request) => requests.report(requireUser(request), request.params.handle),
    );
  };
}

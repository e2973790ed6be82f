import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import { requireUser } from '../../platform/http/auth.ts';
import { HandleParam } from '../identity/index.ts';
import {
  AdvocateQuery,
  AdvocatesPage,
  OrgSegmentParams,
  Run,
  Segment,
  SegmentBody,
  tags,
} from './advocates.schemas.ts';
import type { AdvocatesService } from './advocates.service.ts';

const RunParams = OrgSegmentParams;

/** The Advocates page's API: ranked advocates, influence runs (queued for the background job), segments. */
export function advocatesRoutes(service: AdvocatesService) {
  return async (fastify: FastifyInstance) => {
    const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

    app.get(
      '/orgs/:handle/advocates',
      {
        schema: {
          tags,
          summary: 'Followers and customers ranked by reach × value × referral conversion, each factor shown',
          params: HandleParam,
          querystring: AdvocateQuery,
          response: { 200: AdvocatesPage },
        },
      },
      async (request) => service.list(requireUser(request), request.params.handle, request.query),
    );

    app.post(
      '/orgs/:handle/advocates/runs',
      {
        schema: {
          tags,
          summary: 'Queue a recomputation of influence (the background job runs it; never on this request)',
          params: HandleParam,
          response: { 200: Run, 202: Run },
        },
      },
      async (request, reply) => {
        const { run, created } = await service.requestRun(requireUser(request), request.params.handle);
        return reply.code(created ? 202 : 200).send(run);
      },
    );

    app.get(
      '/orgs/:handle/advocates/runs',
      {
        schema: {
          tags,
          summary: 'The latest influence runs of this brand, newest first',
          params: HandleParam,
          response: { 200: Type.Object({ items: Type.Array(Run) }) },
        },
      },
      async (request) => service.runs(requireUser(request), request.params.handle),
    );

    app.get(
      '/orgs/:handle/advocates/runs/:id',
      {
        schema: { tags, summary: 'One influence run', params: RunParams, response: { 200: Run } },
      },
      async (request) => service.run(requireUser(request), request.params.handle, request.params.id),
    );

    app.get(
      '/orgs/:handle/advocates/segments',
      {
        schema: {
          tags,
          summary: 'Saved advocate segments',
          params: HandleParam,
          response: { 200: Type.Object({ items: Type.Array(Segment) }) },
        },
      },
      async (request) => service.segments(requireUser(request), request.params.handle),
    );

    app.post(
      '/orgs/:handle/advocates/segments',
      {
        schema: {
          tags,
          summary: 'Save a segment of advocates (by community, minimum score, top N)',
          params: HandleParam,
          body: SegmentBody,
          response: { 201: Segment },
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(await service.createSegment(requireUser(request), request.params.handle, request.body)),
    );

    app.delete(
      '/orgs/:handle/advocates/segments/:id',
      {
        schema: {
          tags,
          summary: 'Delete a segment',
          params: OrgSegmentParams,
          response: { 204: Type.Null() },
        },
      },
      async (request, reply) => {
        await service.deleteSegment(requireUser(request), request.params.handle, request.params.id);
        return reply.code(204).send(null);
      },
    );
  };
}

import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { create as contentDisposition } from 'content-disposition';
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import { requireUser } from '../../platform/http/auth.ts';
import { pageOf } from '../../platform/http/pagination.ts';
import { mediaResponse, noContent } from '../../platform/http/responses.ts';
import { HandleParam, IdParam } from '../identity/index.ts';
import { ProductBody } from './commerce.schemas.ts';
import type { CommerceModule } from './index.ts';

const tags = ['catalog'];
const ProductRef = Type.Ref('Product');

export function catalogRoutes({ catalog }: CommerceModule) {
  return async (fastify: FastifyInstance) => {
    const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
    // CSV uploads are plain text, and larger than JSON bodies.
    app.addContentTypeParser(
      'text/csv',
      { parseAs: 'string', bodyLimit: 5 * 1024 * 1024 },
      (_req, body, done) => done(null, body),
    );

    app.get(
      '/orgs/:handle/products',
      {
        schema: {
          tags,
          summary: "A brand's catalog (staff also see archived products)",
          params: HandleParam,
          response: { 200: Type.Object({ items: Type.Array(ProductRef) }) },
        },
      },
      async (request) => ({
        items: await catalog.list(request.params.handle, request.principal),
      }),
    );

    app.post(
      '/orgs/:handle/products',
      {
        schema: {
          tags,
          summary: 'Add a product (owner, admin, marketer)',
          params: HandleParam,
          body: ProductBody,
          response: { 201: ProductRef },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await catalog.create(requireUser(request), request.params.handle, request.body)),
    );

    app.get(
      '/search/products',
      {
        schema: {
          tags,
          summary: 'Full-text search over products on sale, best match first',
          querystring: Type.Object(
            {
              q: Type.String({ minLength: 1, maxLength: 200 }),
              cursor: Type.Optional(Type.String({ maxLength: 200 })),
              limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50 })),
            },
            { additionalProperties: false },
          ),
          response: { 200: pageOf(ProductRef) },
        },
      },
      async (request) => catalog.search(request.query.q, request.principal, request.query),
    );

    app.get(
      '/products/:id',
      { schema: { tags, summary: 'One product', params: IdParam, response: { 200: ProductRef } } },
      async (request) => catalog.get(request.params.id, request.principal),
    );

    app.put(
      '/products/:id',
      {
        schema: {
          tags,
          summary: 'Replace a product, its price and its variants',
          params: IdParam,
          body: ProductBody,
          response: { 200: ProductRef },
        },
      },
      async (request) => catalog.update(requireUser(request), request.params.id, request.body),
    );

    app.delete(
      '/products/:id',
      {
        schema: { tags, summary: 'Archive a product (orders keep it)', params: IdParam, response: noContent },
      },
      async (request, reply) => {
        await catalog.archive(requireUser(request), request.params.id);
        return reply.code(204).send(null);
      },
    );

    app.get(
      '/orgs/:handle/products.csv',
      {
        schema: {
          tags,
          summary: 'Export the catalog as CSV',
          params: HandleParam,
          response: {
            200: mediaResponse(
              'text/csv',
              'The catalog in the import format: one row per variant, with a header',
            ),
          },
        },
      },
      async (request, reply) => {
        const csv = await catalog.exportCsv(requireUser(request), request.params.handle);
        // Built once the brand is found, and encoded by the library: the raw param never reaches a header.
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', contentDisposition(`${request.params.handle}-products.csv`))
          .send(csv);
      },
    );

    app.post(
      '/orgs/:handle/products/import',
      {
        schema: {
          tags,
          summary:
            'Import products from CSV (text/csv): all rows or none; problems are listed by line and field',
          params: HandleParam,
          body: Type.String({ maxLength: 5 * 1024 * 1024 }),
          response: { 200: Type.Object({ created: Type.Integer(), updated: Type.Integer() }) },
        },
      },
      async (request) => catalog.importCsv(requireUser(request), request.params.handle, request.body),
    );
  };
}

import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import { requireUser } from '../../platform/http/auth.ts';
import { writeLimit } from '../../platform/http/rate-limit.ts';
import { IdempotencyHeaders } from '../commerce/index.ts';
import type { QuotesService } from './quotes.service.ts';
import {
  AcceptQuoteResult,
  AwardBody,
  IdParam,
  MarginRule,
  MarginRuleBody,
  NewQuoteBody,
  OrgParam,
  ProductParam,
  VrmQueue,
} from './rfp.schemas.ts';

const tags = ['rfp'];
const QuoteRef = Type.Ref('Quote');

/** VRM quotes: the queue of product-at-a-price requests, margin rules, quotes and their acceptance. */
export function quoteRoutes(quotes: QuotesService) {
  return async (fastify: FastifyInstance) => {
    const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

    app.get(
      '/orgs/:handle/vrm-queue',
      {
        schema: {
          tags,
          summary:
            'Product-at-a-price requests with the product and price each names, matched to the catalog',
          params: OrgParam,
          response: { 200: VrmQueue },
        },
      },
      async (request) => quotes.vrmQueue(requireUser(request), request.params.handle),
    );

    app.get(
      '/orgs/:handle/margin-rules',
      {
        schema: {
          tags,
          summary: 'The brand’s products with their margin rules and the floor no quote goes under',
          params: OrgParam,
          response: { 200: Type.Object({ items: Type.Array(MarginRule) }) },
        },
      },
      async (request) => quotes.rules(requireUser(request), request.params.handle),
    );

    app.put(
      '/orgs/:handle/margin-rules/:productId',
      {
        schema: {
          tags,
          summary: 'Set a product’s margin rule: a minimum margin over cost and/or a minimum price',
          params: ProductParam,
          body: MarginRuleBody,
          response: { 200: MarginRule },
        },
      },
      async (request) =>
        quotes.setRule(requireUser(request), request.params.handle, request.params.productId, request.body),
    );

    app.post(
      '/orgs/:handle/quotes',
      {
        config: writeLimit(60),
        schema: {
          tags,
          summary: 'Quote a customer a price from the catalog and the margin rules, in public or by DM',
          params: OrgParam,
          body: NewQuoteBody,
          response: { 201: QuoteRef },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await quotes.create(requireUser(request), request.params.handle, request.body)),
    );

    app.get(
      '/quotes/mine',
      {
        schema: {
          tags,
          summary: 'Quotes brands made you, newest first',
          response: { 200: Type.Object({ items: Type.Array(QuoteRef) }) },
        },
      },
      async (request) => quotes.mine(requireUser(request)),
    );

    app.get(
      '/quotes/:id',
      {
        schema: {
          tags,
          summary: 'A quote, for its customer and the brand (the cart link opens it)',
          params: IdParam,
          response: { 200: QuoteRef },
        },
      },
      async (request) => quotes.get(requireUser(request), request.params.id),
    );

    app.post(
      '/quotes/:id/accept',
      {
        config: writeLimit(30),
        schema: {
          tags,
          summary: 'Accept a quote: its cart becomes your order at the quoted prices',
          description:
            'Requires an Idempotency-Key header: a retry with the same key returns the first order (200). One order per quote; an expired quote is 422 quote_expired.',
          params: IdParam,
          headers: IdempotencyHeaders,
          body: AwardBody,
          response: { 200: AcceptQuoteResult, 201: AcceptQuoteResult },
        },
      },
      async (request, reply) => {
        const { replayed, ...result } = await quotes.accept(
          requireUser(request),
          request.params.id,
          request.body,
          request.headers['idempotency-key'],
        );
        return reply.code(replayed ? 200 : 201).send(result);
      },
    );

    app.post(
      '/quotes/:id/decline',
      {
        schema: { tags, summary: 'Decline a quote', params: IdParam, response: { 200: QuoteRef } },
      },
      async (request) => quotes.decline(requireUser(request), request.params.id),
    );
  };
}

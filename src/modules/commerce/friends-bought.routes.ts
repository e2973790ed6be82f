import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import { requireUser } from '../../platform/http/auth.ts';
import { IdParam } from '../identity/index.ts';
import { FriendsBought } from './commerce.schemas.ts';
import type { FriendsBoughtService } from './friends-bought.service.ts';

const tags = ['commerce'];
const Sharing = Type.Object({
  sharePurchases: Type.Boolean({
    description: 'People who follow me may see that I bought a product or deal (off until I choose)',
  }),
  asked: Type.Boolean({ description: 'I answered once; the checkout asks until then' }),
});
const SharingBody = Type.Object({ sharePurchases: Type.Boolean() }, { additionalProperties: false });

/** The buyer's purchase-sharing choice and "people you follow bought this" on a product page. */
export function friendsBoughtRoutes(service: FriendsBoughtService) {
  return async (fastify: FastifyInstance) => {
    const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
    app.get(
      '/me/purchase-sharing',
      {
        schema: {
          tags,
          summary: 'Whether people who follow me may see what I bought',
          response: { 200: Sharing },
        },
      },
      async (request) => service.setting(requireUser(request)),
    );
    app.put(
      '/me/purchase-sharing',
      {
        schema: {
          tags,
          summary: 'Share my purchases with the people who follow me, or stop',
          body: SharingBody,
          response: { 200: Sharing },
        },
      },
      async (request) => service.decide(requireUser(request), request.body.sharePurchases),
    );
    app.get(
      '/products/:id/friends-bought',
      {
        schema: {
          tags,
          summary: 'People I follow who bought this product and share their purchases',
          params: IdParam,
          response: { 200: FriendsBought },
        },
      },
      async (request) => service.forProduct(request.params.id, requireUser(request)),
    );
  };
}

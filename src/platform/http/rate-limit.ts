import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import { httpError } from './http.errors.ts';

/**
 * Per-route write limits, keyed by the signed-in user or else the client address, answered with 429 and
 * Retry-After. The window is in-process memory: with several server processes each enforces its own share.
 */
export async function registerRateLimits(app: FastifyInstance, enabled: boolean): Promise<void> {
  await app.register(rateLimit, {
    global: false,
    hook: 'preHandler',
    keyGenerator: (request) => request.principal?.userId ?? request.ip,
    errorResponseBuilder: (_request, context) =>
      httpError('rate_limited', `Too many requests; retry in ${Math.ceil(context.ttl / 1000)} s`),
    enableDraftSpec: false,
    ...(enabled ? {} : { allowList: () => true }),
  });
}

/** Route config for a write limited to `maxPerMinute` per caller. */
export const writeLimit = (maxPerMinute: number) => ({
  rateLimit: { max: maxPerMinute, timeWindow: 60_000 },
});

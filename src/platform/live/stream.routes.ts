import type { FastifyInstance } from 'fastify';
import { actorIds, type PrincipalResolver, requireUser } from '../http/auth.ts';
import { mediaResponse } from '../http/responses.ts';
import type { LiveHub } from './live-hub.ts';

const HEARTBEAT_MS = 25_000;

/**
 * GET /stream: Server-Sent Events for the signed-in user, carrying every live message published to their
 * own account or to an org they belong to, and nothing else. The stream ends when its session or token does
 * (the hub is told at once on this process and re-checks every stream as a backstop for other processes).
 */
export function streamRoutes(live: LiveHub, resolve: PrincipalResolver) {
  return async (app: FastifyInstance) => {
    app.get(
      '/stream',
      {
        schema: {
          tags: ['live'],
          summary: 'Live updates (text/event-stream)',
          description:
            "Server-Sent Events: first `ready` (data `{ accountIds }`: the accounts whose messages this stream carries), then `notification` (a Notification), `unread` (`{ accountId, unread }`) and the care inbox's events as they happen, with a comment line every 25 s to keep the connection open.",
          response: {
            200: mediaResponse(
              'text/event-stream',
              'An open stream of events: `event: <name>` and `data: <JSON>` lines, a blank line after each',
            ),
          },
        },
      },
      (request, reply) => {
        const principal = requireUser(request);
        const credential = request.credential!;
        reply.hijack();
        const res = reply.raw;
        res.writeHead(200, {
          'content-type': 'text/event-stream; charset=utf-8',
          'cache-control': 'no-cache, no-transform',
          connection: 'keep-alive',
          'x-accel-buffering': 'no',
        });
        const write = (event: string, data: unknown) =>
          res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
        write('ready', { accountIds: actorIds(principal) });
        const close = live.open({
          userId: principal.userId,
          credential,
          accountIds: actorIds(principal),
          send: (message) => write(message.event, message.data),
          end: () => res.end(),
          recheck: async () => {
            const now = await resolve(credential.via, credential.tokenHash);
            return now ? actorIds(now) : null;
          },
        });
        const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), HEARTBEAT_MS);
        const cleanup = () => {
          clearInterval(heartbeat);
          close();
        };
        request.raw.on('close', cleanup);
        res.on('finish', cleanup);
      },
    );
  };
}

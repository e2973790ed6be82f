import { type FastifyReply, type FastifyRequest, type FastifyServerOptions, LogController } from 'fastify';
import pretty from 'pino-pretty';
import type { Config } from '../config.ts';

/**
 * Request lines at debug instead of info, so a person watching a terminal sees start-up, warnings and errors,
 * not a line per request (`LOG_LEVEL=debug` shows them again). Failed requests still log at error.
 */
export class QuietRequestLog extends LogController {
  override incomingRequest(request: FastifyRequest) {
    if (!this.isLogDisabled(request)) request.log.debug({ req: request }, 'incoming request');
  }

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply) {
    if (this.isLogDisabled(request)) return;
    if (error)
      reply.log.error({ res: reply, err: error, responseTime: reply.elapsedTime }, 'request errored');
    else
      reply.log.debug(
        { responseTime: Math.round(reply.elapsedTime) },
        `${request.method} ${request.url} ${reply.statusCode}`,
      );
  }
}

export type LoggerSetup = {
  logger: FastifyServerOptions['logger'];
  /** Unset for JSON: every request logs at info, as log collectors expect. */
  logController?: LogController;
};

/**
 * The server's logger for a format: `json` writes one object per line (to `destination`, else stdout); `pretty`
 * writes readable lines without pid and hostname, in color on a terminal, with requests at debug.
 */
export function serverLogger(
  config: Pick<Config, 'logLevel' | 'logFormat'>,
  destination?: NodeJS.WritableStream,
): LoggerSetup {
  if (config.logFormat === 'json')
    return { logger: { level: config.logLevel, ...(destination ? { stream: destination } : {}) } };
  const stream = pretty({
    destination: destination ?? 1,
    colorize: destination === undefined && process.stdout.isTTY === true,
    translateTime: 'SYS:HH:MM:ss',
    ignore: 'pid,hostname',
    singleLine: true,
    sync: true,
  });
  return { logger: { level: config.logLevel, stream }, logController: new QuietRequestLog() };
}

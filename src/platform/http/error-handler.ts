import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import Type from 'typebox';
import { AppError, type errorCatalogue, type FieldError } from '../errors.ts';
import { clientFaultOf } from './database-errors.ts';
import { httpError } from './http.errors.ts';

/**
 * The application/problem+json body, `$id: 'Problem'`. `code` is an enum of every declared error code (pass
 * `errorCatalogue()` once every module is loaded); `x-error-codes` gives each code's status and meaning.
 */
export function problemSchema(codes: ReturnType<typeof errorCatalogue>) {
  return Type.Object(
    {
      type: Type.String(),
      title: Type.String(),
      status: Type.Integer(),
      detail: Type.String(),
      code: Type.Enum(
        codes.map((c) => c.code),
        {
          type: 'string',
          description: `Stable machine-readable error code:\n${codes.map((c) => `- \`${c.code}\` (${c.status}): ${c.description}`).join('\n')}`,
          'x-error-codes': codes.map(({ code, status, description }) => ({ code, status, description })),
        },
      ),
      errors: Type.Optional(
        Type.Array(
          Type.Object({ field: Type.String(), message: Type.String(), line: Type.Optional(Type.Integer()) }),
        ),
      ),
      requestId: Type.Optional(Type.String()),
    },
    { $id: 'Problem', additionalProperties: true },
  );
}

const titles: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  402: 'Payment Required',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  410: 'Gone',
  413: 'Payload Too Large',
  414: 'URI Too Long',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
};

export function sendProblem(
  reply: FastifyReply,
  status: number,
  code: string,
  detail: string,
  errors?: FieldError[],
  headers: Record<string, string> = {},
  details: Record<string, unknown> = {},
) {
  return reply
    .code(status)
    .headers(headers)
    .type('application/problem+json')
    .send({
      type: `https://souk.dev/problems/${code}`,
      title: titles[status] ?? 'Error',
      status,
      detail,
      code,
      ...(errors?.length ? { errors } : {}),
      ...details,
      requestId: reply.request.id,
    });
}

type AjvError = { instancePath: string; message?: string; keyword: string; params: Record<string, unknown> };

/** `/text` → `text`, `/links/0/url` → `links[0].url`; a missing or unknown property names itself. */
function fieldOf(error: AjvError, part: string): string {
  const path = error.instancePath
    .split('/')
    .filter(Boolean)
    .map((seg) => (/^\d+$/.test(seg) ? `[${seg}]` : `.${seg}`))
    .join('')
    .replace(/^\./, '');
  const extra = (error.params.missingProperty ?? error.params.additionalProperty) as string | undefined;
  const full = extra ? (path ? `${path}.${extra}` : extra) : path;
  return full || part;
}

function messageOf(error: AjvError): string {
  if (error.keyword === 'additionalProperties') return 'is not a known field';
  if (error.keyword === 'required') return 'is required';
  return error.message ?? 'is invalid';
}

/** An update body that names no field: schemas mark such bodies `minProperties: 1`. */
const isEmptyUpdate = (errors: AjvError[]) =>
  errors.length > 0 && errors.every((e) => e.keyword === 'minProperties' && e.instancePath === '');

/**
 * Errors the router raises before any route or hook runs (Fastify's `frameworkErrors`): a URL that does not
 * decode, a path parameter longer than the router keeps. Answered as problem+json like every other error.
 */
export function frameworkErrors(error: FastifyError, _request: FastifyRequest, reply: FastifyReply) {
  if (error.code === 'FST_ERR_MAX_PARAM_LENGTH') {
    const long = httpError('uri_too_long', 'A path segment of this URL is too long');
    return sendProblem(reply, long.status, long.code, long.message);
  }
  if (error.code === 'FST_ERR_BAD_URL') {
    const bad = httpError('bad_url', 'The URL path is not validly percent-encoded', [
      { field: 'path', message: 'is not a valid URL component' },
    ]);
    return sendProblem(reply, bad.status, bad.code, bad.message, bad.errors);
  }
  return sendProblem(reply, error.statusCode ?? 400, 'bad_request', error.message);
}

/** Turns every error into application/problem+json; unknown errors become a generic 500, logged with the request id. */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | AppError, request: FastifyRequest, reply: FastifyReply) => {
    if (error instanceof AppError) {
      // A dependency that cannot be reached (503): the operator needs its cause, the client only the code.
      if (error.status >= 500) request.log.warn({ err: error.cause ?? error }, error.message);
      return sendProblem(
        reply,
        error.status,
        error.code,
        error.message,
        error.errors,
        error.headers,
        error.details,
      );
    }
    if (error.validation) {
      const part = error.validationContext ?? 'body';
      if (isEmptyUpdate(error.validation as AjvError[])) {
        const empty = httpError('empty_update', `Invalid ${part}: name at least one field to change`, [
          { field: part, message: 'must name at least one field to change' },
        ]);
        return sendProblem(reply, empty.status, empty.code, empty.message, empty.errors);
      }
      const errors = (error.validation as AjvError[]).map((e) => ({
        field: fieldOf(e, part),
        message: messageOf(e),
      }));
      const detail = `Invalid ${part}: ${errors.map((e) => `${e.field} ${e.message}`).join('; ')}`;
      return sendProblem(reply, 400, 'validation_failed', detail, errors);
    }
    const clientFault = clientFaultOf(error);
    if (clientFault) {
      request.log.info({ err: error }, 'the database refused the request input');
      return sendProblem(
        reply,
        clientFault.status,
        clientFault.code,
        clientFault.message,
        clientFault.errors,
      );
    }
    const status = error.statusCode ?? 500;
    if (status === 429) {
      return sendProblem(reply, 429, 'rate_limited', error.message);
    }
    if (status >= 400 && status < 500) {
      const code =
        error.code === 'FST_ERR_CTP_BODY_TOO_LARGE'
          ? 'body_too_large'
          : error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE'
            ? 'unsupported_media_type'
            : error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' ||
                error instanceof SyntaxError ||
                /JSON/i.test(error.message)
              ? 'malformed_json'
              : 'bad_request';
      return sendProblem(reply, status, code, error.message);
    }
    request.log.error({ err: error }, 'unhandled error');
    return sendProblem(
      reply,
      500,
      'internal_error',
      'Something went wrong on our side; the request id helps us find it.',
    );
  });
}

/** Unknown routes: a problem+json 404 under /api, the web app's shell for any other GET (client-side routes). */
export function registerNotFound(app: FastifyInstance, serveShell: boolean): void {
  app.setNotFoundHandler((request, reply) => {
    if (serveShell && request.method === 'GET' && !request.url.startsWith('/api/'))
      return reply.sendFile('index.html');
    return sendProblem(
      reply,
      404,
      'route_not_found',
      `No route ${request.method} ${request.url.split('?')[0]}`,
    );
  });
}

import multipart from '@fastify/multipart';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import Type from 'typebox';
import { requireUser } from '../../platform/http/auth.ts';
import { writeLimit } from '../../platform/http/rate-limit.ts';
import { mediaResponse } from '../../platform/http/responses.ts';
import { IdParam } from '../identity/index.ts';
import { mediaError } from './media.errors.ts';
import { MAX_UPLOAD_BYTES } from './media.image.ts';
import { FileParam, UploadQuery } from './media.schemas.ts';
import type { MediaService } from './media.service.ts';

const tags = ['media'];
const YEAR_SECONDS = 365 * 24 * 3600;

/** The bytes of the one file part, with the size limit and a missing or non-multipart body as coded errors. */
async function fileOf(request: FastifyRequest): Promise<Buffer> {
  if (!request.isMultipart())
    throw mediaError('not_multipart', 'Send the image as multipart/form-data in a part named "file"');
  let part: Awaited<ReturnType<FastifyRequest['file']>>;
  try {
    part = await request.file();
    if (!part)
      throw mediaError('media_missing', 'The upload has no file', [{ field: 'file', message: 'is missing' }]);
    return await part.toBuffer();
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE')
      throw mediaError('media_too_large', `An image has at most ${MAX_UPLOAD_BYTES / 1024 / 1024} MB`, [
        { field: 'file', message: 'is too large' },
      ]);
    if (code?.startsWith('FST_'))
      throw mediaError('media_missing', 'The multipart body cannot be read', [
        { field: 'file', message: (err as Error).message },
      ]);
    throw err;
  }
}

export function mediaRoutes(media: MediaService) {
  return async (fastify: FastifyInstance) => {
    const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
    await app.register(multipart, { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 4, parts: 5 } });

    app.post(
      '/media',
      {
        schema: {
          tags,
          summary:
            'Upload an image (multipart/form-data, one part named "file"; JPEG, PNG, WebP, GIF or AVIF, read from the bytes; at most 10 MB and 40 megapixels). Metadata is stripped; WebP variants are stored.',
          querystring: UploadQuery,
          response: { 201: Type.Ref('Media') },
        },
        config: writeLimit(60),
      },
      async (request, reply) => {
        const principal = requireUser(request);
        const bytes = await fileOf(request);
        return reply.code(201).send(await media.upload(principal, bytes, request.query.as));
      },
    );

    app.get(
      '/media/files/:name',
      {
        schema: {
          tags,
          summary: 'A stored image variant by its content address (immutable, cached for a year)',
          params: FileParam,
          response: { 200: mediaResponse('image/webp', 'The image', Type.String({ format: 'binary' })) },
        },
      },
      async (request, reply) => {
        const file = await media.file(request.params.name);
        if (file.size !== undefined) reply.header('content-length', file.size);
        return reply
          .type('image/webp')
          .header('cache-control', `public, max-age=${YEAR_SECONDS}, immutable`)
          .send(file.body);
      },
    );

    app.post(
      '/media/:id/avatar',
      {
        schema: {
          tags,
          summary: "Use an uploaded image as your avatar, or an org's (as: its handle)",
          params: IdParam,
          body: Type.Optional(UploadQuery),
          response: { 200: Type.Object({ avatarUrl: Type.String() }) },
        },
        config: writeLimit(60),
      },
      async (request) => ({
        avatarUrl: await media.setAvatar(requireUser(request), request.params.id, request.body?.as),
      }),
    );
  };
}

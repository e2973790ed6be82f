import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Db } from '../../platform/db/database.ts';
import type { IdentityModule } from '../identity/index.ts';
import { mediaRoutes } from './media.routes.ts';
import { Media, MediaAttachment } from './media.schemas.ts';
import { createMediaService } from './media.service.ts';
import { diskStorage, type MediaStorage } from './media.storage.ts';

export { processImage } from './media.image.ts';
export { type S3Settings, s3Storage } from './media.s3-storage.ts';
export { MAX_ALT_CHARS, MediaInput } from './media.schemas.ts';
export type { AttachInput, AttachmentJson, MediaJson } from './media.service.ts';
export { diskStorage, type MediaStorage, type StoredFile } from './media.storage.ts';
export type { SubjectKind } from './media.tables.ts';

/** Uploaded images: checks, variants, storage, attachments to posts and products, avatars. */
export function createMediaModule(deps: {
  db: Db;
  identity: Pick<IdentityModule, 'accounts' | 'service' | 'orgs'>;
  /** Where files go; a directory of this process's own under the system's temp folder when unset (tests). */
  storage?: MediaStorage;
}) {
  const storage = deps.storage ?? diskStorage(path.join(os.tmpdir(), `souk-media-${process.pid}`));
  const service = createMediaService({ ...deps, storage });
  return {
    ...service,
    storage,
    /** Shared schemas other modules' responses refer to by $ref. */
    schemas: [Media, MediaAttachment],
    routes: async (app: FastifyInstance) => {
      await app.register(mediaRoutes(service));
    },
  };
}

export type MediaModule = ReturnType<typeof createMediaModule>;

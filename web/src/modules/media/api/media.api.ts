import { api } from '../../../shared/api/client.ts';
import type { Schema } from '../../../shared/api/types.ts';

export type Media = Schema<'Media'>;
export type MediaAttachment = Schema<'MediaAttachment'>;

/** Uploads one image for the caller, or for an org they act for (`as`). */
export function uploadImage(file: File, as?: string): Promise<Media> {
  const form = new FormData();
  form.append('file', file);
  return api<Media>('/media', { method: 'POST', body: form, query: { as } });
}

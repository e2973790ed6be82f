import type { ColumnType, Generated } from 'kysely';

/** One stored rendition of an image: WebP, content-addressed by the SHA-256 of its bytes. */
export type MediaVariant = { width: number; height: number; bytes: number; key: string };

/** What an image may be attached to; avatars are the account's own field (identity keeps its URL). */
export type SubjectKind = 'post' | 'product';

export interface MediaTable {
  id: string;
  /** The account (person or org) the image belongs to: only its posts, products and avatar may use it. */
  owner_id: string;
  uploaded_by: string;
  /** The type read from the bytes of the upload, e.g. image/jpeg. */
  original_type: string;
  width: number;
  height: number;
  original_bytes: number;
  /** A tiny blurred WebP as a data: URL, shown while the real image loads. */
  placeholder: string;
  /** Largest first. */
  variants: ColumnType<MediaVariant[], string, string>;
  created_at: Generated<Date>;
}

export interface MediaAttachmentsTable {
  subject_kind: SubjectKind;
  subject_id: string;
  position: number;
  media_id: string;
  alt: string;
}

export type MediaTables = {
  media: MediaTable;
  media_attachments: MediaAttachmentsTable;
};

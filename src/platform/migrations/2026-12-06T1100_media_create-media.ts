import type { Kysely } from 'kysely';
import { runSql } from './run-sql.ts';

// Uploaded images: one row per upload (its owner account, the type read from its bytes, its WebP variants, which
// are content-addressed files in the media storage) and their attachments to posts and products, with alt text.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runSql(
    db,
    `
    CREATE TABLE media (
      id uuid PRIMARY KEY,
      owner_id uuid NOT NULL,
      uploaded_by uuid NOT NULL,
      original_type text NOT NULL,
      width int NOT NULL CHECK (width > 0),
      height int NOT NULL CHECK (height > 0),
      original_bytes int NOT NULL CHECK (original_bytes > 0),
      placeholder text NOT NULL,
      variants jsonb NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX media_owner ON media (owner_id, created_at DESC);
    CREATE TABLE media_attachments (
      subject_kind text NOT NULL CHECK (subject_kind IN ('post', 'product')),
      subject_id uuid NOT NULL,
      position smallint NOT NULL CHECK (position >= 0),
      media_id uuid NOT NULL REFERENCES media (id),
      alt text NOT NULL DEFAULT '' CHECK (char_length(alt) <= 1500),
      PRIMARY KEY (subject_kind, subject_id, position)
    );
    CREATE INDEX media_attachments_media ON media_attachments (media_id);
    `,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runSql(db, 'DROP TABLE media_attachments; DROP TABLE media;');
}

import type { Insertable } from 'kysely';
import { type Executor, ownTables } from '../../platform/db/database.ts';
import type { MediaTable, MediaTables, SubjectKind } from './media.tables.ts';

const own = (db: Executor) => ownTables<MediaTables>(db);

export async function insertMedia(db: Executor, row: Insertable<MediaTable>): Promise<void> {
  await own(db).insertInto('media').values(row).execute();
}

export async function findMedia(db: Executor, ids: string[]) {
  if (ids.length === 0) return [];
  return own(db).selectFrom('media').selectAll().where('id', 'in', ids).execute();
}

export type MediaRow = Awaited<ReturnType<typeof findMedia>>[number];

/** Replaces a subject's attachments with `items`, in order. */
export async function replaceAttachments(
  trx: Executor,
  kind: SubjectKind,
  subjectId: string,
  items: { mediaId: string; alt: string }[],
): Promise<void> {
  const db = own(trx);
  await db
    .deleteFrom('media_attachments')
    .where('subject_kind', '=', kind)
    .where('subject_id', '=', subjectId)
    .execute();
  if (items.length === 0) return;
  await db
    .insertInto('media_attachments')
    .values(
      items.map((m, position) => ({
        subject_kind: kind,
        subject_id: subjectId,
        position,
        media_id: m.mediaId,
        alt: m.alt,
      })),
    )
    .execute();
}

/** Attachments of many subjects of one kind, with their media, in position order. */
export async function attachmentsOf(db: Executor, kind: SubjectKind, subjectIds: string[]) {
  if (subjectIds.length === 0) return [];
  return own(db)
    .selectFrom('media_attachments as a')
    .innerJoin('media as m', 'm.id', 'a.media_id')
    .select([
      'a.subject_id',
      'a.alt',
      'm.id',
      'm.original_type',
      'm.width',
      'm.height',
      'm.placeholder',
      'm.variants',
    ])
    .where('a.subject_kind', '=', kind)
    .where('a.subject_id', 'in', subjectIds)
    .orderBy('a.subject_id')
    .orderBy('a.position')
    .execute();
}

import type { Db, Executor } from '../../platform/db/database.ts';
import type { Principal } from '../../platform/http/auth.ts';
import { newId } from '../../platform/ids.ts';
import { can, type IdentityModule } from '../identity/index.ts';
import { mediaError } from './media.errors.ts';
import { processImage } from './media.image.ts';
import * as repo from './media.repo.ts';
import { MAX_ALT_CHARS } from './media.schemas.ts';
import type { MediaStorage, StoredFile } from './media.storage.ts';
import type { MediaVariant, SubjectKind } from './media.tables.ts';

export type MediaDeps = {
  db: Db;
  storage: MediaStorage;
  identity: Pick<IdentityModule, 'accounts' | 'service' | 'orgs'>;
};

export type MediaJson = {
  id: string;
  type: string;
  width: number;
  height: number;
  placeholder: string;
  url: string;
  variants: { width: number; height: number; url: string }[];
};
export type AttachmentJson = MediaJson & { alt: string };
export type AttachInput = { id: string; alt?: string };

export const fileUrl = (key: string) => `/api/v1/media/files/${key}`;

type Presentable = Pick<repo.MediaRow, 'id' | 'original_type' | 'width' | 'height' | 'placeholder'> & {
  variants: MediaVariant[];
};

export function presentMedia(row: Presentable): MediaJson {
  const variants = row.variants.map((v) => ({ width: v.width, height: v.height, url: fileUrl(v.key) }));
  return {
    id: row.id,
    type: row.original_type,
    width: row.width,
    height: row.height,
    placeholder: row.placeholder,
    url: variants[0]!.url,
    variants,
  };
}

/** A storage failure as a 503 the client can retry, keeping the cause for the log. */
const unavailable = (cause: unknown) =>
  Object.assign(
    mediaError(
      'storage_unavailable',
      'The media storage cannot be reached; nothing was saved. Try again later',
    ),
    { cause },
  );

export function createMediaService({ db, storage, identity }: MediaDeps) {
  /** The account an upload belongs to: the caller, or an org whose role lets them post or edit its catalog. */
  async function owner(principal: Principal, asHandle: string | undefined): Promise<string> {
    const handle = asHandle?.replace(/^@/, '') ?? '';
    if (handle === '') return principal.userId;
    const org = await identity.accounts.byHandle(handle);
    if (!org)
      throw mediaError('unknown_account', `No account @${handle}`, [
        { field: 'as', message: 'is not an account' },
      ]);
    if (org.id === principal.userId) return org.id;
    if (
      org.kind === 'person' ||
      !(can(principal, org.id, 'postAsOrg') || can(principal, org.id, 'manageCatalog'))
    )
      throw mediaError('cannot_act_as', `You cannot upload for @${org.handle}`);
    return org.id;
  }

  /** Checks that every id is media of `ownerId` and every alt text fits; returns them in order. */
  async function check(
    executor: Executor,
    ownerId: string,
    items: AttachInput[],
    max: number,
    field: string,
  ) {
    if (items.length > max)
      throw mediaError('too_many_media', `At most ${max} images`, [
        { field, message: `has more than ${max} items` },
      ]);
    const ids = items.map((m) => m.id);
    const dup = ids.findIndex((id, i) => ids.indexOf(id) !== i);
    if (dup >= 0)
      throw mediaError('duplicate_media', 'The same image is attached twice', [
        { field: `${field}/${dup}/id`, message: 'is a duplicate' },
      ]);
    const rows = new Map((await repo.findMedia(executor, ids)).map((r) => [r.id, r]));
    items.forEach((m, i) => {
      if (rows.get(m.id)?.owner_id !== ownerId)
        throw mediaError('unknown_media', `No uploaded image ${m.id} of this account`, [
          { field: `${field}/${i}/id`, message: 'is not media of this account' },
        ]);
      if ([...(m.alt ?? '')].length > MAX_ALT_CHARS)
        throw mediaError('alt_too_long', `Alt text has at most ${MAX_ALT_CHARS} characters`, [
          { field: `${field}/${i}/alt`, message: 'is too long' },
        ]);
    });
    return items.map((m) => ({ mediaId: m.id, alt: (m.alt ?? '').trim() }));
  }

  return {
    owner,

    /** Stores an upload for the caller (or an org they act for) and returns it with its variant URLs. */
    async upload(principal: Principal, bytes: Buffer, asHandle?: string): Promise<MediaJson> {
      const ownerId = await owner(principal, asHandle);
      const image = await processImage(bytes);
      // Files first: a row never points at a missing file; a file without a row is harmless (content-addressed).
      try {
        for (const file of image.files) await storage.put(file.key, file.bytes, 'image/webp');
      } catch (err) {
        throw unavailable(err);
      }
      const row = {
        id: newId(),
        owner_id: ownerId,
        uploaded_by: principal.userId,
        original_type: image.originalType,
        width: image.width,
        height: image.height,
        original_bytes: bytes.length,
        placeholder: image.placeholder,
        variants: image.files.map((f) => ({
          width: f.width,
          height: f.height,
          bytes: f.bytes.length,
          key: f.key,
        })),
      };
      await repo.insertMedia(db, { ...row, variants: JSON.stringify(row.variants) });
      return presentMedia(row);
    },

    /** A stored file by its content address, streamed from the storage. */
    async file(name: string): Promise<StoredFile> {
      const file = await storage.open(name).catch((err) => {
        throw unavailable(err);
      });
      if (!file) throw mediaError('media_not_found', 'No such media file');
      return file;
    },

    /** Sets an uploaded image as the avatar of its owner (the caller, or an org whose profile they may edit). */
    async setAvatar(principal: Principal, mediaId: string, asHandle?: string): Promise<string> {
      const ownerId = await owner(principal, asHandle);
      const [{ mediaId: id }] = await check(db, ownerId, [{ id: mediaId }], 1, 'mediaId');
      const row = (await repo.findMedia(db, [id]))[0]!;
      const variants = row.variants;
      const avatarUrl = fileUrl((variants.find((v) => v.width <= 320) ?? variants[variants.length - 1]!).key);
      if (ownerId === principal.userId) await identity.service.updateProfile(ownerId, { avatarUrl });
      else await identity.orgs.update(principal, asHandle!.replace(/^@/, ''), { avatarUrl });
      return avatarUrl;
    },

    /**
     * Attachments of posts and products, for the modules that own them: `replace` runs in their transaction and
     * refuses another account's media (422 unknown_media naming the item).
     */
    attachments: {
      check: (ownerId: string, items: AttachInput[], max: number, field = 'media') =>
        check(db, ownerId, items, max, field),
      async replace(
        trx: Executor,
        kind: SubjectKind,
        subjectId: string,
        ownerId: string,
        items: AttachInput[],
        max: number,
      ) {
        const checked = await check(trx, ownerId, items, max, 'media');
        await repo.replaceAttachments(trx, kind, subjectId, checked);
      },
      async of(kind: SubjectKind, subjectIds: string[]): Promise<Map<string, AttachmentJson[]>> {
        const out = new Map<string, AttachmentJson[]>();
        for (const r of await repo.attachmentsOf(db, kind, [...new Set(subjectIds)])) {
          const list = out.get(r.subject_id) ?? [];
          list.push({ ...presentMedia(r), alt: r.alt });
          out.set(r.subject_id, list);
        }
        return out;
      },
    },
  };
}

export type MediaService = ReturnType<typeof createMediaService>;

import { defineErrors } from '../../platform/errors.ts';

/** Media's error codes: uploads, attachments and avatars. */
export const mediaError = defineErrors('media', {
  not_multipart: {
    kind: 'unsupported_media_type',
    description: 'An upload is multipart/form-data with one part named "file"',
  },
  media_missing: { kind: 'bad_request', description: 'The upload has no file part' },
  media_empty: { kind: 'bad_request', description: 'The uploaded file has zero bytes' },
  media_too_large: { kind: 'payload_too_large', description: 'The uploaded file is larger than allowed' },
  media_type_unsupported: {
    kind: 'unsupported_media_type',
    description: 'The bytes are not a JPEG, PNG, WebP, GIF or AVIF image (the detected type is named)',
  },
  media_unreadable: {
    kind: 'unprocessable',
    description: 'The image is truncated or corrupt and cannot be decoded',
  },
  media_too_many_pixels: {
    kind: 'unprocessable',
    description: 'The image has more pixels than allowed (a decompression bomb guard)',
  },
  storage_unavailable: {
    kind: 'unavailable',
    description: 'The media storage (disk or S3) cannot be reached; nothing was saved, try again later',
  },
  media_not_found: { kind: 'not_found', description: 'No stored media file by that name' },
  unknown_media: {
    kind: 'unprocessable',
    description: 'A media id does not exist or does not belong to the account the write is for',
  },
  too_many_media: { kind: 'unprocessable', description: 'More images than the subject allows' },
  duplicate_media: { kind: 'unprocessable', description: 'The same image is attached twice' },
  alt_too_long: { kind: 'bad_request', description: 'Alt text is longer than allowed' },
  unknown_account: { kind: 'unprocessable', description: 'The account to act as does not exist' },
  cannot_act_as: {
    kind: 'forbidden',
    description: "The caller's role does not allow acting as that account",
  },
});

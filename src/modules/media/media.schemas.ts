import Type from 'typebox';

/** Longest alt text accepted, in characters. */
export const MAX_ALT_CHARS = 1500;

const MediaFields = {
  id: Type.String({ format: 'uuid' }),
  type: Type.String({ description: 'The type read from the uploaded bytes, e.g. image/jpeg' }),
  width: Type.Integer({ description: 'Of the upright image, in pixels' }),
  height: Type.Integer(),
  placeholder: Type.String({ description: 'A tiny blurred WebP as a data: URL, to show while loading' }),
  url: Type.String({ description: 'The largest WebP variant' }),
  variants: Type.Array(Type.Object({ width: Type.Integer(), height: Type.Integer(), url: Type.String() }), {
    description: 'WebP renditions, largest first (for srcset)',
  }),
};

export const Media = Type.Object(MediaFields, { $id: 'Media' });

export const MediaAttachment = Type.Object(
  { ...MediaFields, alt: Type.String({ description: 'Alt text; empty when the uploader gave none' }) },
  { $id: 'MediaAttachment' },
);

/** What a write carries to attach an uploaded image. */
export const MediaInput = Type.Object(
  {
    id: Type.String({ format: 'uuid', description: 'An uploaded media id of the account the write is for' }),
    alt: Type.Optional(
      Type.String({ maxLength: MAX_ALT_CHARS, description: 'What the image shows, for screen readers' }),
    ),
  },
  { additionalProperties: false },
);

export const FileParam = Type.Object({
  name: Type.String({ pattern: '^[0-9a-f]{64}\\.webp$', maxLength: 69, description: 'A content address' }),
});

export const UploadQuery = Type.Object(
  { as: Type.Optional(Type.String({ maxLength: 31, description: 'Handle of an org to upload for' })) },
  { additionalProperties: false },
);

import { Readable } from 'node:stream';
import type { MediaStorage } from './media.storage.ts';

// The SDK is loaded when S3 is first used, so a server on disk storage never loads it.
type Sdk = typeof import('@aws-sdk/client-s3');
let sdk: Promise<Sdk> | undefined;
const loadSdk = () => {
  sdk ??= import('@aws-sdk/client-s3');
  return sdk;
};

export type S3Settings = {
  bucket: string;
  /** An S3-compatible server (MinIO, Garage, Ceph, R2…); AWS's own endpoint for the region when unset. */
  endpoint?: string;
  region: string;
  /** From the SDK's usual chain (environment, profile, instance role) when unset. */
  credentials?: { accessKeyId: string; secretAccessKey: string };
  /** `bucket` in the path instead of the host name, as most self-hosted servers need. */
  forcePathStyle: boolean;
};

/**
 * Files as objects in an S3-compatible bucket, under `media/<key>`. Souk serves them through its own media route
 * (streamed from the bucket), so the bucket stays private and URLs, caching and the content policy do not change.
 */
export function s3Storage(settings: S3Settings): MediaStorage {
  const options = {
    region: settings.region,
    endpoint: settings.endpoint,
    forcePathStyle: settings.forcePathStyle,
    credentials: settings.credentials,
    // Fail fast when the server cannot be reached: an upload answers 503 instead of hanging.
    maxAttempts: 2,
    requestHandler: { connectionTimeout: 3_000, requestTimeout: 20_000 },
    // Checksums only where S3 requires them: many S3-compatible servers reject the newer trailing checksums.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  } as const;
  let client: Promise<InstanceType<Sdk['S3Client']>> | undefined;
  const connect = () => {
    client ??= loadSdk().then(({ S3Client }) => new S3Client(options));
    return client;
  };
  const objectKey = (key: string) => `media/${key}`;
  const Bucket = settings.bucket;
  const missing = (err: unknown, { NoSuchKey, NotFound }: Sdk) =>
    err instanceof NoSuchKey ||
    err instanceof NotFound ||
    (err as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 404;

  return {
    describe: `s3 bucket ${Bucket}${settings.endpoint ? ` at ${settings.endpoint}` : ` in ${settings.region}`}`,
    async put(key, bytes, contentType) {
      // Content-addressed: writing a key again writes the same bytes, so no check comes first.
      const { PutObjectCommand } = await loadSdk();
      await (await connect()).send(
        new PutObjectCommand({
          Bucket,
          Key: objectKey(key),
          Body: bytes,
          ContentType: contentType,
          ContentLength: bytes.length,
          CacheControl: 'public, max-age=31536000, immutable',
        }),
      );
    },
    async open(key) {
      const loaded = await loadSdk();
      try {
        const out = await (await connect()).send(
          new loaded.GetObjectCommand({ Bucket, Key: objectKey(key) }),
        );
        if (!(out.Body instanceof Readable)) throw new Error('S3 answered without a body stream');
        return { body: out.Body, size: out.ContentLength };
      } catch (err) {
        if (missing(err, loaded)) return null;
        throw err;
      }
    },
  };
}

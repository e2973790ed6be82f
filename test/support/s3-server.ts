import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import S3rver from 's3rver';
import { type MediaStorage, s3Storage } from '../../src/modules/media/index.ts';

/** A real S3-compatible server (s3rver, over HTTP on loopback) with one empty bucket, for storage tests. */
export async function startS3Server(bucket = 'souk-media') {
  const directory = await fs.mkdtemp(path.join(os.tmpdir(), 'souk-s3-'));
  const server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory,
    configureBuckets: [{ name: bucket, configs: [] }],
  });
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  const storage = (over: { endpoint?: string; bucket?: string } = {}): MediaStorage =>
    s3Storage({
      bucket: over.bucket ?? bucket,
      endpoint: over.endpoint ?? endpoint,
      region: 'us-east-1',
      // s3rver's fixed test credentials.
      credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
      forcePathStyle: true,
    });
  return {
    endpoint,
    directory,
    storage,
    async close() {
      await server.close();
      await fs.rm(directory, { recursive: true, force: true });
    },
  };
}

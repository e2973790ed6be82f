import { describe, expect, it } from 'vitest';
import { ConfigError, isLoopbackHost, loadConfig } from './config.ts';

describe('loadConfig', () => {
  it('should listen on loopback only when HOST is unset', () => {
    expect(loadConfig({}, { terminal: false }).host).toBe('127.0.0.1');
    expect(loadConfig({ HOST: '0.0.0.0' }, { terminal: false }).host).toBe('0.0.0.0');
  });

  it('should refuse to serve the demo world publicly unless SOUK_ALLOW_PUBLIC_DEMO says so', () => {
    expect(loadConfig({}, { terminal: false }).allowPublicDemo).toBe(false);
    expect(loadConfig({ SOUK_ALLOW_PUBLIC_DEMO: 'true' }, { terminal: false }).allowPublicDemo).toBe(true);
    expect(() => loadConfig({ SOUK_ALLOW_PUBLIC_DEMO: 'maybe' })).toThrow(ConfigError);
  });

  it('should log pretty on a terminal and JSON elsewhere, unless LOG_FORMAT says which', () => {
    expect(loadConfig({}, { terminal: true }).logFormat).toBe('pretty');
    expect(loadConfig({}, { terminal: false }).logFormat).toBe('json');
    expect(loadConfig({ LOG_FORMAT: 'json' }, { terminal: true }).logFormat).toBe('json');
    expect(loadConfig({ LOG_FORMAT: 'PRETTY' }, { terminal: false }).logFormat).toBe('pretty');
    expect(() => loadConfig({ LOG_FORMAT: 'xml' })).toThrow(/LOG_FORMAT must be pretty or json, got "xml"/);
  });

  it('should keep media on disk without S3_ settings, and read them whole or refuse them clearly', () => {
    expect(loadConfig({}, { terminal: false }).s3).toBeUndefined();
    const s3 = loadConfig(
      {
        S3_BUCKET: 'media',
        S3_ENDPOINT: 'http://127.0.0.1:9000',
        S3_ACCESS_KEY_ID: 'key',
        S3_SECRET_ACCESS_KEY: 'secret',
      },
      { terminal: false },
    ).s3;
    expect(s3).toEqual({
      bucket: 'media',
      endpoint: 'http://127.0.0.1:9000',
      region: 'us-east-1',
      credentials: { accessKeyId: 'key', secretAccessKey: 'secret' },
      forcePathStyle: true,
    });
    expect(loadConfig({ S3_BUCKET: 'b', S3_REGION: 'eu-west-1' }).s3).toMatchObject({
      forcePathStyle: false,
    });
    expect(() => loadConfig({ S3_ENDPOINT: 'http://minio:9000' })).toThrow(/S3_BUCKET must be set/);
    expect(() => loadConfig({ S3_BUCKET: 'b', S3_ENDPOINT: 'minio:9000' })).toThrow(/S3_ENDPOINT must be/);
    expect(() => loadConfig({ S3_BUCKET: 'b', S3_ACCESS_KEY_ID: 'k' })).toThrow(/set both or neither/);
    expect(() => loadConfig({ S3_BUCKET: 'b', S3_FORCE_PATH_STYLE: 'sometimes' })).toThrow(ConfigError);
  });
});

describe('isLoopbackHost', () => {
  it('should call only addresses of this machine loopback', () => {
    for (const host of ['127.0.0.1', '127.1.2.3', 'localhost', '::1', '[::1]', '::ffff:127.0.0.1'])
      expect(isLoopbackHost(host), host).toBe(true);
    for (const host of ['0.0.0.0', '::', '192.168.1.10', '10.0.0.1', 'example.com', '::ffff:10.0.0.1'])
      expect(isLoopbackHost(host), host).toBe(false);
  });
});

import net from 'node:net';
import path from 'node:path';

/** Everything Souk reads from its environment, parsed once. Flags from the CLI override these. */
export type Config = {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  /** Pool size for a PostgreSQL server; a small pool beats a large one on hot rows. */
  poolSize: number;
  seedDemo: boolean;
  demoUsers: number;
  /** Cookies always carry the Secure flag (they do anyway on requests that came over HTTPS). */
  secureCookies: boolean;
  /**
   * Whether to believe X-Forwarded-For/-Proto/-Host (Fastify's `trustProxy`): false, true (any proxy), a hop
   * count, or a comma-separated list of proxy addresses/CIDRs. Set it behind a TLS-terminating proxy so that
   * the client's address and HTTPS are seen.
   */
  trustProxy: boolean | number | string;
  logLevel: string;
  /** `pretty` (one readable line per event, requests only at debug) on a terminal, else `json` (one object per line). */
  logFormat: LogFormat;
  /**
   * Serve the demo world (whose sign-ins are published) on an address other than loopback. Off by default, so a
   * server reachable from the network does not hand out accounts with a known password by accident.
   */
  allowPublicDemo: boolean;
  /** Rate limits can be relaxed for load tests; never off by default. */
  rateLimits: boolean;
  /** Secret that signs payment webhooks; unset means a random one per process. */
  paymentWebhookSecret: string | undefined;
  /** Delay of the test payment provider's asynchronous outcomes. */
  paymentDelayMs: number;
  /** SMTP server for outgoing mail (`smtp://user:pass@host:587`); unset: mail lands in the local outbox. */
  smtpUrl: string | undefined;
  /** S3-compatible storage for media when `S3_BUCKET` is set; media stay on disk under the data dir otherwise. */
  s3: S3Config | undefined;
  /** The From address of outgoing mail. */
  mailFrom: string | undefined;
  /** The address people open Souk at, for links in mail; default http://localhost:<port>. */
  publicUrl: string | undefined;
  /**
   * Let addresses users type (Mastodon instances, alert webhooks) reach loopback and private networks; off by
   * default, so a brand cannot make the server call inside the network it runs in.
   */
  outboundPrivate: boolean;
};

export type LogFormat = 'pretty' | 'json';

export class ConfigError extends Error {}

function intFrom(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be a whole number from ${min} to ${max}, got "${raw}"`);
  }
  return value;
}

export type S3Config = {
  bucket: string;
  endpoint: string | undefined;
  region: string;
  credentials: { accessKeyId: string; secretAccessKey: string } | undefined;
  forcePathStyle: boolean;
};

/** `S3_*`: all unset keeps media on disk; set, they need at least a bucket, and both keys or neither. */
function s3From(env: NodeJS.ProcessEnv): S3Config | undefined {
  const names = [
    'S3_ENDPOINT',
    'S3_BUCKET',
    'S3_REGION',
    'S3_ACCESS_KEY_ID',
    'S3_SECRET_ACCESS_KEY',
    'S3_FORCE_PATH_STYLE',
  ];
  if (names.every((n) => !env[n])) return undefined;
  const bucket = env.S3_BUCKET;
  if (!bucket)
    throw new ConfigError('S3_BUCKET must be set to store media in S3 (or unset every S3_ variable)');
  const endpoint = env.S3_ENDPOINT || undefined;
  if (endpoint && !/^https?:\/\/[^/\s]+/i.test(endpoint)) {
    throw new ConfigError('S3_ENDPOINT must be an http:// or https:// address');
  }
  const accessKeyId = env.S3_ACCESS_KEY_ID || undefined;
  const secretAccessKey = env.S3_SECRET_ACCESS_KEY || undefined;
  if (Boolean(accessKeyId) !== Boolean(secretAccessKey)) {
    throw new ConfigError('S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY go together: set both or neither');
  }
  return {
    bucket,
    endpoint,
    region: env.S3_REGION || 'us-east-1',
    credentials: accessKeyId && secretAccessKey ? { accessKeyId, secretAccessKey } : undefined,
    // Self-hosted servers usually need path-style addresses; AWS itself does not.
    forcePathStyle: boolFrom(env, 'S3_FORCE_PATH_STYLE', Boolean(endpoint)),
  };
}

function boolFrom(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name]?.toLowerCase();
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw)) return true;
  if (['0', 'false', 'no', 'off'].includes(raw)) return false;
  throw new ConfigError(`${name} must be true or false, got "${env[name]}"`);
}

function trustProxyFrom(env: NodeJS.ProcessEnv): boolean | number | string {
  const raw = env.SOUK_TRUST_PROXY?.trim();
  if (raw === undefined || raw === '') return false;
  if (/^\d+$/.test(raw)) return intFrom(env, 'SOUK_TRUST_PROXY', 0, 0, 100);
  if (/^(1|true|yes|on|0|false|no|off)$/i.test(raw)) return boolFrom(env, 'SOUK_TRUST_PROXY', false);
  if (!/^[0-9a-fA-F.:/,\s]+$/.test(raw))
    throw new ConfigError(
      `SOUK_TRUST_PROXY must be true, false, a hop count or proxy addresses, got "${raw}"`,
    );
  return raw;
}

function logFormatFrom(env: NodeJS.ProcessEnv, terminal: boolean): LogFormat {
  const raw = env.LOG_FORMAT?.toLowerCase();
  if (raw === undefined || raw === '') return terminal ? 'pretty' : 'json';
  if (raw === 'pretty' || raw === 'json') return raw;
  throw new ConfigError(`LOG_FORMAT must be pretty or json, got "${env.LOG_FORMAT}"`);
}

/** Whether an address to listen on is reachable only from this machine (not `0.0.0.0`, `::` or a LAN address). */
export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[(.*)\]$/, '$1').toLowerCase();
  if (bare === 'localhost') return true;
  if (net.isIPv4(bare)) return bare.startsWith('127.');
  if (net.isIPv6(bare)) return bare === '::1' || /^::ffff:127\./.test(bare);
  return false;
}

/**
 * Reads the environment; `terminal` (stdout is a TTY, by default) chooses the log format when LOG_FORMAT is unset.
 */
export function loadConfig(
  env: NodeJS.ProcessEnv = process.env,
  { terminal = process.stdout.isTTY === true }: { terminal?: boolean } = {},
): Config {
  const databaseUrl = env.DATABASE_URL || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError('DATABASE_URL must start with postgres:// or postgresql://');
  }
  const smtpUrl = env.SMTP_URL || undefined;
  if (smtpUrl && !/^smtps?:\/\/[^/\s]+/i.test(smtpUrl)) {
    throw new ConfigError('SMTP_URL must look like smtp://user:password@host:587 or smtps://host:465');
  }
  const publicUrl = env.SOUK_PUBLIC_URL?.replace(/\/+$/, '') || undefined;
  if (publicUrl && !/^https?:\/\/[^/\s]+/i.test(publicUrl)) {
    throw new ConfigError('SOUK_PUBLIC_URL must be an http:// or https:// address');
  }
  return {
    port: intFrom(env, 'PORT', 3000, 0, 65535),
    // Loopback unless told otherwise: the demo world's passwords are published.
    host: env.HOST || '127.0.0.1',
    dataDir: path.resolve(env.SOUK_DATA_DIR || './data'),
    databaseUrl,
    poolSize: intFrom(env, 'SOUK_DB_POOL', 8, 1, 200),
    seedDemo: boolFrom(env, 'SOUK_DEMO', true),
    demoUsers: intFrom(env, 'SOUK_DEMO_USERS', 2000, 10, 1_000_000),
    secureCookies: boolFrom(env, 'SOUK_SECURE_COOKIES', false),
    trustProxy: trustProxyFrom(env),
    logLevel: env.LOG_LEVEL || 'info',
    logFormat: logFormatFrom(env, terminal),
    allowPublicDemo: boolFrom(env, 'SOUK_ALLOW_PUBLIC_DEMO', false),
    rateLimits: boolFrom(env, 'SOUK_RATE_LIMITS', true),
    paymentWebhookSecret: env.SOUK_PAYMENT_WEBHOOK_SECRET || undefined,
    paymentDelayMs: intFrom(env, 'SOUK_TEST_PAYMENT_DELAY_MS', 2000, 0, 600_000),
    smtpUrl,
    mailFrom: env.SOUK_MAIL_FROM || undefined,
    s3: s3From(env),
    publicUrl,
    outboundPrivate: boolFrom(env, 'SOUK_OUTBOUND_PRIVATE', false),
  };
}

import { outboundFetch, PrivateAddressError } from '../../../platform/http/outbound.ts';

/** What one GET of a Mastodon instance gave: a JSON body, a rate limit to wait out, or why it failed. */
export type MastodonAnswer =
  | { kind: 'ok'; body: unknown; links: string | null; remaining: number | null; resetAt: Date | null }
  | { kind: 'rate_limited'; until: Date }
  | { kind: 'error'; message: string };

const MAX_BODY_BYTES = 5 * 1024 * 1024;
const TIMEOUT_MS = 15_000;
/** A 429 without a usable reset time waits this long; a reset further away than the cap is capped. */
const DEFAULT_WAIT_MS = 5 * 60_000;
const MAX_WAIT_MS = 6 * 3600_000;

/** When a rate limit lifts: `X-RateLimit-Reset` (an ISO time, as Mastodon sends it), else `Retry-After`. */
export function resetOf(headers: Headers, now: Date): Date | null {
  const reset = headers.get('x-ratelimit-reset');
  if (reset) {
    const t = Date.parse(reset);
    if (Number.isFinite(t)) return new Date(t);
  }
  const after = headers.get('retry-after');
  if (after) {
    const seconds = Number(after);
    if (Number.isFinite(seconds) && seconds >= 0) return new Date(now.getTime() + seconds * 1000);
    const t = Date.parse(after);
    if (Number.isFinite(t)) return new Date(t);
  }
  return null;
}

export const waitUntil = (reset: Date | null, now: Date) =>
  new Date(
    Math.min(
      now.getTime() + MAX_WAIT_MS,
      Math.max(now.getTime() + 1000, reset?.getTime() ?? now.getTime() + DEFAULT_WAIT_MS),
    ),
  );

async function boundedText(response: Response): Promise<string | null> {
  const reader = response.body?.getReader();
  if (!reader) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BODY_BYTES) {
      await reader.cancel().catch(() => {});
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * One GET of an instance's public API with Node's fetch: a timeout, a size cap, the rate-limit headers read. It
 * never throws: a refused connection, a timeout, an error status or a body that is not JSON is an `error` with a
 * sentence a user can act on.
 */
export async function getJson(url: string, now: () => Date, allowPrivate: boolean): Promise<MastodonAnswer> {
  let response: Response;
  try {
    response = await outboundFetch(
      url,
      {
        headers: { accept: 'application/json', 'user-agent': 'Souk-Listening/1.0' },
        signal: AbortSignal.timeout(TIMEOUT_MS),
      },
      allowPrivate,
    );
  } catch (err) {
    const cause = (err as { cause?: { code?: string; message?: string } }).cause;
    const name = (err as Error).name;
    if (name === 'TimeoutError' || name === 'AbortError')
      return { kind: 'error', message: `the instance did not answer within ${TIMEOUT_MS / 1000} s` };
    if (cause instanceof PrivateAddressError)
      return { kind: 'error', message: `the instance is not on the public internet: ${cause.message}` };
    return {
      kind: 'error',
      message: `the instance cannot be reached (${cause?.code ?? cause?.message ?? (err as Error).message})`,
    };
  }
  const at = now();
  if (response.status === 429) {
    await response.body?.cancel().catch(() => {});
    return { kind: 'rate_limited', until: waitUntil(resetOf(response.headers, at), at) };
  }
  let text: string | null;
  try {
    text = await boundedText(response);
  } catch {
    return { kind: 'error', message: 'the instance’s answer broke off' };
  }
  if (!response.ok) {
    const what = response.status === 404 ? ' (not found: check the hashtag or account)' : '';
    return { kind: 'error', message: `the instance answered ${response.status}${what}` };
  }
  if (text === null) return { kind: 'error', message: 'the instance’s answer is larger than 5 MB' };
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return { kind: 'error', message: 'the instance answered with something that is not JSON' };
  }
  const remaining = Number(response.headers.get('x-ratelimit-remaining'));
  return {
    kind: 'ok',
    body,
    links: response.headers.get('link'),
    remaining: response.headers.has('x-ratelimit-remaining') && Number.isFinite(remaining) ? remaining : null,
    resetAt: resetOf(response.headers, at),
  };
}

import { ApiError } from './api-error.ts';

const BASE = '/api/v1';

type Query = Record<string, string | number | undefined | null>;

export type RequestOptions = {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  body?: unknown;
  query?: Query;
  signal?: AbortSignal;
  /** Extra request headers, e.g. an Idempotency-Key. */
  headers?: Record<string, string>;
  /** Sends a string or Blob (a picked file, streamed by the browser) `body` as is with this content type instead of as JSON. */
  contentType?: string;
};

let csrfToken: string | null = null;
let refreshCsrf: (() => Promise<string | null>) | null = null;

/** Remembers the session's CSRF token (from the Me object) for every later write. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** How to get a fresh CSRF token when the server rejects ours (e.g. after signing in in another tab). */
export function onCsrfRefresh(refresh: () => Promise<string | null>): void {
  refreshCsrf = refresh;
}

export function buildUrl(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const qs = params.toString();
  return `${BASE}${path}${qs ? `?${qs}` : ''}`;
}

async function send(path: string, options: RequestOptions): Promise<Response> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
  // A FormData body (an upload) sets its own multipart content type with the boundary.
  const form = options.body instanceof FormData ? options.body : undefined;
  if (options.body !== undefined && !form)
    headers['Content-Type'] = options.contentType ?? 'application/json';
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  try {
    return await fetch(buildUrl(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body:
        options.body === undefined
          ? undefined
          : form
            ? form
            : options.contentType
              ? options.body instanceof Blob
                ? options.body
                : String(options.body)
              : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw ApiError.network();
  }
}

async function toError(response: Response): Promise<ApiError> {
  const type = response.headers.get('content-type') ?? '';
  if (type.includes('json')) {
    try {
      return ApiError.fromProblem(response.status, await response.json());
    } catch {
      // fall through to the status-only error
    }
  }
  return ApiError.fromProblem(response.status, {});
}

/** Calls the Souk API: JSON in and out, cookie auth with the CSRF header on writes, problem+json as ApiError. */
export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  let response = await send(path, options);
  if (response.status === 403 && options.method && options.method !== 'GET' && refreshCsrf) {
    const error = await toError(response);
    if (error.code !== 'csrf_failed') throw error;
    csrfToken = await refreshCsrf();
    response = await send(path, options);
  }
  if (!response.ok) throw await toError(response);
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

import autocannon from 'autocannon';

export type LoadResult = {
  requestsPerSec: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  total: number;
  errors: number;
  non2xx: number;
  timeouts: number;
};

/**
 * Runs autocannon against one GET path. With `cookies`, every request carries the next session cookie in
 * turn, so the load reads the home timelines of many different people.
 */
export async function load(
  baseUrl: string,
  path: string,
  options: { connections: number; durationSec: number; cookies?: string[] },
): Promise<LoadResult> {
  let next = 0;
  const cookies = options.cookies;
  const result = await autocannon({
    url: baseUrl,
    connections: options.connections,
    duration: options.durationSec,
    requests: [
      cookies
        ? {
            method: 'GET',
            path,
            setupRequest: (request) => ({
              ...request,
              headers: { ...request.headers, cookie: cookies[next++ % cookies.length] },
            }),
          }
        : { method: 'GET', path },
    ],
  });
  return {
    requestsPerSec: Math.round(result.requests.average),
    p50: result.latency.p50,
    p90: result.latency.p90,
    p99: result.latency.p99,
    max: result.latency.max,
    total: result.requests.total,
    errors: result.errors,
    non2xx: result.non2xx,
    timeouts: result.timeouts,
  };
}

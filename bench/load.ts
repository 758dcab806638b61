/** Fixed-concurrency HTTP load with autocannon, in this process, on loopback. */
import autocannon from 'autocannon';

export interface RequestSpec {
  url: string;
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  body?: string;
}

export interface LoadResult {
  requests: number;
  seconds: number;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  non2xx: number;
  /** Connection errors and timeouts. */
  errors: number;
  /** 2xx answers whose body differed from the one checked before the run. */
  mismatches: number;
}

/** Sends one request and returns its status and body. */
export async function sendOnce(spec: RequestSpec): Promise<{ status: number; body: string }> {
  const response = await fetch(spec.url, { method: spec.method, headers: spec.headers, body: spec.body, signal: AbortSignal.timeout(30_000) });
  return { status: response.status, body: await response.text() };
}

async function run(spec: RequestSpec, connections: number, seconds: number, expectBody: string): Promise<autocannon.Result> {
  return autocannon({
    url: spec.url,
    method: spec.method,
    headers: spec.headers,
    body: spec.body,
    connections,
    duration: seconds,
    timeout: 30,
    expectBody,
  });
}

export interface LoadOptions {
  connections: number;
  seconds: number;
  expectBody: string;
}

/** A run whose numbers are thrown away (JIT, caches and connection pools warm up); returns its p99 in ms. */
export async function warmUp(spec: RequestSpec, options: LoadOptions): Promise<number> {
  if (options.seconds <= 0) return 0;
  return (await run(spec, options.connections, options.seconds, options.expectBody)).latency.p99;
}

export async function measureLoad(spec: RequestSpec, options: LoadOptions): Promise<LoadResult> {
  const result = await run(spec, options.connections, options.seconds, options.expectBody);
  const requests = result.requests.total;
  return {
    requests,
    seconds: result.duration,
    requestsPerSecond: requests / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    mismatches: result.mismatches,
  };
}

/**
 * Server-rendered pages: time to first byte (response headers) and to the last byte, over
 * sequential requests on one keep-alive connection, signed in with a session cookie.
 */
import { Agent, request } from 'node:http';

export interface PageTiming {
  path: string;
  status: number;
  samples: number;
  ttfbP50: number;
  ttfbP99: number;
  totalP50: number;
  totalP99: number;
  bytes: number;
  /** Whether the page showed the text expected of it (not, say, the sign-in page). */
  contentOk: boolean;
}

interface Sample {
  status: number;
  ttfb: number;
  total: number;
  body: string;
}

function get(agent: Agent, url: URL, cookie: string): Promise<Sample> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const req = request(url, { agent, headers: { cookie, accept: 'text/html' } }, (response) => {
      const ttfb = performance.now() - started;
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 0, ttfb, total: performance.now() - started, body: Buffer.concat(chunks).toString('utf8') }),
      );
      response.on('error', reject);
    });
    req.setTimeout(30_000, () => req.destroy(new Error(`GET ${url.pathname} timed out`)));
    req.on('error', reject);
    req.end();
  });
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length) - 1;
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))] ?? Number.NaN;
}

export async function measurePage(baseUrl: string, path: string, cookie: string, samples: number, expectText: string): Promise<PageTiming> {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const url = new URL(path, baseUrl);
  try {
    for (let i = 0; i < 5; i += 1) await get(agent, url, cookie);
    const measured: Sample[] = [];
    for (let i = 0; i < samples; i += 1) measured.push(await get(agent, url, cookie));
    const last = measured.at(-1);
    return {
      path,
      status: last?.status ?? 0,
      samples: measured.length,
      ttfbP50: percentile(measured.map((s) => s.ttfb), 50),
      ttfbP99: percentile(measured.map((s) => s.ttfb), 99),
      totalP50: percentile(measured.map((s) => s.total), 50),
      totalP99: percentile(measured.map((s) => s.total), 99),
      bytes: Buffer.byteLength(last?.body ?? ''),
      contentOk: measured.every((s) => s.status === 200 && s.body.includes(expectText)),
    };
  } finally {
    agent.destroy();
  }
}

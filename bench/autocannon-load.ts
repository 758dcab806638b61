/**
 * The load generator when `wrk` is not installed: autocannon, in a process of its own, with the same
 * checks and the same result line as the wrk script in `load.ts`.
 *
 * Usage: node --import tsx bench/autocannon-load.ts <spec.json> (a `LoadSpec` plus `connections`, `seconds`).
 */
import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';
import { type LoadSpec, type RawLoadResult, resultMarker } from './load';

const specFile = process.argv[2];
if (!specFile) throw new Error('Usage: autocannon-load.ts <spec.json>');
const spec = JSON.parse(readFileSync(specFile, 'utf8')) as LoadSpec & { connections: number; seconds: number };
const { check } = spec;
const accepted = new Set(check.kind === 'one-of' ? check.answers : []);

const result = await autocannon({
  url: spec.url,
  method: spec.method,
  headers: spec.headers,
  // Each connection sends these in turn.
  requests: spec.bodies.length > 0 ? spec.bodies.map((body) => ({ method: spec.method, body })) : undefined,
  connections: spec.connections,
  duration: spec.seconds,
  timeout: 30,
  verifyBody: (body) => {
    const text = typeof body === 'string' ? body : (body?.toString('utf8') ?? '');
    return check.kind === 'contains' ? text.includes(check.text) : accepted.has(text);
  },
});

const raw: RawLoadResult = {
  requests: result.requests.total,
  durationUs: Math.round(result.duration * 1e6),
  p50Us: Math.round(result.latency.p50 * 1000),
  p99Us: Math.round(result.latency.p99 * 1000),
  non2xx: result.non2xx,
  errors: result.errors + result.timeouts,
  // autocannon checks non-2xx answers too: those are counted once, as non-2xx.
  mismatches: Math.max(0, result.mismatches - result.non2xx),
};
console.log(`\n${resultMarker}${JSON.stringify(raw)}`);

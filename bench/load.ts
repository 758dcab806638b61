/**
 * Fixed-concurrency HTTP load on loopback, generated in a process of its own so that it does not
 * share an event loop with the orchestrator: `wrk` (Debian's package) with a Lua script written to a
 * temporary directory, or, when `wrk` is not installed, autocannon run by `autocannon-load.ts`.
 * Both check every answer (see `AnswerCheck`) and print one `BENCH-RESULT {…}` line.
 */
import { accessSync, constants, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startProcess } from './processes';

/** What a timed answer must be: one of the answers checked before the run, or a page containing a text. */
export type AnswerCheck = { kind: 'one-of'; answers: string[] } | { kind: 'contains'; text: string };

export interface LoadSpec {
  url: string;
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  /** Sent in turn on each connection; empty for GET. */
  bodies: string[];
  check: AnswerCheck;
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
  /** 2xx answers that failed the check. */
  mismatches: number;
}

/** The line both generators print at the end, in these units. */
export interface RawLoadResult {
  requests: number;
  durationUs: number;
  p50Us: number;
  p99Us: number;
  non2xx: number;
  errors: number;
  mismatches: number;
}

export const resultMarker = 'BENCH-RESULT ';

export type LoadGeneratorName = 'wrk' | 'autocannon';

function onPath(command: string): string | null {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const candidate = path.join(dir, command);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return null;
}

/** `wrk` when installed, unless `BENCH_LOAD_GENERATOR=autocannon`. */
export function chooseLoadGenerator(): { name: LoadGeneratorName; command: string } {
  const wrk = process.env.BENCH_LOAD_GENERATOR === 'autocannon' ? null : onPath('wrk');
  return wrk ? { name: 'wrk', command: wrk } : { name: 'autocannon', command: process.execPath };
}

/** Sends one request and returns its status and body. */
export async function sendOnce(request: { url: string; method: 'GET' | 'POST'; headers: Record<string, string>; body?: string }): Promise<{ status: number; body: string }> {
  const response = await fetch(request.url, { ...request, signal: AbortSignal.timeout(30_000) });
  return { status: response.status, body: await response.text() };
}

const lua = (text: string) => JSON.stringify(text);

/**
 * The wrk script: requests formatted once per thread and sent in turn, every answer checked in
 * `response` (per-thread counters, summed in `done`). Bodies and answers are read from files.
 */
function wrkScript(spec: LoadSpec, bodyFiles: string[], answerFiles: string[]): string {
  return `-- Written by bench/load.ts for one measurement.
local function slurp(file) local f = assert(io.open(file, "rb")); local text = f:read("*a"); f:close(); return text end
wrk.method = ${lua(spec.method)}
${Object.entries(spec.headers)
  .map(([name, value]) => `wrk.headers[${lua(name)}] = ${lua(value)}`)
  .join('\n')}
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args)
  prepared = {}
  ${bodyFiles.length === 0 ? 'prepared[1] = wrk.format()' : `for i, file in ipairs({ ${bodyFiles.map(lua).join(', ')} }) do prepared[i] = wrk.format(nil, nil, nil, slurp(file)) end`}
  accepted = {}
  for _, file in ipairs({ ${answerFiles.map(lua).join(', ')} }) do accepted[slurp(file)] = true end
  contains = ${spec.check.kind === 'contains' ? lua(spec.check.text) : 'nil'}
  sent, non2xx, mismatches = 0, 0, 0
end
function request()
  sent = sent + 1
  return prepared[(sent - 1) % #prepared + 1]
end
function response(status, headers, body)
  if status < 200 or status > 299 then
    non2xx = non2xx + 1
  elseif contains then
    if not string.find(body, contains, 1, true) then mismatches = mismatches + 1 end
  elseif not accepted[body] then
    mismatches = mismatches + 1
  end
end
function done(summary, latency, requests)
  local bad, wrong = 0, 0
  for _, thread in ipairs(threads) do bad = bad + thread:get("non2xx"); wrong = wrong + thread:get("mismatches") end
  local e = summary.errors
  io.write(string.format("\\n${resultMarker}{\\"requests\\":%d,\\"durationUs\\":%d,\\"p50Us\\":%d,\\"p99Us\\":%d,\\"non2xx\\":%d,\\"errors\\":%d,\\"mismatches\\":%d}\\n",
    summary.requests, summary.duration, math.floor(latency:percentile(50)), math.floor(latency:percentile(99)), bad,
    e.connect + e.read + e.write + e.timeout, wrong))
end
`;
}

export function parseResult(output: string): RawLoadResult | null {
  const line = output.split('\n').find((text) => text.startsWith(resultMarker));
  return line ? (JSON.parse(line.slice(resultMarker.length)) as RawLoadResult) : null;
}

/** Runs load generators; its files live in a temporary directory removed by `close`. */
export class LoadRunner {
  private readonly dir = mkdtempSync(path.join(os.tmpdir(), 'rapport-bench-load-'));
  private runs = 0;

  constructor(
    readonly generator: { name: LoadGeneratorName; command: string },
    private readonly logDir: string,
  ) {}

  async run(spec: LoadSpec, options: { connections: number; seconds: number }): Promise<LoadResult> {
    this.runs += 1;
    const dir = path.join(this.dir, String(this.runs));
    mkdirSync(dir);
    const write = (name: string, text: string) => {
      const file = path.join(dir, name);
      writeFileSync(file, text);
      return file;
    };
    const logFile = path.join(this.logDir, 'load.log');
    let args: string[];
    if (this.generator.name === 'wrk') {
      const bodyFiles = spec.bodies.map((body, index) => write(`body-${index}`, body));
      const answerFiles = spec.check.kind === 'one-of' ? spec.check.answers.map((answer, index) => write(`answer-${index}`, answer)) : [];
      const script = write('load.lua', wrkScript(spec, bodyFiles, answerFiles));
      const threads = Math.min(2, options.connections);
      args = ['-t', String(threads), '-c', String(options.connections), '-d', `${options.seconds}s`, '--timeout', '30s', '-s', script, spec.url];
    } else {
      const specFile = write('spec.json', JSON.stringify({ ...spec, ...options }));
      args = ['--import', 'tsx', path.join(process.cwd(), 'bench', 'autocannon-load.ts'), specFile];
    }
    const started = startProcess(`load generator (${this.generator.name})`, this.generator.command, args, { env: process.env, logFile });
    const exit = await started.exited;
    await started.stop();
    const output = readFileSync(logFile, 'utf8');
    const raw = parseResult(output);
    if (exit.code !== 0 || !raw) {
      throw new Error(`${this.generator.name} failed (exit ${exit.code ?? exit.signal}) against ${spec.url}:\n${output.trimEnd().split('\n').slice(-10).join('\n')}`);
    }
    const seconds = raw.durationUs / 1e6;
    return {
      requests: raw.requests,
      seconds,
      requestsPerSecond: raw.requests / seconds,
      p50: raw.p50Us / 1000,
      p99: raw.p99Us / 1000,
      non2xx: raw.non2xx,
      errors: raw.errors,
      mismatches: raw.mismatches,
    };
  }

  close(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

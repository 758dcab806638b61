/**
 * `npm run bench`: SPEC §9's benchmark. Prepares the bench database, starts Rapport (production
 * build, `npm start`'s script, once with one process and once with two workers), the raw-SQL floor
 * and PostGraphile on it, checks that they give the same records, then measures every scenario on
 * every server at fixed concurrency in several rounds (the servers' order rotating), with node and
 * PostgreSQL CPU per request from /proc, and times the signed-in pages. Writes bench/RESULTS.md and
 * bench/results.json (with `--quick`, a one-round smoke check, to bench/.work/ instead) and stops
 * every process it started, also when something fails. Loopback only.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createSession } from '../server/auth/sessions';
import { openPostgres } from '../server/db/client';
import { type AppBuild, prepareAppBuild, removeAppCopy } from './app-build';
import { benchConfig } from './config';
import { type BenchDatabase, prepareBenchDatabase, withClient } from './data';
import { type AnswerCheck, chooseLoadGenerator, type LoadResult, LoadRunner, type LoadSpec, sendOnce } from './load';
import { CpuMeter } from './machine-load';
import { measurePage, type PageTiming } from './pages';
import { killAllNow, startProcess, type Started, stopAll, waitForHttp } from './processes';
import { type Checked, describeStatement, type MachineInfo, renderResults, resultsJson, type RunResults, type Sample } from './report';
import {
  buildScenarios,
  type Fixture,
  groupPath,
  implementationOf,
  issueIid,
  projectPath,
  type Scenario,
  type ScenarioKey,
  searchTerm,
  type ServerName,
  serverNames,
  type Target,
} from './scenarios';
import { ServerCpuMeter } from './server-cpu';
import { measureRapportStatements } from './statements';
import { WaitSampler } from './waits';

const root = process.cwd();
const benchDir = path.join(root, 'bench');
const workDir = path.join(benchDir, '.work');
/** A smoke check must not replace the committed results. */
const resultsDir = benchConfig.quick ? workDir : benchDir;
const started = performance.now();

function log(message: string): void {
  const seconds = ((performance.now() - started) / 1000).toFixed(0).padStart(4);
  console.log(`[bench ${seconds}s] ${message}`);
}

function tsxArgs(script: string): string[] {
  return ['--import', 'tsx', path.join(benchDir, script)];
}

/** Each server's PostgreSQL connections carry this name, so its backends can be found. */
function applicationName(server: ServerName): string {
  return `bench ${server}`;
}

function startServers(build: AppBuild, databaseUrl: string): Record<ServerName, Started> {
  const env = (server: ServerName): NodeJS.ProcessEnv => ({
    ...process.env,
    DATABASE_URL: databaseUrl,
    BENCH_POOL_SIZE: String(benchConfig.poolSize),
    NODE_ENV: 'production',
    PGAPPNAME: applicationName(server),
    PORT: String(benchConfig.ports[server]),
  });
  const rapport = (server: ServerName, workers: number) =>
    startProcess(server === 'rapport' ? 'Rapport' : `Rapport (${workers} workers)`, process.execPath, ['scripts/start.mjs'], {
      cwd: build.appDir,
      env: {
        ...env(server),
        RAPPORT_WORKERS: String(workers),
        RAPPORT_HOST: '127.0.0.1',
        NEXT_TELEMETRY_DISABLED: '1',
        // Whatever address the start script asks for, its servers listen on loopback only.
        NODE_OPTIONS: [process.env.NODE_OPTIONS, `--import=${path.join(benchDir, 'loopback-only.mjs')}`].filter(Boolean).join(' '),
      },
      logFile: path.join(workDir, `${server}.log`),
    });
  return {
    rapport: rapport('rapport', 1),
    'rapport-2-workers': rapport('rapport-2-workers', 2),
    floor: startProcess('raw SQL floor', process.execPath, tsxArgs('floor-server.ts'), { env: env('floor'), logFile: path.join(workDir, 'floor.log') }),
    postgraphile: startProcess('PostGraphile', process.execPath, tsxArgs('postgraphile-server.ts'), {
      env: env('postgraphile'),
      logFile: path.join(workDir, 'postgraphile.log'),
    }),
  };
}

function baseUrl(server: ServerName): string {
  return `http://127.0.0.1:${benchConfig.ports[server]}`;
}

interface Credentials {
  token: string;
  cookie: string;
}

function requestHeaders(target: Target, credentials: Credentials): Record<string, string> {
  if (target.auth === 'cookie') return { accept: 'text/html', cookie: credentials.cookie };
  const headers: Record<string, string> = { accept: 'application/json' };
  if (target.method === 'POST') headers['content-type'] = 'application/json';
  if (target.auth === 'token') headers.authorization = `Bearer ${credentials.token}`;
  return headers;
}

/** The server's target for a scenario, if it can answer it. */
function targetOf(scenario: Scenario, server: ServerName): Target | undefined {
  return scenario.targets[implementationOf(server)];
}

/**
 * Pauses after a run: the load generator stops sending when its time is up, but the server still
 * finishes the requests it had accepted, which must not overlap the next measurement.
 */
async function drain(slowestMs: number): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, Math.min(5000, 500 + 2 * slowestMs)));
}

/** The documented way to get a token: `npm run --silent token -- --user developer`. */
function createToken(databaseUrl: string): string {
  const result = spawnSync('npm', ['run', '--silent', 'token', '--', '--user', 'developer', '--name', 'bench'], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: databaseUrl },
    encoding: 'utf8',
  });
  const token = result.stdout.trim();
  if (result.status !== 0 || !token.startsWith('glpat-')) throw new Error(`npm run token failed: ${result.stderr || result.stdout}`);
  return token;
}

async function sessionCookie(databaseUrl: string): Promise<string> {
  const { rows } = await withClient(databaseUrl, (client) => client.query<{ id: number }>(`select id from users where lower(username) = 'developer'`));
  if (!rows[0]) throw new Error('No user "developer" in the bench database');
  const handle = openPostgres(databaseUrl, { max: 1 });
  try {
    const session = await createSession(handle.db, rows[0].id);
    return `rapport_session=${session.token}`;
  } finally {
    await handle.close();
  }
}

async function statementsSoFar(server: 'floor' | 'postgraphile'): Promise<number> {
  const response = await fetch(`${baseUrl(server)}/__bench/statements`);
  return ((await response.json()) as { statements: number }).statements;
}

/** One server's check of a page: status 200 and the text the data says it must show. */
async function checkPage(server: ServerName, scenario: Scenario, target: Target, credentials: Credentials): Promise<Checked> {
  const text = scenario.expectText ?? '';
  const { status, body } = await sendOnce({ url: baseUrl(server) + target.path, method: 'GET', headers: requestHeaders(target, credentials) });
  const same = status === 200 && text !== '' && body.includes(text);
  const answer = status === 200 ? `${(body.length / 1024).toFixed(0)} KiB of HTML${same ? '' : `, without "${text}"`}` : `HTTP ${status}`;
  return { check: { kind: 'contains', text }, answer, same, statements: null };
}

/**
 * Checks each server's answers against the floor's (same records), and learns the bodies every
 * timed answer must equal: a read's one answer, a mutation's answer to each of its bodies.
 */
async function checkAnswers(scenarios: Scenario[], credentials: Credentials, rapportStatements: Map<ScenarioKey, { count: number; summary: string }>) {
  const checked = new Map<ScenarioKey, Map<ServerName, Checked>>();
  for (const scenario of scenarios) {
    const byServer = new Map<ServerName, Checked>();
    for (const server of serverNames) {
      const target = targetOf(scenario, server);
      if (!target) continue;
      if (scenario.kind === 'page') {
        byServer.set(server, await checkPage(server, scenario, target, credentials));
        continue;
      }
      const counted = server === 'floor' || server === 'postgraphile' ? server : null;
      const before = counted ? await statementsSoFar(counted) : 0;
      const answers: { status: number; body: string }[] = [];
      for (const body of target.bodies.length > 0 ? target.bodies : [undefined]) {
        answers.push(await sendOnce({ url: baseUrl(server) + target.path, method: target.method, headers: requestHeaders(target, credentials), body }));
      }
      const statements = counted ? ((await statementsSoFar(counted)) - before) / answers.length : (rapportStatements.get(scenario.key)?.count ?? null);
      const summarize = ({ status, body }: { status: number; body: string }) => {
        if (status !== 200) return `HTTP ${status}: ${body.slice(0, 200)}`;
        try {
          return scenario.summarize(JSON.parse(body));
        } catch {
          return `not JSON: ${body.slice(0, 200)}`;
        }
      };
      const first = answers[0];
      const last = answers.at(-1);
      if (!first || !last) continue;
      const check: AnswerCheck = { kind: 'one-of', answers: answers.map((answer) => answer.body) };
      byServer.set(server, { check, answer: summarize(first), same: false, statements });
      // The statements were counted on the checkout's source; the servers run the build.
      if (implementationOf(server) === 'rapport' && summarize(last) !== rapportStatements.get(scenario.key)?.summary) {
        log(`  ${scenario.key}: ${server} (the production build) answers differently from the source in the checkout: is the build stale?`);
      }
    }
    const floorAnswer = byServer.get('floor')?.answer;
    if (scenario.kind !== 'page') {
      for (const [server, result] of byServer) {
        result.same = result.answer === floorAnswer && !/^(HTTP|errors|not JSON|no )/.test(result.answer);
        if (!result.same) log(`  ${scenario.key}: ${server} answered differently from the floor: ${result.answer.slice(0, 200)}`);
      }
    } else {
      for (const [server, result] of byServer) if (!result.same) log(`  ${scenario.key}: ${server}: ${result.answer}`);
    }
    checked.set(scenario.key, byServer);
  }
  return checked;
}

function machineInfo(postgres: string, build: AppBuild, loadGenerator: string): MachineInfo {
  const git = (...args: string[]) => {
    try {
      return execFileSync('git', args, { cwd: root, encoding: 'utf8' }).trim();
    } catch {
      return '';
    }
  };
  let osName = `${os.type()} ${os.release()}`;
  try {
    const pretty = /^PRETTY_NAME="?([^"\n]*)"?$/m.exec(readFileSync('/etc/os-release', 'utf8'))?.[1];
    if (pretty) osName = `${pretty} (${os.type()} ${os.release()})`;
  } catch {
    // not Linux
  }
  return {
    date: new Date().toISOString().replace('T', ' ').replace(/\.\d+Z$/, ' UTC'),
    cpu: os.cpus()[0]?.model.trim() ?? 'unknown CPU',
    cores: os.availableParallelism(),
    memoryGiB: os.totalmem() / 2 ** 30,
    os: osName,
    node: process.version,
    postgres,
    commit: git('rev-parse', '--short', 'HEAD') || 'unknown',
    uncommittedFiles: git('status', '--porcelain').split('\n').filter((line) => line.trim() !== '').length,
    buildId: build.buildId,
    newerSources: build.newerSources.length,
    builtAt: build.builtAt.toISOString().replace('T', ' ').replace(/\.\d+Z$/, ' UTC') + (build.builtNow ? ' (built by this run)' : ''),
    loadGenerator,
  };
}

/** Values of the bench data the scenarios need, and the pages timed one request at a time with what each must show. */
function fixtureAndPages(databaseUrl: string): Promise<{ fixture: Fixture; pages: { path: string; expect: string }[] }> {
  return withClient(databaseUrl, async (client) => {
    const first = async (sql: string) => String((await client.query<{ value: unknown }>(sql)).rows[0]?.value ?? '');
    const group = `(select id from groups where full_path = '${groupPath}')`;
    const firstContactEmail = await first(`select email as value from customer_relations_contacts where group_id = ${group} order by last_name, id limit 1`);
    const issueTitle = await first(
      `select title as value from issues where iid = ${issueIid} and project_id = (select id from projects where full_path = '${projectPath}')`,
    );
    const fixture: Fixture = {
      contactId: Number(await first(`select max(id) as value from customer_relations_contacts where group_id = ${group}`)),
      contactsPageText: firstContactEmail,
      issuePageText: issueTitle,
    };
    const pages = [
      { path: `/groups/${groupPath}/-/crm/contacts`, expect: firstContactEmail },
      {
        path: `/groups/${groupPath}/-/crm/contacts?search=${searchTerm}`,
        expect: await first(
          `select email as value from customer_relations_contacts where group_id = ${group}
             and (first_name || ' ' || last_name || ' ' || email || ' ' || coalesce(description, '')) ilike '%${searchTerm}%' order by last_name, id limit 1`,
        ),
      },
      { path: `/${projectPath}/-/issues/${issueIid}`, expect: issueTitle },
    ];
    return { fixture, pages };
  });
}

async function postgresVersion(databaseUrl: string): Promise<string> {
  const { rows } = await withClient(databaseUrl, (client) => client.query<{ version: string }>('select version()'));
  return rows[0]?.version.split(' on ')[0] ?? 'unknown';
}

/** PostgreSQL backends of the bench database: part of "our" load. */
async function backendPids(databaseUrl: string): Promise<number[]> {
  const { rows } = await withClient(databaseUrl, (client) =>
    client.query<{ pid: number }>('select pid from pg_stat_activity where datname = current_database()'),
  );
  return rows.map((row) => row.pid);
}

/** `items` starting at position `by` (mod its length). */
function rotated<T>(items: T[], by: number): T[] {
  const shift = items.length === 0 ? 0 : by % items.length;
  return [...items.slice(shift), ...items.slice(0, shift)];
}

/** The build being served and the load generator's files, removed at the end. */
let build: AppBuild | null = null;
let loads: LoadRunner | null = null;

async function main(): Promise<void> {
  mkdirSync(workDir, { recursive: true });
  const { rounds, durationSeconds, warmupSeconds, connections } = benchConfig;
  log(
    `${benchConfig.quick ? 'Quick smoke check' : 'Full run'}: ${rounds} round(s), ${warmupSeconds} s warm-up + ${durationSeconds} s per scenario and server, ` +
      `${connections} connections. Database: ${benchConfig.databaseName} next to ${benchConfig.adminUrl.replace(/\/\/[^@]*@/, '//')}`,
  );
  const database: BenchDatabase = await prepareBenchDatabase(log);
  log(`Data ready in ${database.secondsToPrepare.toFixed(0)} s: ${JSON.stringify(database.sizes)}`);
  const { fixture, pages: timedPages } = await fixtureAndPages(database.url);
  const scenarios = buildScenarios(fixture);

  build = await prepareAppBuild(workDir, log, benchConfig.rebuild);
  log(`Serving a copy of build ${build.buildId} (${build.builtAt.toISOString()}) from ${build.appDir}`);
  if (build.newerSources.length > 0) {
    log(
      `  The build is older than ${build.newerSources.length} source files (${build.newerSources.slice(0, 3).join(', ')}…): ` +
        'the server runs older code than the statement counts are taken from. BENCH_BUILD=1 rebuilds first.',
    );
  }

  log('Counting and explaining the SQL of one Rapport request per API scenario (in-process)…');
  const rapportStatements = await measureRapportStatements(database.url, scenarios);
  for (const [key, report] of rapportStatements) log(`  ${key}: ${report.count} statements`);

  const credentials: Credentials = { token: createToken(database.url), cookie: await sessionCookie(database.url) };

  log('Starting Rapport (1 process and 2 workers), the raw SQL floor and PostGraphile…');
  const servers = startServers(build, database.url);
  await Promise.all([
    waitForHttp(servers.rapport, `${baseUrl('rapport')}/users/sign_in`, 120_000),
    waitForHttp(servers['rapport-2-workers'], `${baseUrl('rapport-2-workers')}/users/sign_in`, 120_000),
    waitForHttp(servers.floor, `${baseUrl('floor')}/__bench/statements`, 60_000),
    waitForHttp(servers.postgraphile, `${baseUrl('postgraphile')}/__bench/statements`, 120_000),
  ]);
  log('All servers are up; checking that they give the same answers.');
  const checked = await checkAnswers(scenarios, credentials, rapportStatements);

  const generator = chooseLoadGenerator();
  loads = new LoadRunner(generator, workDir);
  log(`Load from ${generator.name} (${generator.command}), in its own process.`);
  const meter = new CpuMeter();
  const serverCpu = await ServerCpuMeter.connect(database.url);
  const sampler = await WaitSampler.connect(database.url, describeStatement);
  const serverGroups = serverNames.map((server) => servers[server].pid);
  const samples = new Map<ScenarioKey, Map<ServerName, Sample[]>>();
  for (let round = 0; round < rounds; round += 1) {
    if (rounds > 1) log(`Round ${round + 1} of ${rounds}`);
    for (const scenario of scenarios) {
      const byServer = samples.get(scenario.key) ?? new Map<ServerName, Sample[]>();
      samples.set(scenario.key, byServer);
      for (const server of rotated([...(checked.get(scenario.key)?.keys() ?? [])], round)) {
        const check = checked.get(scenario.key)?.get(server);
        const target = targetOf(scenario, server);
        if (!check || !target) continue;
        const spec: LoadSpec = { url: baseUrl(server) + target.path, method: target.method, headers: requestHeaders(target, credentials), bodies: target.bodies, check: check.check };
        await drain((await loads.run(spec, { connections, seconds: warmupSeconds })).p99);
        meter.begin();
        await serverCpu.begin(servers[server].pid, applicationName(server));
        sampler.start(applicationName(server), () => serverCpu.backendPids());
        const load: LoadResult = await loads.run(spec, { connections, seconds: durationSeconds });
        const waits = await sampler.stop();
        await drain(load.p99);
        const usage = await serverCpu.end();
        const share = meter.end(serverGroups, [process.pid, ...(await backendPids(database.url))]);
        byServer.set(server, [...(byServer.get(server) ?? []), { load, usage, share, waits }]);
        const perRequest = (seconds: number) => ((seconds * 1e6) / Math.max(1, load.requests)).toFixed(0);
        log(
          `  ${scenario.key.padEnd(18)} ${server.padEnd(17)} ${load.requestsPerSecond.toFixed(0).padStart(6)} req/s  p50 ${load.p50.toFixed(1)} ms  p99 ${load.p99.toFixed(1)} ms` +
            `  node ${perRequest(usage.nodeSeconds)} µs  pg ${perRequest(usage.pgSeconds)} µs  rss ${(usage.rssBytes / 2 ** 20).toFixed(0)} MB` +
            `  non-2xx ${load.non2xx}  errors ${load.errors}  wrong bodies ${load.mismatches}  other load ${share ? share.others.toFixed(0) : '?'} %`,
        );
      }
    }
  }
  await sampler.close();
  await serverCpu.close();

  log('Timing the server-rendered pages one request at a time (time to first byte)…');
  const pages: PageTiming[] = [];
  for (const page of timedPages) {
    const timing = await measurePage(baseUrl('rapport'), page.path, credentials.cookie, benchConfig.pageSamples, page.expect);
    pages.push(timing);
    log(`  ${page.path}: TTFB p50 ${timing.ttfbP50.toFixed(1)} ms, p99 ${timing.ttfbP99.toFixed(1)} ms, status ${timing.status}${timing.contentOk ? '' : ' (unexpected content)'}`);
  }

  const results: RunResults = {
    machine: machineInfo(await postgresVersion(database.url), build, generator.name),
    sizes: database.sizes,
    settings: { connections, durationSeconds, warmupSeconds, rounds, pageSamples: benchConfig.pageSamples, poolSize: benchConfig.poolSize, quick: benchConfig.quick },
    scenarios,
    checked,
    samples,
    rapportStatements,
    pages,
    history: readHistory(),
    secondsTotal: (performance.now() - started) / 1000,
  };
  const markdown = path.join(resultsDir, 'RESULTS.md');
  const json = path.join(resultsDir, 'results.json');
  writeFileSync(markdown, renderResults(results));
  writeFileSync(json, `${JSON.stringify(resultsJson(results), null, 2)}\n`);
  log(`Wrote ${path.relative(root, markdown)} and ${path.relative(root, json)}.`);
}

/** The hand-maintained before/after record, included in RESULTS.md as it is. */
function readHistory(): string {
  try {
    return readFileSync(path.join(benchDir, 'HISTORY.md'), 'utf8');
  } catch {
    return '';
  }
}

/** The whole run is abandoned after this long, whatever it is waiting for: generous for 30 measurements a round. */
const watchdogMs = (10 * 60 + benchConfig.rounds * 30 * (benchConfig.warmupSeconds + benchConfig.durationSeconds + 5)) * 1000;
const watchdog = setTimeout(() => {
  console.error(`bench: still running after ${(watchdogMs / 60_000).toFixed(0)} minutes; stopping everything.`);
  killAllNow();
  process.exit(1);
}, watchdogMs);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    killAllNow();
    loads?.close();
    if (build) removeAppCopy(build);
    process.exit(130);
  });
}
process.on('exit', killAllNow);

main()
  .then(
    () => 0,
    (error: unknown) => {
      console.error('bench failed:', error instanceof Error ? (error.stack ?? error.message) : error);
      return 1;
    },
  )
  .then(async (code) => {
    await stopAll();
    loads?.close();
    if (build) removeAppCopy(build);
    clearTimeout(watchdog);
    process.exit(code);
  });

/**
 * `npm run bench`: SPEC §9's benchmark. Prepares the bench database, starts Rapport (production
 * build), the raw-SQL floor and PostGraphile on it, measures the four API scenarios on each at fixed
 * concurrency and the signed-in pages' time to first byte, writes bench/RESULTS.md, and stops every
 * process it started, also when something fails. Loopback only; about 3–6 minutes on 2 cores.
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
import { measureLoad, type RequestSpec, sendOnce, warmUp } from './load';
import { CpuMeter, type CpuShare } from './machine-load';
import { measurePage, type PageTiming } from './pages';
import { killAllNow, startProcess, type Started, stopAll, waitForHttp } from './processes';
import { describeStatement, type MachineInfo, renderResults, type RunResults, type ServerMeasurement } from './report';
import { type Scenario, type ScenarioKey, scenarios, searchTerm, type ServerName, serverNames } from './scenarios';
import { measureRapportStatements } from './statements';
import { WaitSampler } from './waits';

const root = process.cwd();
const benchDir = path.join(root, 'bench');
const workDir = path.join(benchDir, '.work');
const resultsFile = path.join(benchDir, 'RESULTS.md');
/** The whole run is abandoned after this long, whatever it is waiting for. */
const watchdogMs = 20 * 60_000;
const started = performance.now();

function log(message: string): void {
  const seconds = ((performance.now() - started) / 1000).toFixed(0).padStart(4);
  console.log(`[bench ${seconds}s] ${message}`);
}

function tsxArgs(script: string): string[] {
  return ['--import', 'tsx', path.join(benchDir, script)];
}

interface Servers {
  rapport: Started;
  floor: Started;
  postgraphile: Started;
}

function startServers(build: AppBuild, databaseUrl: string): Servers {
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: databaseUrl, BENCH_POOL_SIZE: String(benchConfig.poolSize), NODE_ENV: 'production' };
  const { ports } = benchConfig;
  const nextBin = path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next');
  return {
    rapport: startProcess('Rapport', process.execPath, [nextBin, 'start', '-p', String(ports.rapport), '-H', '127.0.0.1', build.appDir], {
      env: { ...env, NEXT_TELEMETRY_DISABLED: '1' },
      logFile: path.join(workDir, 'rapport.log'),
    }),
    floor: startProcess('raw SQL floor', process.execPath, tsxArgs('floor-server.ts'), {
      env: { ...env, PORT: String(ports.floor) },
      logFile: path.join(workDir, 'floor.log'),
    }),
    postgraphile: startProcess('PostGraphile', process.execPath, tsxArgs('postgraphile-server.ts'), {
      env: { ...env, PORT: String(ports.postgraphile) },
      logFile: path.join(workDir, 'postgraphile.log'),
    }),
  };
}

function baseUrl(server: ServerName): string {
  return `http://127.0.0.1:${benchConfig.ports[server]}`;
}

function requestFor(server: ServerName, scenario: Scenario, token: string): RequestSpec {
  const json = { 'content-type': 'application/json', accept: 'application/json' };
  switch (server) {
    case 'rapport':
      return {
        url: `${baseUrl(server)}/api/graphql`,
        method: 'POST',
        headers: { ...json, authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: scenario.rapport }),
      };
    case 'postgraphile':
      return { url: `${baseUrl(server)}/graphql`, method: 'POST', headers: json, body: JSON.stringify({ query: scenario.postgraphile }) };
    case 'floor':
      return { url: `${baseUrl(server)}${scenario.floorPath}`, method: 'GET', headers: { accept: 'application/json' } };
  }
}

/**
 * Pauses after a run: autocannon stops sending when its time is up, but the server still finishes
 * the requests it had accepted, which must not overlap the next measurement.
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

/** Checks each server's answer against the floor's, and learns the body every timed answer must equal. */
async function checkAnswers(token: string, rapportStatements: Map<ScenarioKey, { count: number; summary: string }>) {
  const checked = new Map<ScenarioKey, Map<ServerName, { body: string; answer: string; same: boolean; statements: number | null }>>();
  for (const scenario of scenarios) {
    const byServer = new Map<ServerName, { body: string; answer: string; same: boolean; statements: number | null }>();
    for (const server of serverNames) {
      const before = server === 'rapport' ? 0 : await statementsSoFar(server);
      const { status, body } = await sendOnce(requestFor(server, scenario, token));
      const statements = server === 'rapport' ? (rapportStatements.get(scenario.key)?.count ?? null) : (await statementsSoFar(server)) - before;
      let parsed: unknown = null;
      try {
        parsed = JSON.parse(body);
      } catch {
        // reported through the summary below
      }
      const answer = status === 200 ? scenario.summarize(parsed) : `HTTP ${status}: ${body.slice(0, 200)}`;
      byServer.set(server, { body, answer, same: false, statements });
    }
    const floorAnswer = byServer.get('floor')?.answer;
    for (const result of byServer.values()) result.same = result.answer === floorAnswer && !result.answer.startsWith('HTTP') && !result.answer.startsWith('errors');
    for (const [server, result] of byServer) {
      if (!result.same) log(`  ${scenario.key}: ${server} answered differently from the floor: ${result.answer.slice(0, 200)}`);
    }
    // The statements were counted on the checkout's source; the server runs the build.
    if (byServer.get('rapport')?.answer !== rapportStatements.get(scenario.key)?.summary) {
      log(`  ${scenario.key}: the production build answers differently from the source in the checkout: is the build stale?`);
    }
    checked.set(scenario.key, byServer);
  }
  return checked;
}

function machineInfo(postgres: string, build: AppBuild): MachineInfo {
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
  };
}

/** What each page must show, from the data, so a sign-in page or an error cannot pass as a result. */
function pageChecks(databaseUrl: string): Promise<{ path: string; expect: string }[]> {
  return withClient(databaseUrl, async (client) => {
    const first = async (sql: string) => (await client.query<{ value: string }>(sql)).rows[0]?.value ?? '';
    const acme = `(select id from groups where full_path = 'acme')`;
    return [
      { path: '/groups/acme/-/crm/contacts', expect: await first(`select email as value from customer_relations_contacts where group_id = ${acme} order by last_name, id limit 1`) },
      {
        path: `/groups/acme/-/crm/contacts?search=${searchTerm}`,
        expect: await first(
          `select email as value from customer_relations_contacts where group_id = ${acme}
             and (first_name || ' ' || last_name || ' ' || email || ' ' || coalesce(description, '')) ilike '%${searchTerm}%' order by last_name, id limit 1`,
        ),
      },
      {
        path: '/acme/website/-/issues/1',
        expect: await first(`select title as value from issues where iid = 1 and project_id = (select id from projects where full_path = 'acme/website')`),
      },
    ];
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

/** The build being served, so the copy can be removed at the end. */
let build: AppBuild | null = null;

async function main(): Promise<void> {
  mkdirSync(workDir, { recursive: true });
  log(`Database: ${benchConfig.databaseName} next to ${benchConfig.adminUrl.replace(/\/\/[^@]*@/, '//')}`);
  const database: BenchDatabase = await prepareBenchDatabase(log);
  log(`Data ready in ${database.secondsToPrepare.toFixed(0)} s: ${JSON.stringify(database.sizes)}`);

  build = await prepareAppBuild(workDir, log, benchConfig.rebuild);
  log(`Serving a copy of build ${build.buildId} (${build.builtAt.toISOString()}) from ${build.appDir}`);
  if (build.newerSources.length > 0) {
    log(
      `  The build is older than ${build.newerSources.length} source files (${build.newerSources.slice(0, 3).join(', ')}…): ` +
        'the server runs older code than the statement counts are taken from. BENCH_BUILD=1 rebuilds first.',
    );
  }

  log('Counting and explaining the SQL of one Rapport request per scenario (in-process)…');
  const rapportStatements = await measureRapportStatements(database.url, scenarios);
  for (const [key, report] of rapportStatements) log(`  ${key}: ${report.count} statements`);

  const token = createToken(database.url);
  const cookie = await sessionCookie(database.url);

  log('Starting Rapport, the raw SQL floor and PostGraphile…');
  const servers = startServers(build, database.url);
  await Promise.all([
    waitForHttp(servers.rapport, `${baseUrl('rapport')}/users/sign_in`, 120_000),
    waitForHttp(servers.floor, `${baseUrl('floor')}/__bench/statements`, 60_000),
    waitForHttp(servers.postgraphile, `${baseUrl('postgraphile')}/__bench/statements`, 120_000),
  ]);
  log('All three servers are up; checking that they give the same answers.');
  const checked = await checkAnswers(token, rapportStatements);

  const meter = new CpuMeter();
  const sampler = await WaitSampler.connect(database.url, describeStatement);
  const serverGroups = [servers.rapport.pid, servers.floor.pid, servers.postgraphile.pid];
  const measurements = new Map<ScenarioKey, Map<ServerName, ServerMeasurement>>();
  for (const scenario of scenarios) {
    const byServer = new Map<ServerName, ServerMeasurement>();
    for (const server of serverNames) {
      const check = checked.get(scenario.key)?.get(server);
      if (!check) continue;
      const spec = requestFor(server, scenario, token);
      const options = { connections: benchConfig.connections, expectBody: check.body };
      await drain(await warmUp(spec, { ...options, seconds: benchConfig.warmupSeconds }));
      meter.begin();
      sampler.start();
      const load = await measureLoad(spec, { ...options, seconds: benchConfig.durationSeconds });
      const waits = await sampler.stop();
      const cpu = meter.end(serverGroups, [process.pid, ...(await backendPids(database.url))]);
      byServer.set(server, { load, cpu, waits, statements: check.statements, sameAnswer: check.same, answer: check.answer });
      await drain(load.p99);
      log(
        `  ${scenario.key.padEnd(13)} ${server.padEnd(12)} ${load.requestsPerSecond.toFixed(0).padStart(6)} req/s  p50 ${load.p50} ms  p99 ${load.p99} ms` +
          `  non-2xx ${load.non2xx}  errors ${load.errors}  wrong bodies ${load.mismatches}  other load ${cpu ? cpu.others.toFixed(0) : '?'} %`,
      );
    }
    measurements.set(scenario.key, byServer);
  }
  await sampler.close();

  log('Timing the server-rendered pages…');
  const pages: (PageTiming & { cpu: CpuShare | null })[] = [];
  for (const page of await pageChecks(database.url)) {
    meter.begin();
    const timing = await measurePage(baseUrl('rapport'), page.path, cookie, benchConfig.pageSamples, page.expect);
    pages.push({ ...timing, cpu: meter.end(serverGroups, [process.pid, ...(await backendPids(database.url))]) });
    log(`  ${page.path}: TTFB p50 ${timing.ttfbP50.toFixed(1)} ms, p99 ${timing.ttfbP99.toFixed(1)} ms, status ${timing.status}${timing.contentOk ? '' : ' (unexpected content)'}`);
  }

  const results: RunResults = {
    machine: machineInfo(await postgresVersion(database.url), build),
    sizes: database.sizes,
    settings: {
      connections: benchConfig.connections,
      durationSeconds: benchConfig.durationSeconds,
      warmupSeconds: benchConfig.warmupSeconds,
      pageSamples: benchConfig.pageSamples,
      poolSize: benchConfig.poolSize,
    },
    scenarios,
    measurements,
    rapportStatements,
    pages,
    secondsTotal: (performance.now() - started) / 1000,
  };
  writeFileSync(resultsFile, renderResults(results));
  log(`Wrote ${path.relative(root, resultsFile)}.`);
}

const watchdog = setTimeout(() => {
  console.error(`bench: still running after ${watchdogMs / 60_000} minutes; stopping everything.`);
  killAllNow();
  process.exit(1);
}, watchdogMs);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    killAllNow();
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
    if (build) removeAppCopy(build);
    clearTimeout(watchdog);
    process.exit(code);
  });

/**
 * A quick instrument for work on the request path: runs the four API scenarios through the Yoga
 * handler in this process (no HTTP, no load generator) against the bench database, and reports per
 * request the node CPU (process.cpuUsage), the CPU of this database's PostgreSQL backends (from
 * /proc) and the SQL statements. `--save <dir>` writes each answer and its statements, to compare
 * answers byte for byte before and after a change.
 *
 *   BENCH_DATABASE_NAME=rapport_mine npx tsx bench/in-process.ts [requests per scenario] [--save dir] [--only key]
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { findUserByToken, storePersonalAccessToken } from '../server/auth/tokens';
import { countStatements, openPostgres, setDatabaseHandle } from '../server/db/client';
import { userId } from '../server/testing/graphql-client';
import { benchConfig } from './config';
import { prepareBenchDatabase } from './data';
import { buildScenarios } from './scenarios';

const args = process.argv.slice(2);
const optionValue = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const requests = Number(args.find((arg) => /^\d+$/.test(arg)) ?? 300);
const saveDir = optionValue('--save');
const only = optionValue('--only');

const database = await prepareBenchDatabase((message) => console.log(message));
const handle = openPostgres(database.url);
setDatabaseHandle(handle);
// Imported after the handle is set, so the handler uses the bench database.
const { yoga } = await import('../server/graphql/yoga');
const token = await storePersonalAccessToken(handle.db, { userId: await userId(handle.db, 'developer'), name: 'in-process bench', scopes: ['api'] });
await findUserByToken(handle.db, token);

async function send(body: string): Promise<string> {
  const response = await yoga.fetch('http://localhost/api/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', authorization: `Bearer ${token}` },
    body,
  });
  return response.text();
}

/** CPU µs used so far by the PostgreSQL backends connected to the bench database (this process's). */
async function postgresCpuMicros(): Promise<number> {
  const result = (await handle.db.execute(sql`select pid from pg_stat_activity where datname = ${benchConfig.databaseName}`)) as { rows: { pid: number }[] };
  let ticks = 0;
  for (const { pid } of result.rows) {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // The backend has ended.
    }
  }
  return ticks * 10_000;
}

// Only the read scenarios: their fixture values (the update's contact, the pages' texts) are unused here.
const selected = buildScenarios({ contactId: 0, contactsPageText: '', issuePageText: '' }).flatMap((scenario) => {
  const body = scenario.kind === 'read' ? scenario.targets.rapport?.bodies[0] : undefined;
  return body && (!only || scenario.key === only) ? [{ ...scenario, rapport: body }] : [];
});

const cpuLines = new Map<string, string>();
// CPU first: counting statements switches AsyncLocalStorage's promise hooks on for the whole process.
for (const scenario of selected) {
  for (let i = 0; i < Math.min(requests, 100); i++) await send(scenario.rapport);
  const postgresBefore = await postgresCpuMicros();
  const cpu = process.cpuUsage();
  const started = performance.now();
  for (let i = 0; i < requests; i++) await send(scenario.rapport);
  const used = process.cpuUsage(cpu);
  const wall = performance.now() - started;
  const postgres = (await postgresCpuMicros()) - postgresBefore;
  const perRequest = (micros: number) => String(Math.round(micros / requests)).padStart(6);
  cpuLines.set(
    scenario.key,
    `${scenario.key.padEnd(14)} node ${perRequest(used.user + used.system)} µs  pg ${perRequest(postgres)} µs  wall ${(wall / requests).toFixed(2).padStart(6)} ms`,
  );
}
if (saveDir) mkdirSync(saveDir, { recursive: true });
for (const scenario of selected) {
  // The statements of a client in steady use: the access facts of the last few seconds are cached.
  await send(scenario.rapport);
  const { result: body, statements } = await countStatements(() => send(scenario.rapport));
  if (saveDir) {
    writeFileSync(`${saveDir}/${scenario.key}.json`, body);
    writeFileSync(`${saveDir}/${scenario.key}.sql`, statements.join('\n;\n'));
  }
  console.log(`${cpuLines.get(scenario.key)}  ${statements.length} statements  ${scenario.summarize(JSON.parse(body)).slice(0, 40)}`);
}
await handle.close();

/**
 * The customer report on the bench data (10,000 organizations, 100,000 contacts, the generated
 * issues and their contacts) plus 200,000 timelogs spread over the last year: the API query a
 * script would send (`Group.rapportCustomerReport`), run through the app's Yoga handler in this
 * process as a Reporter, for this month and for the last twelve months. Prints the timings and
 * the statements, and writes bench/CUSTOMER-REPORT.md. Loopback only, like `npm run bench`.
 *
 *   npm run bench:report [-- runs]   (its own database, rapport_bench_time: the timelogs stay out of `npm run bench`'s)
 */
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { findUserByToken, storePersonalAccessToken } from '../server/auth/tokens';
import { countStatements, openPostgres, setDatabaseHandle } from '../server/db/client';
import { userId } from '../server/testing/graphql-client';
import { prepareBenchDatabase } from './data';

const timelogTarget = 200_000;
const runs = Number(process.argv.slice(2).find((arg) => /^\d+$/.test(arg)) ?? 20);

const database = await prepareBenchDatabase((message) => console.log(message));
const handle = openPostgres(database.url);
setDatabaseHandle(handle);
// Imported after the handle is set, so the handler uses the bench database.
const { yoga } = await import('../server/graphql/yoga');

const rowsOf = async <T>(query: ReturnType<typeof sql>) => ((await handle.db.execute(query)) as unknown as { rows: T[] }).rows;

const [{ count: existing } = { count: 0 }] = await rowsOf<{ count: number }>(sql`select count(*)::int as count from timelogs`);
if (existing < timelogTarget) {
  console.log(`Adding ${timelogTarget - existing} timelogs.`);
  // Every issue of the data gets timelogs of 15 min to 4 h, one a day going back a year.
  await handle.db.execute(sql`insert into timelogs (issue_id, user_id, time_spent, spent_at)
    select ids[1 + n % array_length(ids, 1)], (select id from users where username = 'developer'),
      900 * (1 + n % 16), now() - make_interval(days => n % 365, hours => n % 24)
    from generate_series(1, ${timelogTarget - existing}::int) as n, (select array_agg(id order by id) as ids from issues) as i`);
  await handle.db.execute(sql`analyze timelogs`);
}
const [sizes] = await rowsOf<{ organizations: number; contacts: number; issues: number; links: number; timelogs: number }>(sql`select
  (select count(*)::int from customer_relations_organizations o join groups g on g.id = o.group_id where g.full_path = 'acme') as organizations,
  (select count(*)::int from customer_relations_contacts c join groups g on g.id = c.group_id where g.full_path = 'acme') as contacts,
  (select count(*)::int from issues) as issues,
  (select count(*)::int from issue_customer_relations_contacts) as links,
  (select count(*)::int from timelogs) as timelogs`);

const token = await storePersonalAccessToken(handle.db, { userId: await userId(handle.db, 'reporter'), name: 'customer report bench', scopes: ['api'] });
await findUserByToken(handle.db, token);

const day = (date: Date) => date.toISOString().slice(0, 10);
const today = new Date();
const yearAgo = new Date(Date.UTC(today.getUTCFullYear() - 1, today.getUTCMonth(), today.getUTCDate() + 1));
const periods: { label: string; variables: Record<string, string> }[] = [
  { label: 'this month (the default)', variables: {} },
  { label: 'the last twelve months', variables: { from: day(yearAgo), to: day(today) } },
];
const query = `query($from: String, $to: String) { group(fullPath: "acme") { rapportCustomerReport(from: $from, to: $to) {
  organizations { organizationId name hours billableAmount linkedIssues issuesOpened issuesClosed sharedIssues } totals { hours billableAmount } } } }`;

async function send(variables: Record<string, string>): Promise<string> {
  const response = await yoga.fetch('http://localhost/api/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  return response.text();
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
const lines: string[] = [];
for (const period of periods) {
  for (let warm = 0; warm < 3; warm++) await send(period.variables);
  const { result: answer, statements } = await countStatements(() => send(period.variables));
  const parsed = JSON.parse(answer) as { errors?: unknown; data?: { group: { rapportCustomerReport: { organizations: unknown[]; totals: { hours: number } } } } };
  if (parsed.errors || !parsed.data) throw new Error(`The report failed: ${answer.slice(0, 500)}`);
  const timings: number[] = [];
  for (let run = 0; run < runs; run++) {
    const start = performance.now();
    await send(period.variables);
    timings.push(performance.now() - start);
  }
  timings.sort((a, b) => a - b);
  const report = parsed.data.group.rapportCustomerReport;
  const line = `| ${period.label} | ${report.organizations.length} | ${report.totals.hours} | ${statements.length} | ${percentile(timings, 50).toFixed(0)} ms | ${percentile(timings, 95).toFixed(0)} ms | ${(answer.length / 1024).toFixed(0)} KiB |`;
  console.log(line);
  lines.push(line);
}

const markdown = `# Customer report benchmark

\`npm run bench:report -- ${runs}\`, ${new Date().toISOString().slice(0, 16)}Z, ${os.cpus().length} CPUs
(${os.cpus()[0]?.model ?? 'unknown'}), PostgreSQL on loopback, the machine shared with other work.

Data: ${sizes!.organizations} organizations and ${sizes!.contacts} contacts in \`acme\`, ${sizes!.issues} issues, ${sizes!.links} issue–contact
links, ${sizes!.timelogs} timelogs spread over the last year. The whole API request (parse, permission checks, the report's SQL,
the JSON answer with every organization) through the app's Yoga handler in one process, as a Reporter, ${runs} runs after 3 warm-ups.

| period | organizations | hours | statements | median | p95 | answer |
|---|---|---|---|---|---|---|
${lines.join('\n')}
`;
writeFileSync(path.join(process.cwd(), 'bench', 'CUSTOMER-REPORT.md'), markdown);
await handle.close();

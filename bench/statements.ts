/**
 * SQL statements per Rapport request, counted in-process: each API scenario runs once through the app's
 * own Yoga handler (`server/graphql/yoga.ts`) on the bench database inside `countStatements`, and
 * every statement it ran is then EXPLAIN ANALYZEd (in a rolled-back transaction) so the report can
 * show where the database time goes.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { Client } from 'pg';
import { createPersonalAccessToken } from '../server/auth/tokens';
import { countStatements, openPostgres, setDatabaseHandle } from '../server/db/client';
import type { Scenario, ScenarioKey } from './scenarios';

export interface PlanSummary {
  sql: string;
  executionMs: number;
  planningMs: number;
  /** Notable plan nodes, e.g. "Seq Scan on customer_relations_contacts (100000 rows)". */
  notes: string[];
  text: string;
}

export interface StatementReport {
  /** Statements counted by the app's `countStatements`. */
  count: number;
  /** Statements the `pg` driver sent. */
  driverCount: number;
  /** The answer's summary (as `Scenario.summarize` gives it; a mutation's to its last body), to compare with the servers'. */
  summary: string;
  plans: PlanSummary[];
}

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  'Actual Rows'?: number;
  'Actual Loops'?: number;
  'Rows Removed by Filter'?: number;
  'Sort Method'?: string;
  'Sort Space Used'?: number;
  Plans?: PlanNode[];
}

interface ExplainOutput {
  Plan: PlanNode;
  'Planning Time': number;
  'Execution Time': number;
}

/** Nodes worth a line in the report: scans that read many rows, and sorts. */
function notableNodes(node: PlanNode, notes: string[] = []): string[] {
  const rows = (node['Actual Rows'] ?? 0) * (node['Actual Loops'] ?? 1);
  const removed = (node['Rows Removed by Filter'] ?? 0) * (node['Actual Loops'] ?? 1);
  const on = node['Relation Name'] ? ` on ${node['Relation Name']}` : '';
  const using = node['Index Name'] ? ` using ${node['Index Name']}` : '';
  const type = node['Node Type'];
  if (type.includes('Scan') && rows + removed > 1000) {
    notes.push(`${type}${using}${on}: ${rows} rows${removed > 0 ? `, ${removed} removed by filter` : ''}`);
  }
  if (type === 'Sort') notes.push(`Sort of ${rows} rows (${node['Sort Method'] ?? '?'})`);
  for (const child of node.Plans ?? []) notableNodes(child, notes);
  return notes;
}

const milliseconds = (text: string, label: string) => Number(new RegExp(`${label}: ([\\d.]+) ms`).exec(text)?.[1] ?? Number.NaN);

/**
 * EXPLAIN ANALYZE twice in a transaction that is rolled back: the JSON run (which also warms the
 * cache) gives the notable nodes, the text run the plan and timings shown.
 */
async function explain(client: Client, sql: string, params: unknown[]): Promise<PlanSummary> {
  await client.query('begin');
  try {
    const json = await client.query<{ 'QUERY PLAN': ExplainOutput[] }>(`explain (analyze, buffers, format json) ${sql}`, params);
    const output = json.rows[0]?.['QUERY PLAN'][0];
    if (!output) throw new Error('EXPLAIN returned nothing');
    const lines = await client.query<{ 'QUERY PLAN': string }>(`explain (analyze, buffers) ${sql}`, params);
    const text = lines.rows.map((row) => row['QUERY PLAN']).join('\n');
    return {
      sql,
      executionMs: milliseconds(text, 'Execution Time'),
      planningMs: milliseconds(text, 'Planning Time'),
      notes: [...new Set(notableNodes(output.Plan))],
      text,
    };
  } finally {
    await client.query('rollback');
  }
}

interface CapturedStatement {
  sql: string;
  params: unknown[];
}

const capture = new AsyncLocalStorage<CapturedStatement[]>();
let driverPatched = false;

/** Records every statement the `pg` driver sends inside `capture.run`, with its parameters. */
function patchDriver(): void {
  if (driverPatched) return;
  driverPatched = true;
  const original = Client.prototype.query as unknown as (this: Client, ...args: unknown[]) => unknown;
  (Client.prototype as unknown as { query: typeof original }).query = function query(this: Client, ...args: unknown[]) {
    // query(text, values?) or query({ text, values? }, values?)
    const [first, second] = args;
    const config = typeof first === 'string' ? { text: first } : (first as { text?: string; values?: unknown } | undefined);
    const values = Array.isArray(second) ? second : Array.isArray(config?.values) ? config.values : [];
    if (config?.text) capture.getStore()?.push({ sql: config.text, params: values });
    return original.apply(this, args);
  };
}

/**
 * Runs each scenario once through Rapport's GraphQL handler, in this process, on `databaseUrl`, and
 * counts its statements twice: with the app's own `countStatements` (Drizzle's logger) and at the
 * `pg` driver (which also sees anything sent around Drizzle).
 */
export async function measureRapportStatements(
  databaseUrl: string,
  scenarios: readonly Scenario[],
): Promise<Map<ScenarioKey, StatementReport>> {
  patchDriver();
  const handle = openPostgres(databaseUrl, { max: 2 });
  setDatabaseHandle(handle);
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  // Imported only now: the schema module is large, and it must find the database set above.
  const { yoga } = await import('../server/graphql/yoga');
  const reports = new Map<ScenarioKey, StatementReport>();
  try {
    const { rows } = await client.query<{ id: number }>(`select id from users where lower(username) = 'developer'`);
    if (!rows[0]) throw new Error('No user "developer" in the bench database');
    const token = await createPersonalAccessToken(handle.db, { userId: rows[0].id, name: 'bench statements', scopes: ['api'] });
    for (const scenario of scenarios) {
      const target = scenario.targets.rapport;
      if (scenario.kind === 'page' || !target) continue;
      const send = async (body: string) => {
        const response = await yoga.fetch('http://localhost/api/graphql', {
          method: 'POST',
          headers: { 'content-type': 'application/json', accept: 'application/json', authorization: `Bearer ${token}` },
          body,
        });
        return (await response.json()) as unknown;
      };
      // Once unmeasured, so lazily built caches do not count; a mutation's last body is the one measured.
      await send(target.bodies[0] ?? '');
      const captured: CapturedStatement[] = [];
      const { result, statements } = await capture.run(captured, () => countStatements(() => send(target.bodies.at(-1) ?? '')));
      const plans: PlanSummary[] = [];
      for (const statement of captured) {
        // A mutation's `begin`, `commit` or `savepoint` has no plan.
        const explainable = /^\s*(select|insert|update|delete|with)\b/i.test(statement.sql);
        plans.push(explainable ? await explain(client, statement.sql, statement.params) : { sql: statement.sql, executionMs: Number.NaN, planningMs: Number.NaN, notes: [], text: '' });
      }
      reports.set(scenario.key, { count: statements.length, driverCount: captured.length, summary: scenario.summarize(result), plans });
    }
  } finally {
    await client.end();
    await handle.close();
  }
  return reports;
}

/** Writes the results of a run as Markdown (`bench/RESULTS.md`) and as JSON (`bench/results.json`). */
import type { DataSizes } from './data';
import type { AnswerCheck, LoadResult } from './load';
import type { CpuShare } from './machine-load';
import type { PageTiming } from './pages';
import { implementationOf, type Scenario, type ScenarioKey, type ServerName, serverLabels, serverNames } from './scenarios';
import type { ServerUsage } from './server-cpu';
import type { PlanSummary, StatementReport } from './statements';
import type { WaitShare } from './waits';

export interface MachineInfo {
  date: string;
  cpu: string;
  cores: number;
  memoryGiB: number;
  os: string;
  node: string;
  postgres: string;
  commit: string;
  uncommittedFiles: number;
  buildId: string;
  builtAt: string;
  /** Source files changed after the build. */
  newerSources: number;
  loadGenerator: string;
}

/** A server's answers checked before the timed runs. */
export interface Checked {
  /** What every timed answer must be. */
  check: AnswerCheck;
  /** The first answer, reduced to its records (or, for a page, its size). */
  answer: string;
  /** Same records as the floor's answer (a page: it showed what it must). */
  same: boolean;
  /** SQL statements one request ran (null when unknown). */
  statements: number | null;
}

/** One timed run of a scenario on a server. */
export interface Sample {
  load: LoadResult;
  usage: ServerUsage;
  /** How busy the rest of the machine was. */
  share: CpuShare | null;
  /** What the database backends were doing, sampled during the run. */
  waits: WaitShare[];
}

export interface RunResults {
  machine: MachineInfo;
  sizes: DataSizes;
  settings: { connections: number; durationSeconds: number; warmupSeconds: number; rounds: number; pageSamples: number; poolSize: number; quick: boolean };
  scenarios: readonly Scenario[];
  checked: Map<ScenarioKey, Map<ServerName, Checked>>;
  samples: Map<ScenarioKey, Map<ServerName, Sample[]>>;
  rapportStatements: Map<ScenarioKey, StatementReport>;
  /** Pages timed one request at a time. */
  pages: PageTiming[];
  /** bench/HISTORY.md, included as it is. */
  history: string;
  secondsTotal: number;
}

export function median(values: number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? Number.NaN) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

/** A scenario on a server over all rounds: medians, the spread of requests/s, the sums of errors. */
export interface Cell {
  rounds: number;
  rps: number;
  rpsMin: number;
  rpsMax: number;
  p50: number;
  p99: number;
  non2xx: number;
  /** Connection errors, timeouts and answers that failed the check, over all rounds. */
  errors: number;
  nodeCpuUs: number;
  pgCpuUs: number;
  /** At the end of the last round. */
  rssMb: number;
  processes: number;
  othersPercent: number;
  /** Those of the round with the median requests/s. */
  waits: WaitShare[];
  statements: number | null;
  same: boolean;
  answer: string;
}

export function cellOf(results: RunResults, scenario: ScenarioKey, server: ServerName): Cell | null {
  const samples = results.samples.get(scenario)?.get(server) ?? [];
  const checked = results.checked.get(scenario)?.get(server);
  if (samples.length === 0 || !checked) return null;
  const rps = samples.map((sample) => sample.load.requestsPerSecond);
  const perRequest = (pick: (usage: ServerUsage) => number) => median(samples.map((sample) => (pick(sample.usage) * 1e6) / Math.max(1, sample.load.requests)));
  const middle = [...samples].sort((a, b) => a.load.requestsPerSecond - b.load.requestsPerSecond)[Math.floor((samples.length - 1) / 2)];
  const last = samples.at(-1);
  return {
    rounds: samples.length,
    rps: median(rps),
    rpsMin: Math.min(...rps),
    rpsMax: Math.max(...rps),
    p50: median(samples.map((sample) => sample.load.p50)),
    p99: median(samples.map((sample) => sample.load.p99)),
    non2xx: samples.reduce((total, sample) => total + sample.load.non2xx, 0),
    errors: samples.reduce((total, sample) => total + sample.load.errors + sample.load.mismatches, 0),
    nodeCpuUs: perRequest((usage) => usage.nodeSeconds),
    pgCpuUs: perRequest((usage) => usage.pgSeconds),
    rssMb: (last?.usage.rssBytes ?? 0) / 2 ** 20,
    processes: last?.usage.processes ?? 0,
    othersPercent: median(samples.map((sample) => sample.share?.others ?? Number.NaN).filter((value) => !Number.isNaN(value))),
    waits: middle?.waits ?? [],
    statements: checked.statements,
    same: checked.same,
    answer: checked.answer,
  };
}

const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

export function formatNumber(value: number | null | undefined, digits = 0): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '–';
  if (digits === 0) return integer.format(value);
  return value.toFixed(digits);
}

/** Milliseconds: one decimal below 10, none above. */
export function formatMs(value: number | null | undefined): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '–';
  return value < 10 ? value.toFixed(1) : integer.format(value);
}

export function markdownTable(header: string[], rows: string[][], align?: ('l' | 'r')[]): string {
  const escape = (cell: string) => cell.replaceAll('|', '\\|').replaceAll('\n', ' ');
  const rule = header.map((_, index) => ((align?.[index] ?? 'l') === 'r' ? '---:' : '---'));
  return [header, rule, ...rows.map((row) => row.map(escape))].map((row) => `| ${row.join(' | ')} |`).join('\n');
}

/** "select customer_relations_contacts ⋈ customer_relations_organizations" from a statement's SQL. */
export function describeStatement(sql: string): string {
  const verb = sql.trim().split(/\s+/)[0]?.toLowerCase() ?? '?';
  const tables: string[] = [];
  // `from "public"."groups"` as well as `from "groups"`; subqueries (`from (select …`) have no name.
  for (const match of sql.matchAll(/\b(?:from|join|update|into)\s+(?:"?\w+"?\.)?"?([a-z_]+)"?/gi)) {
    const table = match[1];
    if (table && !tables.includes(table) && !['select', 'lateral'].includes(table.toLowerCase())) tables.push(table);
  }
  return `${verb} ${tables.join(', ') || '…'}`;
}

function letter(index: number): string {
  return String.fromCharCode('a'.charCodeAt(0) + index);
}

/** Servers the scenario was measured on, and those that cannot answer it with the reason. */
function rowsOf(scenario: Scenario): { server: ServerName; missing?: string }[] {
  return serverNames.map((server) => {
    const implementation = implementationOf(server);
    return scenario.targets[implementation] ? { server } : { server, missing: scenario.missing[implementation] ?? 'not measured' };
  });
}

function rpsCell(cell: Cell): string {
  return cell.rounds > 1 ? `${formatNumber(cell.rps)} (${formatNumber(cell.rpsMin)}–${formatNumber(cell.rpsMax)})` : formatNumber(cell.rps);
}

function scenarioSection(results: RunResults, scenario: Scenario, index: number): string {
  const floor = cellOf(results, scenario.key, 'floor');
  const rows = rowsOf(scenario).map(({ server, missing }) => {
    const cell = missing ? null : cellOf(results, scenario.key, server);
    if (!cell) return [serverLabels[server], missing ? `not measured: ${missing}` : '–', '', '', '', '', '', '', '', '', '', '', ''];
    return [
      serverLabels[server],
      rpsCell(cell),
      floor && server !== 'floor' ? `${formatNumber((100 * cell.rps) / floor.rps)} %` : '',
      formatMs(cell.p50),
      formatMs(cell.p99),
      formatNumber(cell.non2xx),
      formatNumber(cell.errors),
      formatNumber(cell.nodeCpuUs),
      formatNumber(cell.pgCpuUs),
      formatNumber(cell.statements, cell.statements !== null && !Number.isInteger(cell.statements) ? 1 : 0),
      `${formatNumber(cell.rssMb)} (${cell.processes})`,
      cell.same ? 'yes' : '**no**',
      `${formatNumber(cell.othersPercent)} %`,
    ];
  });
  const differing = serverNames
    .map((server) => ({ server, cell: cellOf(results, scenario.key, server) }))
    .filter(({ cell }) => cell && !cell.same)
    .map(({ server, cell }) => `- ${serverLabels[server]} answered: \`${cell?.answer.slice(0, 300)}\``);
  const reference = floor ? `Floor's answer: \`${floor.answer.slice(0, 160)}${floor.answer.length > 160 ? '…' : ''}\`` : '';
  return [
    `### (${letter(index)}) ${scenario.title}`,
    '',
    `${scenario.description}. ${reference}`.trim(),
    '',
    markdownTable(
      [
        'server',
        'requests/s median (min–max)',
        'of floor',
        'p50 ms',
        'p99 ms',
        'non-2xx',
        'errors + wrong bodies',
        'node CPU µs / request',
        'PostgreSQL CPU µs / request',
        'SQL statements / request',
        'RSS MB (processes)',
        scenario.kind === 'page' ? 'page as expected' : 'same records as floor',
        'other load on machine',
      ],
      rows,
      ['l', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'l', 'r'],
    ),
    ...(differing.length > 0 ? ['', ...differing] : []),
    '',
    'Database backends during the median round (share of sampled active backends):',
    '',
    ...rowsOf(scenario)
      .filter(({ missing }) => !missing)
      .map(({ server }) => {
        const waits = cellOf(results, scenario.key, server)?.waits ?? [];
        const text = waits.map((wait) => `${wait.activity} ${formatNumber(wait.percent)} %`).join('; ');
        return `- ${serverLabels[server]}: ${text || 'no active backend seen'}`;
      }),
  ].join('\n');
}

function summaryTable(results: RunResults): string {
  const rows = results.scenarios.map((scenario, index) => [
    `(${letter(index)}) ${scenario.title}`,
    ...rowsOf(scenario).map(({ server, missing }) => {
      const cell = missing ? null : cellOf(results, scenario.key, server);
      return cell ? `${formatNumber(cell.rps)} / ${formatMs(cell.p50)} / ${formatNumber(cell.nodeCpuUs)}` : missing ? 'n/a' : '–';
    }),
  ]);
  return markdownTable(
    ['scenario (req/s median / p50 ms / node CPU µs per request)', ...serverNames.map((server) => serverLabels[server])],
    rows,
    ['l', ...serverNames.map((): 'r' => 'r')],
  );
}

function pagesTable(pages: PageTiming[]): string {
  return markdownTable(
    ['page', 'status', 'TTFB p50 ms', 'TTFB p99 ms', 'full page p50 ms', 'full page p99 ms', 'KiB', 'content as expected'],
    pages.map((page) => [
      `\`${page.path}\``,
      String(page.status),
      formatMs(page.ttfbP50),
      formatMs(page.ttfbP99),
      formatMs(page.totalP50),
      formatMs(page.totalP99),
      formatNumber(page.bytes / 1024),
      page.contentOk ? 'yes' : '**no**',
    ]),
    ['l', 'r', 'r', 'r', 'r', 'r', 'r', 'l'],
  );
}

function planRows(plans: PlanSummary[]): string[][] {
  return plans.map((plan, index) => [
    String(index + 1),
    describeStatement(plan.sql),
    formatNumber(plan.planningMs, 2),
    formatNumber(plan.executionMs, 2),
    plan.notes.join('; ') || '',
  ]);
}

function plansSection(results: RunResults): string {
  const parts: string[] = [];
  results.scenarios.forEach((scenario, index) => {
    const report = results.rapportStatements.get(scenario.key);
    if (!report) return;
    parts.push(
      `#### (${String.fromCharCode(97 + index)}) ${scenario.title}: ${report.count} statements (${report.driverCount} at the driver)`,
      '',
      markdownTable(['#', 'statement', 'planning ms', 'execution ms', 'notable plan nodes'], planRows(report.plans), ['r', 'l', 'r', 'r', 'l']),
      '',
    );
    const slow = report.plans.filter((plan) => plan.executionMs >= 1);
    for (const plan of slow) {
      parts.push(
        '<details><summary>' + `plan of statement ${report.plans.indexOf(plan) + 1} (${formatNumber(plan.executionMs, 1)} ms)` + '</summary>',
        '',
        '```sql',
        plan.sql.replace(/\s+/g, ' ').trim(),
        '```',
        '',
        '```',
        plan.text,
        '```',
        '',
        '</details>',
        '',
      );
    }
  });
  return parts.join('\n');
}

/** Issue 9's bar, single process against single process: ≥ 1.5× PostGraphile, and a third of the floor for the first three. */
const floorShareTargets: readonly ScenarioKey[] = ['contacts', 'search', 'issueContacts'];

/** The paragraphs under "What this says", from the numbers of this run. */
export function findings(results: RunResults): string[] {
  const lines: string[] = [];
  const api = results.scenarios.filter((scenario) => scenario.kind !== 'page');
  const describe = (scenario: Scenario) => {
    const rapport = cellOf(results, scenario.key, 'rapport');
    const floor = cellOf(results, scenario.key, 'floor');
    const postgraphile = cellOf(results, scenario.key, 'postgraphile');
    if (!rapport) return `${scenario.title.toLowerCase()} not measured`;
    const parts = [];
    if (floor) {
      const share = rapport.rps / floor.rps;
      const target = floorShareTargets.includes(scenario.key) ? (share >= 1 / 3 ? ' (target ≥ 33 % met)' : ' (target ≥ 33 % not met)') : '';
      parts.push(`${formatNumber(100 * share)} % of the floor${target}`);
    }
    if (postgraphile) {
      const ratio = rapport.rps / postgraphile.rps;
      parts.push(`${formatNumber(ratio, 2)}× PostGraphile (target ≥ 1.5× ${ratio >= 1.5 ? 'met' : 'not met'})`);
    }
    return `${scenario.title.toLowerCase()} ${parts.join(', ')}`;
  };
  lines.push(`Rapport (one process), median requests/s, scenario by scenario: ${api.map(describe).join('; ')}.`);

  const workers = results.scenarios
    .map((scenario) => ({ scenario, one: cellOf(results, scenario.key, 'rapport'), two: cellOf(results, scenario.key, 'rapport-2-workers') }))
    .filter(({ one, two }) => one && two)
    .map(({ scenario, one, two }) => `${scenario.title.toLowerCase()} ${formatNumber((two?.rps ?? 0) / (one?.rps ?? 1), 2)}×`);
  const twoProcesses = results.scenarios.map((scenario) => cellOf(results, scenario.key, 'rapport-2-workers')?.processes ?? 0).find((count) => count > 0) ?? 0;
  if (workers.length > 0) {
    lines.push(
      `With \`RAPPORT_WORKERS=2\` (${twoProcesses} processes in its tree, against ${cellOf(results, 'contacts', 'rapport')?.processes ?? '?'} for one), ` +
        `Rapport's requests/s relative to one process: ${workers.join('; ')}. On ${results.machine.cores} cores the load generator and PostgreSQL share the same CPUs.`,
    );
  }

  const slowStatements = results.scenarios.flatMap((scenario) =>
    (results.rapportStatements.get(scenario.key)?.plans ?? [])
      .filter((plan) => plan.executionMs >= 5 || plan.notes.some((note) => note.includes('Scan')))
      .map((plan) => `${scenario.title.toLowerCase()}: \`${describeStatement(plan.sql)}\` ${formatNumber(plan.executionMs, 1)} ms (${plan.notes.join('; ') || 'no notable node'})`),
  );
  if (slowStatements.length > 0) {
    lines.push(`Statements that read far more rows than they return (EXPLAIN ANALYZE, below): ${slowStatements.join('; ')}.`);
  }
  const counts = (server: ServerName) => api.map((scenario) => formatNumber(results.checked.get(scenario.key)?.get(server)?.statements, 0)).join(' / ');
  const first = results.scenarios[0];
  const firstPlans = first ? (results.rapportStatements.get(first.key)?.plans ?? []) : [];
  lines.push(
    `SQL statements per request (${api.map((scenario) => scenario.title.toLowerCase()).join(' / ')}): Rapport ${counts('rapport')}, ` +
      `PostGraphile ${counts('postgraphile')}, the floor ${counts('floor')}. ` +
      (first ? `Rapport's for the ${first.title.toLowerCase()}, in order: ${firstPlans.map((plan) => `\`${describeStatement(plan.sql)}\``).join(', ')}.` : ''),
  );
  const rapportWaits = api
    .map((scenario) => ({ scenario, top: cellOf(results, scenario.key, 'rapport')?.waits[0] }))
    .filter(({ top }) => top)
    .map(({ scenario, top }) => `${scenario.title.toLowerCase()}: ${top?.activity} (${formatNumber(top?.percent)} % of samples)`);
  if (rapportWaits.length > 0) lines.push(`What Rapport's database backends were doing most under load: ${rapportWaits.join('; ')}.`);

  const shares = [...results.samples.values()].flatMap((byServer) => [...byServer.values()].flat()).map((sample) => sample.share?.others ?? 0);
  const noisy = shares.filter((others) => others >= 15);
  if (noisy.length > 0) {
    lines.push(
      `Noise: during ${noisy.length} of the ${shares.length} measurements other processes on this machine used 15 % of its CPU or more (column "other load", ` +
        'the median over the rounds), so those numbers are lower and more spread than on a quiet machine; CPU per request is the steadier figure.',
    );
  } else {
    lines.push('Other processes used less than 15 % of the machine during every measurement, so the numbers are not visibly disturbed.');
  }
  return lines;
}

export function renderResults(results: RunResults): string {
  const { machine, sizes, settings } = results;
  return [
    '# Rapport benchmark results',
    '',
    `Written by \`npm run bench${settings.quick ? ' -- --quick' : ''}\` (bench/run.ts) on ${machine.date}, in ${formatNumber(results.secondsTotal)} s. ` +
      (settings.quick ? '**A one-round smoke check: not numbers to compare.** ' : '') +
      'Rerun it to replace this file; the History section comes from bench/HISTORY.md.',
    '',
    '## Machine and build',
    '',
    markdownTable(
      ['', ''],
      [
        ['CPU', `${machine.cpu}, ${machine.cores} cores (nproc), ${formatNumber(machine.memoryGiB)} GiB RAM`],
        ['OS', machine.os],
        ['Node.js', machine.node],
        ['PostgreSQL', machine.postgres],
        [
          'app',
          `commit ${machine.commit}${machine.uncommittedFiles > 0 ? ` with ${machine.uncommittedFiles} uncommitted files in the checkout` : ''}; ` +
            `production build ${machine.buildId} from ${machine.builtAt}` +
            (machine.newerSources > 0
              ? ` — **older than ${machine.newerSources} source files**: the server ran older code than the one whose statements are counted below`
              : ', up to date with the source'),
        ],
        ['load generator', machine.loadGenerator],
      ],
    ),
    '',
    '## Data',
    '',
    markdownTable(
      ['in group `acme` / project `acme/website`', 'rows'],
      [
        ['contacts', formatNumber(sizes.contacts)],
        ['organizations', formatNumber(sizes.organizations)],
        ['issues in acme/website', formatNumber(sizes.issues)],
        ['issue–contact links (all projects)', formatNumber(sizes.issueContacts)],
        ['contacts matching "john"', formatNumber(sizes.searchMatches)],
      ],
      ['l', 'r'],
    ),
    '',
    '## Method',
    '',
    `- Four servers on loopback, each process with a pool of ${settings.poolSize} PostgreSQL connections to the same database: **Rapport** (the production build ` +
      'started by `npm start`\'s `node scripts/start.mjs`, `POST /api/graphql` with a personal access token of user `developer`, pages with its session cookie), ' +
      'once as one process and once with `RAPPORT_WORKERS=2`; the **raw SQL floor** (bench/floor-server.ts: `node:http`, one prepared `pg` ' +
      'statement per request, `JSON.stringify`, no authentication); **PostGraphile 5** (bench/postgraphile-server.ts: Amber preset, its own schema names, no authentication, ' +
      'a SQL function for the search).',
    `- ${settings.rounds} round(s); in each, every scenario on every server: ${settings.warmupSeconds} s warm-up, then ${settings.durationSeconds} s at ` +
      `${settings.connections} concurrent connections, generated by ${machine.loadGenerator} in a process of its own on the same machine; the servers' order rotates ` +
      'from round to round. Tables show the median over the rounds (requests/s also its min–max) and the errors summed over them.',
    '- Before timing, one answer from each server is reduced to the records it lists and compared with the floor\'s ("same records"). During the runs every answer ' +
      'of a read must equal that first one byte for byte, every answer of the update one of the two answers checked for its two alternating bodies, and every page ' +
      'must be HTML with status 200 showing the expected record ("wrong bodies").',
    '- Node CPU per request: user + system time of the server\'s whole process tree over the measured window, from /proc, divided by the requests answered. ' +
      'PostgreSQL CPU per request: the same for the backends of that server\'s connections (found in pg_stat_activity by the client ports of the tree\'s connections, or by `application_name`). RSS: the process tree\'s resident ' +
      'memory at the end of the last round, with the number of processes in the tree.',
    '- SQL statements per request: for Rapport, one request of each API scenario run in-process through the app\'s Yoga handler on the bench database and counted with ' +
      '`countStatements` (server/db/client.ts), cross-checked at the `pg` driver; each statement is then EXPLAIN ANALYZEd (rolled back). For the floor and ' +
      'PostGraphile, the statements their pools ran for one request. Not counted for pages.',
    '- "Other load": the share of the machine\'s CPU used by processes other than the servers, their PostgreSQL backends, the orchestrator and its load generator ' +
      'during the measurement (from /proc).',
    `- Pages one at a time: ${settings.pageSamples} sequential requests each (after 5 unmeasured) on one keep-alive connection to the one-process Rapport, signed in ` +
      'as `developer`; TTFB is the time to the response headers, "full page" to the last byte of the streamed HTML.',
    '',
    '## Scenarios',
    '',
    summaryTable(results),
    '',
    ...results.scenarios.flatMap((scenario, index) => [scenarioSection(results, scenario, index), '']),
    '## Server-rendered pages, one request at a time',
    '',
    pagesTable(results.pages),
    '',
    '## What this says',
    '',
    ...findings(results).flatMap((line) => [line, '']),
    '## History',
    '',
    results.history.trim() || '(bench/HISTORY.md is empty.)',
    '',
    "## Where Rapport's database time goes",
    '',
    'Every statement of one request per API scenario, with its EXPLAIN ANALYZE on the bench data (plans of statements over 1 ms below each table). ' +
      'The EXPLAINs run in a transaction that is rolled back, so a write shows its execution only, not the WAL flush of its commit: the sampled ' +
      'waits above show that part.',
    '',
    plansSection(results),
  ].join('\n');
}

const round = (value: number, digits: number) => (Number.isFinite(value) ? Number(value.toFixed(digits)) : null);

/** `bench/results.json`: the machine, and one row per scenario and server measured (medians over the rounds). */
export function resultsJson(results: RunResults) {
  const { machine, settings } = results;
  return {
    machine: {
      date: machine.date,
      cpu: machine.cpu,
      cores: machine.cores,
      memory_gib: round(machine.memoryGiB, 1),
      os: machine.os,
      node: machine.node,
      postgres: machine.postgres,
      commit: machine.commit,
      uncommitted_files: machine.uncommittedFiles,
      build_id: machine.buildId,
      built_at: machine.builtAt,
      build_older_than_sources: machine.newerSources,
      load_generator: machine.loadGenerator,
      connections: settings.connections,
      rounds: settings.rounds,
      duration_s: settings.durationSeconds,
      warmup_s: settings.warmupSeconds,
      quick: settings.quick,
    },
    scenarios: results.scenarios.flatMap((scenario) =>
      serverNames.flatMap((server) => {
        const cell = cellOf(results, scenario.key, server);
        if (!cell) return [];
        return [
          {
            scenario: scenario.key,
            server,
            rps: round(cell.rps, 1),
            p50_ms: round(cell.p50, 2),
            p99_ms: round(cell.p99, 2),
            errors: cell.non2xx + cell.errors,
            node_cpu_us: round(cell.nodeCpuUs, 0),
            pg_cpu_us: round(cell.pgCpuUs, 0),
            sql_per_request: cell.statements,
            rss_mb: round(cell.rssMb, 1),
          },
        ];
      }),
    ),
  };
}

/** Writes the results of a run as Markdown (`bench/RESULTS.md`). */
import type { DataSizes } from './data';
import type { LoadResult } from './load';
import type { CpuShare } from './machine-load';
import type { PageTiming } from './pages';
import { type Scenario, type ScenarioKey, type ServerName, serverLabels, serverNames } from './scenarios';
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
}

export interface ServerMeasurement {
  load: LoadResult;
  cpu: CpuShare | null;
  /** What the database backends were doing, sampled during the measurement. */
  waits: WaitShare[];
  /** SQL statements one request ran (null when unknown). */
  statements: number | null;
  /** Same records as the floor's answer. */
  sameAnswer: boolean;
  answer: string;
}

export interface RunResults {
  machine: MachineInfo;
  sizes: DataSizes;
  settings: { connections: number; durationSeconds: number; warmupSeconds: number; pageSamples: number; poolSize: number };
  scenarios: readonly Scenario[];
  measurements: Map<ScenarioKey, Map<ServerName, ServerMeasurement>>;
  rapportStatements: Map<ScenarioKey, StatementReport>;
  pages: (PageTiming & { cpu: CpuShare | null })[];
  secondsTotal: number;
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

function cpuCell(cpu: CpuShare | null): string {
  return cpu ? `${formatNumber(cpu.others)} %` : '–';
}

function scenarioSection(results: RunResults, scenario: Scenario, index: number): string {
  const measured = results.measurements.get(scenario.key);
  const floor = measured?.get('floor');
  const rows = serverNames.map((server) => {
    const m = measured?.get(server);
    if (!m) return [serverLabels[server], '–', '–', '–', '–', '–', '–', '–', '–'];
    const ofFloor = floor && server !== 'floor' ? ` (${formatNumber((100 * m.load.requestsPerSecond) / floor.load.requestsPerSecond)} %)` : '';
    return [
      serverLabels[server],
      `${formatNumber(m.load.requestsPerSecond)}${ofFloor}`,
      formatMs(m.load.p50),
      formatMs(m.load.p99),
      formatNumber(m.load.non2xx),
      formatNumber(m.load.errors + m.load.mismatches),
      formatNumber(m.statements),
      m.sameAnswer ? 'yes' : '**no**',
      cpuCell(m.cpu),
    ];
  });
  const letter = String.fromCharCode('a'.charCodeAt(0) + index);
  const differing = serverNames
    .map((server) => ({ server, m: measured?.get(server) }))
    .filter(({ m }) => m && !m.sameAnswer)
    .map(({ server, m }) => `- ${serverLabels[server]} answered: \`${m?.answer.slice(0, 300)}\``);
  return [
    `### (${letter}) ${scenario.title}`,
    '',
    `${scenario.description}. Floor's answer: \`${(floor?.answer ?? '').slice(0, 160)}${(floor?.answer.length ?? 0) > 160 ? '…' : ''}\``,
    '',
    markdownTable(
      ['server', 'requests/s (of floor)', 'p50 ms', 'p99 ms', 'non-2xx', 'errors + wrong bodies', 'SQL statements / request', 'same records as floor', 'other load on machine'],
      rows,
      ['l', 'r', 'r', 'r', 'r', 'r', 'r', 'l', 'r'],
    ),
    ...(differing.length > 0 ? ['', ...differing] : []),
    '',
    'Database backends during the measurement (share of sampled active backends):',
    '',
    ...serverNames.map((server) => {
      const waits = measured?.get(server)?.waits ?? [];
      const text = waits.map((wait) => `${wait.activity} ${formatNumber(wait.percent)} %`).join('; ');
      return `- ${serverLabels[server]}: ${text || 'no active backend seen'}`;
    }),
  ].join('\n');
}

function summaryTable(results: RunResults): string {
  const rows = results.scenarios.map((scenario, index) => {
    const measured = results.measurements.get(scenario.key);
    const cell = (server: ServerName) => {
      const m = measured?.get(server);
      return m ? `${formatNumber(m.load.requestsPerSecond)} / ${formatMs(m.load.p50)}` : '–';
    };
    return [`(${String.fromCharCode(97 + index)}) ${scenario.title}`, ...serverNames.map(cell)];
  });
  return markdownTable(['scenario (req/s / p50 ms)', ...serverNames.map((server) => serverLabels[server])], rows, ['l', 'r', 'r', 'r']);
}

function pagesTable(pages: RunResults['pages']): string {
  return markdownTable(
    ['page', 'status', 'TTFB p50 ms', 'TTFB p99 ms', 'full page p50 ms', 'full page p99 ms', 'KiB', 'content as expected', 'other load on machine'],
    pages.map((page) => [
      `\`${page.path}\``,
      String(page.status),
      formatMs(page.ttfbP50),
      formatMs(page.ttfbP99),
      formatMs(page.totalP50),
      formatMs(page.totalP99),
      formatNumber(page.bytes / 1024),
      page.contentOk ? 'yes' : '**no**',
      cpuCell(page.cpu),
    ]),
    ['l', 'r', 'r', 'r', 'r', 'r', 'r', 'l', 'r'],
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

/** The paragraph under "What this says", from the numbers of this run. */
export function findings(results: RunResults): string[] {
  const lines: string[] = [];
  const ratios = results.scenarios.map((scenario) => {
    const m = results.measurements.get(scenario.key);
    const rapport = m?.get('rapport')?.load.requestsPerSecond ?? Number.NaN;
    const floor = m?.get('floor')?.load.requestsPerSecond ?? Number.NaN;
    const postgraphile = m?.get('postgraphile')?.load.requestsPerSecond ?? Number.NaN;
    return { scenario, rapport, floor, postgraphile };
  });
  const describe = (r: (typeof ratios)[number]) =>
    `${r.scenario.title.toLowerCase()} ${formatNumber((100 * r.rapport) / r.floor)} % of the floor and ${formatNumber((100 * r.rapport) / r.postgraphile)} % of PostGraphile`;
  lines.push(`Rapport's throughput, scenario by scenario: ${ratios.map(describe).join('; ')}.`);

  const slowStatements = results.scenarios.flatMap((scenario) =>
    (results.rapportStatements.get(scenario.key)?.plans ?? [])
      .filter((plan) => plan.executionMs >= 5 || plan.notes.some((note) => note.includes('Scan')))
      .map((plan) => `${scenario.title.toLowerCase()}: \`${describeStatement(plan.sql)}\` ${formatNumber(plan.executionMs, 1)} ms (${plan.notes.join('; ') || 'no notable node'})`),
  );
  if (slowStatements.length > 0) {
    lines.push(`Statements that read far more rows than they return (EXPLAIN ANALYZE, below): ${slowStatements.join('; ')}.`);
  }
  const statementCounts = results.scenarios.map((scenario) => formatNumber(results.rapportStatements.get(scenario.key)?.count));
  const postgraphileCounts = results.scenarios.map((scenario) => formatNumber(results.measurements.get(scenario.key)?.get('postgraphile')?.statements));
  const first = results.scenarios[0];
  const firstPlans = first ? (results.rapportStatements.get(first.key)?.plans ?? []) : [];
  lines.push(
    `SQL statements per request (the four scenarios): Rapport ${statementCounts.join(' / ')}, PostGraphile ${postgraphileCounts.join(' / ')}, the floor 1. ` +
      (first ? `Rapport's for the ${first.title.toLowerCase()}, in order: ${firstPlans.map((plan) => `\`${describeStatement(plan.sql)}\``).join(', ')}.` : ''),
  );
  const rapportWaits = results.scenarios
    .map((scenario) => ({ scenario, top: results.measurements.get(scenario.key)?.get('rapport')?.waits[0] }))
    .filter(({ top }) => top)
    .map(({ scenario, top }) => `${scenario.title.toLowerCase()}: ${top?.activity} (${formatNumber(top?.percent)} % of samples)`);
  if (rapportWaits.length > 0) {
    lines.push(`What Rapport's database backends were doing most under load: ${rapportWaits.join('; ')}.`);
  }
  const shares = [...[...results.measurements.values()].flatMap((byServer) => [...byServer.values()]), ...results.pages].map((m) => m.cpu?.others ?? 0);
  const noisy = shares.filter((others) => others >= 15);
  if (noisy.length > 0) {
    lines.push(
      `Noise: during ${noisy.length} of the ${shares.length} measurements other processes on this machine used 15 % of its CPU or more (column "other load"), so those numbers are lower and more spread than on a quiet machine; compare servers within a scenario rather than across runs.`,
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
    `Written by \`npm run bench\` (bench/run.ts) on ${machine.date}, in ${formatNumber(results.secondsTotal)} s. Rerun it to replace this file.`,
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
    `- Three servers on loopback, each with a pool of ${settings.poolSize} PostgreSQL connections to the same database: **Rapport** (\`next start\`, production build, ` +
      '`POST /api/graphql` with a personal access token of user `developer`); the **raw SQL floor** (bench/floor-server.ts: `node:http`, one prepared `pg` ' +
      'statement per request, `JSON.stringify`, no authentication); **PostGraphile 5** (bench/postgraphile-server.ts: Amber preset, its own schema names, no authentication, ' +
      'a SQL function for the search).',
    `- Each scenario on each server: ${settings.warmupSeconds} s warm-up, then ${settings.durationSeconds} s at ${settings.connections} concurrent connections (autocannon, ` +
      'in the orchestrating process on the same machine). Before timing, one answer from each server is reduced to the ids it lists and compared with the floor\'s ' +
      '("same records"); during the run every answer must equal that first one byte for byte ("wrong bodies").',
    '- SQL statements per request: for Rapport, one request of each scenario run in-process through the app\'s Yoga handler on the bench database and counted with ' +
      '`countStatements` (server/db/client.ts), cross-checked at the `pg` driver; each statement is then EXPLAIN ANALYZEd (rolled back). For the floor and ' +
      'PostGraphile, the statements their pools ran for one request.',
    '- "Other load": the share of the machine\'s CPU used by processes other than the three servers, their PostgreSQL backends and the load generator during ' +
      'the measurement (from /proc).',
    `- Pages: ${settings.pageSamples} sequential requests each (after 5 unmeasured) on one keep-alive connection, signed in as \`developer\` with a session cookie; ` +
      'TTFB is the time to the response headers, "full page" to the last byte of the streamed HTML.',
    '',
    '## API scenarios',
    '',
    summaryTable(results),
    '',
    ...results.scenarios.flatMap((scenario, index) => [scenarioSection(results, scenario, index), '']),
    '## Server-rendered pages',
    '',
    pagesTable(results.pages),
    '',
    '## What this says',
    '',
    ...findings(results).flatMap((line) => [line, '']),
    "## Where Rapport's database time goes",
    '',
    'Every statement of one request per scenario, with its EXPLAIN ANALYZE on the bench data (plans of statements over 1 ms below each table). ' +
      'The EXPLAINs run in a transaction that is rolled back, so a write shows its execution only, not the WAL flush of its commit: the sampled ' +
      'waits above show that part.',
    '',
    plansSection(results),
  ].join('\n');
}

/**
 * Settings of one `npm run bench` run; every value can be overridden from the environment.
 * `npm run bench -- --quick` is a smoke check: one round of 3 s per scenario and server.
 */

function intFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive integer, got "${raw}"`);
  return value;
}

const quick = process.argv.includes('--quick');

export const benchConfig = {
  quick,
  /** Admin connection: the bench database is created next to the one it names. */
  adminUrl: process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
  databaseName: process.env.BENCH_DATABASE_NAME ?? 'rapport_bench',
  contacts: 100_000,
  organizations: 10_000,
  generatedIssues: 2_000,
  /** Concurrent connections and seconds per measurement, after a warm-up. */
  connections: intFromEnv('BENCH_CONNECTIONS', 10),
  durationSeconds: intFromEnv('BENCH_DURATION', quick ? 3 : 8),
  warmupSeconds: intFromEnv('BENCH_WARMUP', quick ? 1 : 2),
  /** Every scenario is measured on every server once per round, the servers' order rotating from round to round. */
  rounds: intFromEnv('BENCH_ROUNDS', quick ? 1 : 3),
  /** Sequential requests per page for time to first byte (after 5 unmeasured ones). */
  pageSamples: intFromEnv('BENCH_PAGE_SAMPLES', quick ? 10 : 50),
  /** Run `next build` first even when a build exists (it may be older than the source). */
  rebuild: process.env.BENCH_BUILD === '1',
  /** Connections each server may open to PostgreSQL (Rapport's pool default is 10). */
  poolSize: 10,
  ports: {
    rapport: intFromEnv('BENCH_RAPPORT_PORT', 3401),
    floor: intFromEnv('BENCH_FLOOR_PORT', 3402),
    postgraphile: intFromEnv('BENCH_POSTGRAPHILE_PORT', 3403),
    'rapport-2-workers': intFromEnv('BENCH_RAPPORT_2_WORKERS_PORT', 3404),
  },
} as const;

/** The bench database's URL: the admin URL with its database name replaced. */
export function benchDatabaseUrl(adminUrl: string = benchConfig.adminUrl, name: string = benchConfig.databaseName): string {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

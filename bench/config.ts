/** Settings of one `npm run bench` run; every value can be overridden from the environment. */

function intFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive integer, got "${raw}"`);
  return value;
}

export const benchConfig = {
  /** Admin connection: the bench database is created next to the one it names. */
  adminUrl: process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
  databaseName: process.env.BENCH_DATABASE_NAME ?? 'rapport_bench',
  contacts: 100_000,
  organizations: 10_000,
  generatedIssues: 2_000,
  /** Concurrent connections and seconds per measurement, after a warm-up. */
  connections: intFromEnv('BENCH_CONNECTIONS', 10),
  durationSeconds: intFromEnv('BENCH_DURATION', 10),
  warmupSeconds: intFromEnv('BENCH_WARMUP', 2),
  /** Sequential requests per page for time to first byte (after 5 unmeasured ones). */
  pageSamples: intFromEnv('BENCH_PAGE_SAMPLES', 50),
  /** Run `next build` first even when a build exists (it may be older than the source). */
  rebuild: process.env.BENCH_BUILD === '1',
  /** Connections each server may open to PostgreSQL (Rapport's pool default is 10). */
  poolSize: 10,
  ports: {
    rapport: intFromEnv('BENCH_RAPPORT_PORT', 3401),
    floor: intFromEnv('BENCH_FLOOR_PORT', 3402),
    postgraphile: intFromEnv('BENCH_POSTGRAPHILE_PORT', 3403),
  },
} as const;

/** The bench database's URL: the admin URL with its database name replaced. */
export function benchDatabaseUrl(adminUrl: string = benchConfig.adminUrl, name: string = benchConfig.databaseName): string {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

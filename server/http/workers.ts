/**
 * How many server processes `npm start` runs (`RAPPORT_WORKERS`). PGlite can be opened by one
 * process only, so the embedded database means one; on PostgreSQL the default is one per core.
 * Nothing in a worker's memory is needed for correctness: sessions, tokens and rate limits live in
 * PostgreSQL, and the credential cache holds entries for a few seconds only.
 */
export function workerCount(env: Readonly<Record<string, string | undefined>>, cores: number): number {
  const onPostgres = Boolean(env.DATABASE_URL);
  const requested = env.RAPPORT_WORKERS?.trim();
  if (!requested) return onPostgres ? cores : 1;
  if (!/^[1-9]\d{0,3}$/.test(requested)) {
    throw new Error(`Invalid environment: RAPPORT_WORKERS must be a whole number from 1 to 9999 (processes), not "${requested}".`);
  }
  const count = Number(requested);
  if (count > 1 && !onPostgres) {
    throw new Error(
      `RAPPORT_WORKERS=${count} needs PostgreSQL: the embedded database (PGlite) can be opened by one process only. Set DATABASE_URL, or leave RAPPORT_WORKERS unset for one process.`,
    );
  }
  return count;
}

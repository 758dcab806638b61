import type { Database } from '../server/db/client';
import { getDatabaseHandle } from '../server/db/client';

/** Drizzle wraps driver errors ("Failed query: …"); the driver's message (e.g. "database does not exist") is the cause. */
function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? error.cause.message : null;
  if (!cause) return error.message;
  const query = error.message.split('\n')[0];
  return `${cause}${query && query !== cause ? ` (${query})` : ''}`;
}

/**
 * Runs a command-line script against the configured database (DATABASE_URL, else the embedded one),
 * closes it, and exits 0, or prints the error alone on stderr and exits 1.
 */
export function runWithDatabase(work: (db: Database, migrate: () => Promise<void>) => Promise<void>): void {
  const run = async () => {
    const handle = await getDatabaseHandle();
    try {
      await work(handle.db, () => handle.migrate());
    } finally {
      await handle.close();
    }
  };
  run().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(describeError(error));
      process.exit(1);
    },
  );
}

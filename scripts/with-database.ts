import type { Database } from '../server/db/client';
import { getDatabaseHandle } from '../server/db/client';
import { logError } from '../server/logging';

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
      logError('Failed', error);
      process.exit(1);
    },
  );
}

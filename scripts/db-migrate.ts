/** `npm run db:migrate`: applies the SQL migrations in drizzle/ to the configured database. */
import { getDatabaseHandle } from '../server/db/client';

async function main(): Promise<void> {
  const handle = await getDatabaseHandle();
  try {
    await handle.migrate();
    console.log('Database migrated.');
  } finally {
    await handle.close();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(describeError(error));
    process.exit(1);
  },
);

/** Drizzle wraps driver errors ("Failed query: …"); the driver's message (e.g. "database does not exist") is the cause. */
function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? error.cause.message : null;
  if (!cause) return error.message;
  const query = error.message.split('\n')[0];
  return `${cause}${query && query !== cause ? ` (${query})` : ''}`;
}

/**
 * `npm run db:seed`: migrates the configured database (DATABASE_URL, else the embedded PGlite in
 * ./.data/pglite) and seeds the demo instance unless it is already there.
 */
import { getDatabaseHandle } from '../server/db/client';
import { demoPassword, seedDemoData } from '../server/db/seed';

async function main(): Promise<void> {
  const handle = await getDatabaseHandle();
  try {
    await handle.migrate();
    const { created } = await seedDemoData(handle.db);
    console.log(
      created
        ? `Seeded demo data. Sign in as admin / owner / maintainer / developer / reporter / planner / guest / outsider with password ${demoPassword}`
        : 'Demo data already present.',
    );
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

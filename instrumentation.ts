/**
 * Runs once when the Next.js server boots: opens (and, for the embedded database, migrates) the
 * database, and seeds the demo instance on the first start of an empty embedded database.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { getDatabaseHandle } = await import('./server/db/client');
  const handle = await getDatabaseHandle();
  if (handle.kind !== 'pglite') return;
  const { demoPassword, seedDemoData } = await import('./server/db/seed');
  const { created } = await seedDemoData(handle.db);
  if (created) {
    console.log(
      `Rapport: seeded a demo instance. Sign in as admin, owner, maintainer, developer, reporter, planner, guest or outsider with password "${demoPassword}".`,
    );
  }
}

/**
 * `npm run db:seed`: migrates the configured database (DATABASE_URL, else the embedded PGlite in
 * ./.data/pglite) and seeds the demo instance unless it is already there.
 */
import { seedDemoData } from '../server/db/seed';
import { demoPassword } from '../server/db/seed-data';
import { runWithDatabase } from './with-database';

runWithDatabase(async (db, migrate) => {
  await migrate();
  const { created } = await seedDemoData(db);
  console.log(
    created
      ? `Seeded demo data. Sign in as admin / owner / maintainer / developer / reporter / planner / guest / outsider with password ${demoPassword}`
      : 'Demo data already present.',
  );
});

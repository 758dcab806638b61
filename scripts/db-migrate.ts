/** `npm run db:migrate`: applies the SQL migrations in drizzle/ to the configured database. */
import { runWithDatabase } from './with-database';

runWithDatabase(async (_db, migrate) => {
  await migrate();
  console.log('Database migrated.');
});

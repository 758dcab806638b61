/**
 * Runs once when the Next.js server boots: opens (and, for the embedded database, migrates) the
 * database, seeds the demo instance on the first start of an empty embedded database, and, under
 * `npm start`, hands the GraphQL handler to the `node:http` server hosting the app.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const hosting = await import('./server/http/hosted-services');
  try {
    const { getDatabaseHandle } = await import('./server/db/client');
    const handle = await getDatabaseHandle();
    if (handle.kind === 'pglite') {
      const { seedDemoData } = await import('./server/db/seed');
      const { demoPassword } = await import('./server/db/seed-data');
      const { created } = await seedDemoData(handle.db);
      if (created) {
        console.log(
          `Rapport: seeded a demo instance. Sign in as admin, owner, maintainer, developer, reporter, planner, guest or outsider with password "${demoPassword}".`,
        );
      }
    }
    if (hosting.hostedByRapportServer()) {
      const { yoga } = await import('./server/graphql/yoga');
      const { createGraphQLListener } = await import('./server/graphql/direct-queries');
      hosting.provideHostedServices({
        handleGraphQL: createGraphQLListener(yoga),
        closeDatabase: () => handle.close(),
      });
    }
  } catch (error) {
    hosting.failHostedServices(error);
    throw error;
  }
}

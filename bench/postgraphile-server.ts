/**
 * PostGraphile 5 (Amber preset) on the bench database, the benchmark's generated-GraphQL peer.
 * It exposes the tables under its own names; one SQL function adds a contact search the way a
 * PostGraphile user would (a computed column `Group.searchContacts(term)`), matching the app's
 * trigram-indexed expression. No authentication: it answers everything it is asked.
 *
 * Env: DATABASE_URL, PORT, BENCH_POOL_SIZE. `GET /__bench/statements` answers the number of SQL
 * statements its pool has run so far.
 */
import './promise-with-resolvers';
import { createServer } from 'node:http';
import { Pool, type PoolClient } from 'pg';
import { postgraphile } from 'postgraphile';
import { makePgService } from 'postgraphile/adaptors/pg';
import { grafserv } from 'postgraphile/grafserv/node';
import { PostGraphileAmberPreset } from 'postgraphile/presets/amber';

const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.BENCH_POOL_SIZE ?? 10) });
pool.on('error', (error) => console.error('postgraphile: pool error', error.message));

let statements = 0;
pool.on('connect', (client: PoolClient) => {
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  (client as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
    statements += 1;
    return query(...args);
  };
});

const searchFunction = `
create or replace function public.groups_search_contacts(g public.groups, term text)
returns setof public.customer_relations_contacts
language sql stable as $$
  select c.* from public.customer_relations_contacts c
   where c.group_id = g.id
     and (c.first_name || ' ' || c.last_name || ' ' || c.email || ' ' || coalesce(c.description, ''))
         ilike '%' || replace(replace(replace(term, '\\', '\\\\'), '%', '\\%'), '_', '\\_') || '%'
   order by c.last_name, c.id
$$`;

async function main(): Promise<void> {
  await pool.query(searchFunction);
  const preset: GraphileConfig.Preset = {
    extends: [PostGraphileAmberPreset],
    pgServices: [makePgService({ pool, schemas: ['public'] })],
    grafserv: { graphqlPath: '/graphql', graphiql: false, watch: false },
    grafast: { explain: false },
    // Let conditions and orderBy use every column, as the other servers do, not only indexed ones.
    disablePlugins: ['PgIndexBehaviorsPlugin'],
  };
  const pgl = postgraphile(preset);
  const serv = pgl.createServ(grafserv);
  // Built before listening, so the first timed request does not pay for introspection.
  await pgl.getSchema();
  const handler = serv.createHandler();
  const server = createServer((request, response) => {
    if (request.url === '/__bench/statements') {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ statements }));
      return;
    }
    handler(request, response, () => {
      response.writeHead(404);
      response.end();
    });
  });
  server.keepAliveTimeout = 60_000;
  server.listen(Number(process.env.PORT ?? 3403), '127.0.0.1', () => console.log(`postgraphile: listening on ${process.env.PORT}`));
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      server.close();
      void Promise.resolve(pgl.release()).finally(() => process.exit(0));
    });
  }
}

main().catch((error: unknown) => {
  console.error('postgraphile: failed to start', error);
  process.exit(1);
});

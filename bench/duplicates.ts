/**
 * What a page of possible duplicates costs on the bench data (DUPLICATES.md): asks for
 * `Group.rapportContactDuplicates` of group `acme` through the app's Yoga handler in this process,
 * as its Maintainer, and prints the wall time of each request (median of `--runs`, default 5) and its
 * SQL statements. It migrates the database it is given, so give it a copy, never `rapport_bench`:
 *
 *   createdb -h 127.0.0.1 -U postgres -T rapport_bench rapport_dups
 *   DUPLICATES_DATABASE_URL=postgres://postgres@127.0.0.1:5432/rapport_dups npx tsx bench/duplicates.ts [--runs 5]
 */
import { sql } from 'drizzle-orm';
import { countStatements, openPostgres, setDatabaseHandle } from '../server/db/client';
import { encodeCursor } from '../server/pagination/keyset';

const url = process.env.DUPLICATES_DATABASE_URL;
if (!url) throw new Error('Set DUPLICATES_DATABASE_URL to a copy of the bench database');
if (new URL(url).pathname === '/rapport_bench') throw new Error('This migrates its database: give it a copy of rapport_bench');
const runsArgument = process.argv.indexOf('--runs');
const runs = runsArgument > 0 ? Number(process.argv[runsArgument + 1]) : 5;

const handle = openPostgres(url, { max: 2, statementTimeoutMs: 120_000 });
await handle.migrate();
setDatabaseHandle(handle);
// Imported after the handle is set, so the handler uses this database.
const { postGraphQL, tokenHeaders } = await import('../server/testing/graphql-client');
const headers = await tokenHeaders(handle.db, 'maintainer');

const [middle] = (
  (await handle.db.execute(
    sql`select percentile_disc(0.5) within group (order by c.id) as id from customer_relations_contacts c join groups g on g.id = c.group_id where g.full_path = 'acme'`,
  )) as unknown as { rows: { id: number }[] }
).rows;
if (!middle) throw new Error('Group acme has no contacts');
// A cursor halfway down the list: the pairs whose newer contact is older than the group's median one.
const halfway = encodeCursor(false, String(middle.id), middle.id);

const document = /* GraphQL */ `
  query($first: Int, $last: Int, $after: String, $withCount: Boolean!) {
    group(fullPath: "acme") {
      rapportContactDuplicates(first: $first, last: $last, after: $after) {
        count @include(if: $withCount)
        nodes { reasons contact { id firstName lastName organization { name } } duplicate { id firstName lastName organization { name } } }
      }
    }
  }
`;

interface Answer {
  group: { rapportContactDuplicates: { count?: number; nodes: unknown[] } };
}

const requests: { label: string; variables: Record<string, unknown> }[] = [
  { label: 'first page (first: 100)', variables: { first: 100, withCount: false } },
  { label: 'page halfway down (first: 100, after)', variables: { first: 100, after: halfway, withCount: false } },
  { label: 'oldest pairs (last: 100)', variables: { last: 100, withCount: false } },
  { label: 'first page with count', variables: { first: 100, withCount: true } },
];

for (const { label, variables } of requests) {
  const times: number[] = [];
  let outcome = '';
  let statements: string[] = [];
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    const counted = await countStatements(() => postGraphQL<Answer>(document, variables, { headers }));
    times.push(performance.now() - started);
    const { data, errors } = counted.result;
    const duplicates = data?.group.rapportContactDuplicates;
    outcome = errors
      ? `error: ${errors.map((error) => error.message).join('; ')}`
      : `${duplicates?.nodes.length ?? 0} pairs${duplicates?.count === undefined ? '' : `, count ${duplicates.count}`}`;
    statements = counted.statements;
  }
  const median = [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)] ?? Number.NaN;
  console.log(`${label.padEnd(40)} median ${median.toFixed(0).padStart(6)} ms  (${times.map((time) => time.toFixed(0)).join(', ')})  ${outcome}, ${statements.length} statements`);
}
await handle.close();

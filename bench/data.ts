/**
 * The bench database: the app's migrations, the demo data, then (deterministically, in SQL) enough
 * contacts, organizations and issues in group `acme` for the lists to be realistic. A database that
 * already holds this data version is reused.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { openPostgres } from '../server/db/client';
import { seedDemoData } from '../server/db/seed';
import { benchConfig, benchDatabaseUrl } from './config';

export interface DataSizes {
  contacts: number;
  organizations: number;
  issues: number;
  issueContacts: number;
  /** Contacts of acme matching the search scenario's term. */
  searchMatches: number;
}

export interface BenchDatabase {
  url: string;
  reused: boolean;
  sizes: DataSizes;
  secondsToPrepare: number;
}

/** Bump when the generator below changes. */
const generatorVersion = 1;

/** Everything the data depends on: the generator, the migrations and the demo seed. */
function dataVersion(): string {
  const hash = createHash('sha256').update(`generator ${generatorVersion}\n`);
  const migrations = path.join(process.cwd(), 'drizzle');
  for (const folder of readdirSync(migrations).sort()) {
    hash.update(folder);
    hash.update(readFileSync(path.join(migrations, folder, 'migration.sql')));
  }
  hash.update(readFileSync(path.join(process.cwd(), 'server', 'db', 'seed.ts')));
  hash.update(JSON.stringify([benchConfig.contacts, benchConfig.organizations, benchConfig.generatedIssues]));
  return `rapport-bench ${hash.digest('hex').slice(0, 16)}`;
}

function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** Runs `work` with a fresh connection to `url`, closed afterwards. */
export async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

const firstNames =
  'James Mary Robert Patricia John Jennifer Michael Linda David Elizabeth William Barbara Richard Susan Joseph Jessica Thomas Sarah Charles Karen Christopher Lisa Daniel Nancy Matthew Betty Anthony Margaret Mark Sandra Donald Ashley Steven Kimberly Paul Emily Andrew Donna Joshua Michelle Kenneth Carol Kevin Amanda Brian Dorothy George Melissa Timothy Deborah Ronald Stephanie Edward Rebecca Jason Sharon Jeffrey Laura Ryan Cynthia Jacob Johanna Gary Amy'.split(
    ' ',
  );
const lastNames =
  "Smith Johnson Williams Brown Jones Garcia Miller Davis Rodriguez Martinez Hernandez Lopez Gonzalez Wilson Anderson Thomas Taylor Moore Jackson Martin Lee Perez Thompson White Harris Sanchez Clark Ramirez Lewis Robinson Walker Young Allen King Wright Scott Torres Nguyen Hill Flores Green Adams Nelson Baker Hall Rivera Campbell Mitchell Carter Roberts Gomez Phillips Evans Turner Diaz Parker Cruz Edwards Collins Reyes Stewart Morris Morales Murphy Cook Rogers Gutierrez Ortiz Morgan Cooper Peterson Bailey Reed Kelly Howard Ramos Kim Cox Ward Richardson Watson Brooks Chavez Wood James Bennett Gray Mendoza Ruiz Hughes Price Alvarez Castillo Sanders Patel Myers Long Ross Foster Johnston O'Brien".split(
    ' ',
  );
const orgAdjectives = 'Blue Northern Summit Bright Silver Cedar Golden Harbor Iron Maple Quiet Rapid Red Swift Urban Valley'.split(' ');
const orgNouns = 'Anchor Bridge Canyon Delta Falcon Forge Grove Lantern Meadow Orbit Pine Ridge River Stone Tide Willow'.split(' ');
const orgSuffixes = 'Logistics Labs Partners Dental Foods Legal Media Systems Travel Hotels Clinic Outfitters'.split(' ');
const domains = 'example.com mail.example northwind.example lumen.example kestrel.example harborview.example'.split(' ');
const descriptions = [
  'Prefers email over phone calls.',
  'Main contact for billing questions.',
  'Met at the spring trade show.',
  'Decision maker for renewals.',
  'Technical contact; reports outages.',
  'Asked for a quote in March.',
];
const issueVerbs = 'Fix Investigate Improve Update Review Migrate Document Harden'.split(' ');
const issueObjects = [
  'checkout timeout',
  'invoice export',
  'booking form',
  'password reset email',
  'search results page',
  'customer portal login',
  'monthly report',
  'mobile menu',
  'order confirmation',
  'tax calculation',
];

/** A deterministic, well-spread non-negative number for the integer SQL expression `seed`. */
const hash = (seed: string) => `abs(hashint4(${seed})::bigint)`;

/** SQL picking an element of `list` by `seed`, the same one on every run. */
function pick(list: readonly string[], seed: string): string {
  const literal = `array[${list.map((value) => `'${value.replaceAll("'", "''")}'`).join(', ')}]`;
  return `(${literal})[1 + (${hash(seed)} % ${list.length})::int]`;
}

/** SQL picking an element of the SQL array `ids` by `seed`. */
const pickId = (ids: string, seed: string) => `${ids}[1 + (${hash(seed)} % cardinality(${ids}))::int]`;

interface Statement {
  text: string;
  values: unknown[];
}

/** The bulk data for group `acme` and its project `acme/website`, run in one transaction. */
function generationStatements(acme: number, website: number): Statement[] {
  const { contacts, organizations, generatedIssues } = benchConfig;
  return [
    {
      values: [acme, organizations],
      text: `insert into customer_relations_organizations (group_id, name, description, default_rate, state, created_at, updated_at)
     select $1,
            ${pick(orgAdjectives, 'n')} || ' ' || ${pick(orgNouns, 'n + 7')} || ' ' || ${pick(orgSuffixes, 'n + 13')} || ' ' || n,
            case when n % 3 = 0 then 'Customer since ' || (2010 + n % 15) || '.' end,
            case when n % 5 < 3 then (50 + ${hash('n + 3')} % 200)::numeric(18, 2) end,
            case when n % 20 = 0 then 'inactive' else 'active' end,
            timestamptz '2026-01-01 00:00:00+00' - n * interval '37 minutes',
            timestamptz '2026-01-01 00:00:00+00' - n * interval '37 minutes'
       from generate_series(1, $2::int - (select count(*)::int from customer_relations_organizations where group_id = $1)) as n`,
    },
    {
      values: [acme, contacts],
      text: `insert into customer_relations_contacts (group_id, organization_id, first_name, last_name, email, phone, description, state, created_at, updated_at)
     select $1, g.organization_id, g.first_name, g.last_name,
            lower(replace(g.first_name || '.' || g.last_name, '''', '')) || '.' || g.n || '@' || ${pick(domains, 'g.n')},
            case when g.n % 10 < 7 then '+1 555 ' || lpad((g.n % 10000)::text, 4, '0') end,
            case when g.n % 10 < 3 then ${pick(descriptions, 'g.n + 5')} end,
            case when g.n % 10 = 9 then 'inactive' else 'active' end,
            timestamptz '2026-01-01 00:00:00+00' - g.n * interval '3 minutes',
            timestamptz '2026-01-01 00:00:00+00' - g.n * interval '3 minutes'
       from (
         select n,
                ${pick(firstNames, 'n')} as first_name,
                ${pick(lastNames, 'n + 100003')} as last_name,
                case when n % 20 < 17 then ${pickId('o.ids', 'n + 7')} end as organization_id
           from generate_series(1, $2::int - (select count(*)::int from customer_relations_contacts where group_id = $1)) as n,
                (select array_agg(id order by id) as ids from customer_relations_organizations where group_id = $1) as o
       ) as g`,
    },
    {
      values: [acme, website, generatedIssues],
      text: `insert into issues (project_id, iid, title, description, state, author_id, created_at, updated_at, closed_at)
     select $2, p.last_issue_iid + n,
            ${pick(issueVerbs, 'n')} || ' ' || ${pick(issueObjects, 'n + 11')} || ' (#' || n || ')',
            'Reported by a customer. See the linked contacts for who to keep informed.',
            case when n % 5 = 0 then 'closed' else 'opened' end,
            ${pickId('u.ids', 'n')},
            timestamptz '2026-06-01 00:00:00+00' - n * interval '3 hours',
            timestamptz '2026-06-01 00:00:00+00' - n * interval '3 hours' + interval '1 day',
            case when n % 5 = 0 then timestamptz '2026-06-01 00:00:00+00' - n * interval '3 hours' + interval '1 day' end
       from generate_series(1, $3::int) as n,
            (select last_issue_iid from projects where id = $2) as p,
            (select array_agg(user_id order by user_id) as ids from members where group_id = $1) as u`,
    },
    {
      values: [website],
      text: `update projects set last_issue_iid = (select max(iid) from issues where project_id = $1) where id = $1`,
    },
    {
      // 0 to 4 contacts per generated issue (2 on average), spread over all of acme's contacts.
      values: [acme, website],
      text: `insert into issue_customer_relations_contacts (issue_id, contact_id, created_at)
     select i.id, c.ids[1 + ((${hash('i.id')} + j * 7919) % cardinality(c.ids))::int], i.created_at + j * interval '1 hour'
       from issues as i
            cross join (select array_agg(id order by id) as ids from customer_relations_contacts where group_id = $1) as c
            cross join lateral generate_series(1, i.id % 5) as j
      where i.project_id = $2 and not exists (select 1 from issue_customer_relations_contacts l where l.issue_id = i.id)
     on conflict do nothing`,
    },
  ];
}

async function generate(url: string): Promise<void> {
  const handle = openPostgres(url, { max: 2 });
  try {
    await handle.migrate();
    await seedDemoData(handle.db);
  } finally {
    await handle.close();
  }
  await withClient(url, async (client) => {
    const ids = await client.query<{ acme: number; website: number }>(
      `select (select id from groups where full_path = 'acme') as acme, (select id from projects where full_path = 'acme/website') as website`,
    );
    const { acme, website } = ids.rows[0] ?? {};
    if (!acme || !website) throw new Error('The demo seed did not create group acme and project acme/website');
    await client.query('begin');
    for (const statement of generationStatements(acme, website)) await client.query(statement.text, statement.values);
    await client.query('commit');
    await client.query('vacuum analyze');
  });
}

async function measureSizes(url: string): Promise<DataSizes> {
  return withClient(url, async (client) => {
    const { rows } = await client.query<DataSizes>(
      `select (select count(*)::int from customer_relations_contacts c join groups g on g.id = c.group_id where g.full_path = 'acme') as "contacts",
              (select count(*)::int from customer_relations_organizations o join groups g on g.id = o.group_id where g.full_path = 'acme') as "organizations",
              (select count(*)::int from issues i join projects p on p.id = i.project_id where p.full_path = 'acme/website') as "issues",
              (select count(*)::int from issue_customer_relations_contacts) as "issueContacts",
              (select count(*)::int from customer_relations_contacts c join groups g on g.id = c.group_id
                where g.full_path = 'acme'
                  and (c.first_name || ' ' || c.last_name || ' ' || c.email || ' ' || coalesce(c.description, '')) ilike '%john%') as "searchMatches"`,
    );
    if (!rows[0]) throw new Error('Could not measure the bench data');
    return rows[0];
  });
}

/** Creates (or reuses) the bench database and returns its URL and sizes. */
export async function prepareBenchDatabase(log: (message: string) => void): Promise<BenchDatabase> {
  const started = performance.now();
  const name = benchConfig.databaseName;
  const url = benchDatabaseUrl();
  const version = dataVersion();
  const existing = await withClient(benchConfig.adminUrl, async (admin) => {
    const { rows } = await admin.query<{ comment: string | null }>(
      `select shobj_description(oid, 'pg_database') as comment from pg_database where datname = $1`,
      [name],
    );
    return rows[0];
  });
  const reused = existing?.comment === version;
  if (reused) {
    log(`Reusing database ${name} (${version}).`);
  } else {
    log(existing ? `Database ${name} holds other data: recreating it.` : `Creating database ${name}.`);
    await withClient(benchConfig.adminUrl, async (admin) => {
      await admin.query(`drop database if exists ${quoteIdent(name)} with (force)`);
      await admin.query(`create database ${quoteIdent(name)}`);
    });
    // Migrating refuses to run the demo seed twice, so a failed generation is simply redone next time:
    // the version comment is written last.
    await generate(url);
    await withClient(benchConfig.adminUrl, (admin) =>
      admin.query(`comment on database ${quoteIdent(name)} is '${version.replaceAll("'", "''")}'`),
    );
  }
  const sizes = await measureSizes(url);
  return { url, reused, sizes, secondsToPrepare: (performance.now() - started) / 1000 };
}

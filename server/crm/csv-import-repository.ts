import { type SQL, sql } from 'drizzle-orm';
import type { ContactImportField, CsvImportKind, OrganizationImportField } from '@/lib/crm/csv-import-fields';
import type { Database } from '../db/client';
import { organizationIdByEmailDomain } from './organization-repository';

/**
 * The SQL of a CSV import, all set-based: the valid rows go into a temporary staging table (one
 * multi-row INSERT of column arrays per batch), then a fixed number of statements match them to the
 * group's records, count what would change, and write it. Run inside the caller's transaction; the
 * staging table is dropped when it ends.
 */

/** A staged row's values, in the order of `stagedColumns[kind]`. */
export type StagedValue = string | null;

/**
 * The staged columns the rows fill, in order. An organization's `domains` are staged as one text,
 * normalized, sorted and separated by spaces (empty: none), so a batch still binds one array per column.
 */
const stagedColumns = {
  contacts: ['first_name', 'last_name', 'email', 'phone', 'organization', 'description', 'state'],
  organizations: ['name', 'description', 'default_rate', 'state', 'domains', 'tier_id', 'annual_revenue', 'account_owner'],
} as const satisfies Record<CsvImportKind, readonly string[]>;

/** The array type each staged column is bound as; text unless listed. */
const stagedArrayTypes: Record<string, string> = { default_rate: 'numeric[]', annual_revenue: 'numeric[]', tier_id: 'integer[]' };

const stagingTable = { contacts: 'rapport_import_contacts', organizations: 'rapport_import_organizations' } as const;

/** The values of one batch, one array per staged column plus the row numbers. */
export interface StagedBatch {
  rows: number[];
  columns: StagedValue[][];
}

export function emptyBatch(kind: CsvImportKind): StagedBatch {
  return { rows: [], columns: stagedColumns[kind].map(() => []) };
}

async function rowsOf<T>(db: Database, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

/**
 * How long one statement of an import may run. The app's default (RAPPORT_STATEMENT_TIMEOUT_MS, 10 s)
 * is for requests: an import of 100,000 contacts took 12 s in all on this machine's PostgreSQL, and on
 * a slower server one set-based statement (the insert that fills the trigram search index, say) could
 * pass 10 s. Only the import's transaction gets the longer limit.
 */
export const importStatementTimeoutMs = 120_000;

export async function createStagingTable(tx: Database, kind: CsvImportKind): Promise<void> {
  await tx.execute(sql.raw(`set local statement_timeout = ${importStatementTimeoutMs}`));
  const columns = kind === 'contacts'
    ? 'first_name text not null, last_name text not null, email text, phone text, organization text, description text, state text, organization_id integer'
    : 'name text not null, description text, default_rate numeric(18, 2), state text, domains text, tier_id integer, annual_revenue numeric(18, 2), ' +
      'account_owner text, account_owner_id integer, domains_changed boolean not null default false, inserted boolean not null default false';
  await tx.execute(
    sql.raw(`create temporary table ${stagingTable[kind]} (row_number integer primary key, ${columns}, match_id integer) on commit drop`),
  );
}

/** One statement for the whole batch: each column bound as one array, whatever the number of rows. */
export async function stageBatch(tx: Database, kind: CsvImportKind, batch: StagedBatch): Promise<void> {
  if (batch.rows.length === 0) return;
  const names = stagedColumns[kind];
  const arrays = batch.columns.map((values, index) => sql`${sql.param(values)}::${sql.raw(stagedArrayTypes[names[index]!] ?? 'text[]')}`);
  await tx.execute(
    sql`insert into ${sql.raw(stagingTable[kind])} (row_number, ${sql.raw(names.join(', '))})
      select * from unnest(${sql.param(batch.rows)}::integer[], ${sql.join(arrays, sql`, `)})`,
  );
}

interface FieldSql {
  /** The target column; null for an organization's domains, which have their own table. */
  column: string | null;
  /** Its new value on insert, from the staged row `s`. */
  insert: string;
  /** Its new value on update (`t` is the record). */
  update: string;
  /** True when the staged row would change the record. */
  changed: string;
}

const plain = (column: string): FieldSql => ({ column, insert: `s.${column}`, update: `s.${column}`, changed: `t.${column} is distinct from s.${column}` });
/** A state cell left blank keeps the record's state (a new record is active). */
const state: FieldSql = { column: 'state', insert: "coalesce(s.state, 'active')", update: 'coalesce(s.state, t.state)', changed: 's.state is not null and t.state <> s.state' };

const contactFields: Record<ContactImportField, FieldSql> = {
  firstName: plain('first_name'),
  lastName: plain('last_name'),
  email: plain('email'),
  phone: plain('phone'),
  description: plain('description'),
  // In a dry run an organization still to be created has no id yet, but is a change all the same.
  organization: {
    column: 'organization_id',
    insert: 's.organization_id',
    update: 's.organization_id',
    changed: '(t.organization_id is distinct from s.organization_id or (s.organization is not null and s.organization_id is null))',
  },
  state,
};

const organizationFields: Record<OrganizationImportField, FieldSql> = {
  name: plain('name'),
  description: plain('description'),
  defaultRate: plain('default_rate'),
  state,
  tier: plain('tier_id'),
  annualRevenue: plain('annual_revenue'),
  accountOwner: plain('account_owner_id'),
  // Compared by `markChangedDomains`, written by `writeDomains`.
  domains: { column: null, insert: '', update: '', changed: 's.domains_changed' },
};

const targetTable = { contacts: 'customer_relations_contacts', organizations: 'customer_relations_organizations' } as const;
/** Rows match records by email (contacts) or name (organizations), ignoring case, as the unique indexes do. */
const matchColumn = { contacts: 'email', organizations: 'name' } as const;

export interface MergeCounts {
  created: number;
  /** Matched rows that differ from their record (updated, or skipped when existing records are kept). */
  changed: number;
  /** Matched rows equal to their record. */
  unchanged: number;
  /** Organizations a contacts import creates because rows name them. */
  organizationsCreated: number;
}

/**
 * Matches the staged rows to the group's records and, unless `write` is false (a dry run), writes
 * them: new rows are inserted, and matched rows that change their record update it when `update`.
 * Only the fields in `fields` (the mapped columns) are compared and written.
 */
export async function mergeStaged(
  tx: Database,
  kind: CsvImportKind,
  groupId: number,
  options: { fields: readonly string[]; update: boolean; write: boolean },
): Promise<MergeCounts> {
  const stage = sql.raw(stagingTable[kind]);
  const target = sql.raw(targetTable[kind]);
  const key = sql.raw(matchColumn[kind]);
  const specs = options.fields.map((field) =>
    kind === 'contacts' ? contactFields[field as ContactImportField] : organizationFields[field as OrganizationImportField],
  );
  // A temporary table has no statistics until analysed: without them the joins below are planned for a handful of rows.
  await tx.execute(sql`analyze ${stage}`);
  await tx.execute(sql`update ${stage} s set match_id = t.id from ${target} t
    where t.group_id = ${groupId} and s.${key} is not null and lower(t.${key}) = lower(s.${key})`);

  let organizationsCreated = 0;
  if (kind === 'contacts' && options.fields.includes('organization')) {
    organizationsCreated = await linkOrganizations(tx, groupId, { update: options.update, write: options.write });
  }
  const withDomains = kind === 'organizations' && options.fields.includes('domains');
  if (withDomains) await markChangedDomains(tx);

  const changed = sql.raw(specs.length === 0 ? 'false' : specs.map((spec) => `(${spec.changed})`).join(' or '));
  const [counts] = await rowsOf<{ created: number; changed: number; unchanged: number }>(
    tx,
    sql`select count(*) filter (where s.match_id is null)::integer as created,
        count(*) filter (where s.match_id is not null and (${changed}))::integer as changed,
        count(*) filter (where s.match_id is not null and not (${changed}))::integer as unchanged
      from ${stage} s left join ${target} t on t.id = s.match_id`,
  );

  if (options.write) {
    const columns = specs.flatMap((spec) => (spec.column === null ? [] : [{ ...spec, column: spec.column }]));
    if (options.update && specs.length > 0) {
      const assignments = [...columns.map((spec) => `${spec.column} = ${spec.update}`), 'updated_at = now()'].join(', ');
      await tx.execute(sql`update ${target} t set ${sql.raw(assignments)} from ${stage} s where t.id = s.match_id and (${changed})`);
    }
    const inserted = new Map(columns.map((spec) => [spec.column, sql.raw(spec.insert)]));
    if (kind === 'contacts') linkByEmailDomain(groupId, inserted);
    await tx.execute(sql`insert into ${target} (group_id, ${sql.raw([...inserted.keys()].join(', '))})
      select ${groupId}, ${sql.join([...inserted.values()], sql`, `)} from ${stage} s where s.match_id is null order by s.row_number`);
    if (withDomains) await writeDomains(tx, groupId, { update: options.update });
  }
  return { created: counts?.created ?? 0, changed: counts?.changed ?? 0, unchanged: counts?.unchanged ?? 0, organizationsCreated };
}

/**
 * A new contact without an organization gets the one whose domains hold its email's domain, as
 * contacts created by the form or the API do (issue 15).
 */
function linkByEmailDomain(groupId: number, inserted: Map<string, SQL>): void {
  const byDomain = organizationIdByEmailDomain(groupId, sql.raw('s.email'));
  const named = inserted.get('organization_id');
  inserted.set('organization_id', named ? sql`coalesce(${named}, ${byDomain})` : byDomain);
}

/**
 * The organizations named by the contact rows that will be written: matched by name ignoring case,
 * the missing ones created (first spelling in the file) unless this is a dry run, which counts them.
 */
async function linkOrganizations(tx: Database, groupId: number, options: { update: boolean; write: boolean }): Promise<number> {
  const missing = sql`select distinct on (lower(s.organization)) s.organization as name
    from rapport_import_contacts s
    where s.organization is not null and (s.match_id is null or ${sql.raw(options.update ? 'true' : 'false')})
      and not exists (select 1 from customer_relations_organizations o where o.group_id = ${groupId} and lower(o.name) = lower(s.organization))
    order by lower(s.organization), s.row_number`;
  const [counted] = await rowsOf<{ count: number }>(
    tx,
    options.write
      ? sql`with created as (insert into customer_relations_organizations (group_id, name) select ${groupId}, m.name from (${missing}) m returning 1)
          select count(*)::integer as count from created`
      : sql`select count(*)::integer as count from (${missing}) m`,
  );
  await tx.execute(sql`update rapport_import_contacts s set organization_id = o.id from customer_relations_organizations o
    where o.group_id = ${groupId} and lower(o.name) = lower(s.organization)`);
  return counted?.count ?? 0;
}

const organizationDomainsTable = 'customer_relations_organization_domains';

/** A matched organization's domains differ from its row's (both as sorted, space-separated text). */
async function markChangedDomains(tx: Database): Promise<void> {
  await tx.execute(
    sql.raw(`update rapport_import_organizations s set domains_changed = s.domains is distinct from coalesce((select string_agg(d.domain, ' ' order by d.domain collate "C")
      from ${organizationDomainsTable} d where d.organization_id = s.match_id), '')
    where s.match_id is not null`),
  );
}

/**
 * Gives the organizations written their rows' domains: the ones just created, and (when existing
 * records are updated) the matched ones whose domains changed.
 */
async function writeDomains(tx: Database, groupId: number, options: { update: boolean }): Promise<void> {
  await tx.execute(sql`update rapport_import_organizations s set match_id = t.id, inserted = true from customer_relations_organizations t
    where s.match_id is null and t.group_id = ${groupId} and lower(t.name) = lower(s.name)`);
  const written = sql.raw(`(s.inserted or (${options.update ? 'true' : 'false'} and s.domains_changed))`);
  await tx.execute(sql`delete from ${sql.raw(organizationDomainsTable)} d using rapport_import_organizations s
    where d.organization_id = s.match_id and ${written}`);
  await tx.execute(sql`insert into ${sql.raw(organizationDomainsTable)} (group_id, organization_id, domain)
    select ${groupId}, s.match_id, x.domain from rapport_import_organizations s cross join unnest(string_to_array(nullif(s.domains, ''), ' ')) as x(domain)
    where ${written}`);
}

/**
 * Staged organization rows naming a domain that another organization of the group (one with
 * another name: rows match organizations by name) already has, one row per domain.
 */
export async function stagedDomainClaims(tx: Database, groupId: number): Promise<{ row: number; domain: string; organizationName: string }[]> {
  return rowsOf(
    tx,
    sql`select s.row_number as "row", x.domain, o.name as "organizationName"
      from rapport_import_organizations s cross join unnest(string_to_array(nullif(s.domains, ''), ' ')) as x(domain)
      inner join ${sql.raw(organizationDomainsTable)} d on d.group_id = ${groupId} and d.domain = x.domain
      inner join customer_relations_organizations o on o.id = d.organization_id
      where lower(o.name) <> lower(s.name)
      order by s.row_number, x.domain`,
  );
}

/**
 * Finds each staged row's account owner among `members` (the group's members, by username ignoring
 * case) and returns the rows whose named owner is not one.
 */
export async function resolveStagedAccountOwners(tx: Database, members: SQL): Promise<number[]> {
  await tx.execute(sql`update rapport_import_organizations s set account_owner_id = m.id from (${members}) m
    where s.account_owner is not null and lower(m.username) = lower(s.account_owner)`);
  const rows = await rowsOf<{ row: number }>(
    tx,
    sql`select row_number as "row" from rapport_import_organizations where account_owner is not null and account_owner_id is null order by row_number`,
  );
  return rows.map((row) => row.row);
}

/** Takes rows rejected after staging out again, so the counts leave them out. */
export async function unstageRows(tx: Database, kind: CsvImportKind, rows: readonly number[]): Promise<void> {
  if (rows.length === 0) return;
  await tx.execute(sql`delete from ${sql.raw(stagingTable[kind])} where row_number = any(${sql.param([...rows])}::integer[])`);
}

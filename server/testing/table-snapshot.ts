import { sql } from 'drizzle-orm';
import type { Database } from '../db/client';

/** The tables a CRM or issue write can touch (SPEC §1); a refused call leaves every row as it was. */
export const writableTables = [
  'customer_relations_contacts',
  'customer_relations_organizations',
  'customer_relations_organization_domains',
  'customer_relations_organization_tiers',
  'issue_customer_relations_contacts',
  'issues',
  'projects',
  'notes',
  'timelogs',
  'audit_events',
  'group_crm_settings',
] as const;

/** Per table: its row count and a digest of all its rows. */
export type TableSnapshot = Record<string, string>;

/** Every row of `tables`, digested in one statement, to compare before and after a call. */
export async function snapshotTables(db: Database, tables: readonly string[] = writableTables): Promise<TableSnapshot> {
  const parts = tables.map(
    (table) =>
      `select '${table}' as name, count(*) || ':' || coalesce(md5(string_agg(row_to_json(t)::text, E'\\n' order by row_to_json(t)::text)), '') as digest from ${table} t`,
  );
  // Both drivers (PGlite and node-postgres) answer with `rows`.
  const result = (await db.execute(sql.raw(parts.join(' union all ')))) as unknown as { rows: { name: string; digest: string }[] };
  return Object.fromEntries(result.rows.map((row) => [row.name, row.digest]));
}

/** Names of the tables whose rows differ between two snapshots. */
export function changedTables(before: TableSnapshot, after: TableSnapshot): string[] {
  return Object.keys(before).filter((table) => before[table] !== after[table]);
}

import { sql } from 'drizzle-orm';
import type { Database } from '../db/client';

/** The tables a CRM or issue write can touch (SPEC §1); a refused call leaves every row as it was. */
export const writableTables = [
  'customer_relations_contacts',
  'customer_relations_organizations',
  'issue_customer_relations_contacts',
  'issues',
  'projects',
  'notes',
  'audit_events',
  'group_crm_settings',
] as const;

export type TableSnapshot = Record<string, string[]>;

/** Every row of `tables` as JSON text, in a stable order, to compare before and after a call. */
export async function snapshotTables(db: Database, tables: readonly string[] = writableTables): Promise<TableSnapshot> {
  const snapshot: TableSnapshot = {};
  for (const table of tables) {
    // Both drivers (PGlite and node-postgres) answer with `rows`.
    const result = (await db.execute(sql.raw(`select row_to_json(t)::text as row from ${table} t order by 1`))) as unknown as { rows: { row: string }[] };
    snapshot[table] = result.rows.map((row) => row.row);
  }
  return snapshot;
}

/** Names of the tables whose rows differ between two snapshots. */
export function changedTables(before: TableSnapshot, after: TableSnapshot): string[] {
  return Object.keys(before).filter((table) => JSON.stringify(before[table]) !== JSON.stringify(after[table]));
}

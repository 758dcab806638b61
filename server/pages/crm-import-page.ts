import 'server-only';
import type { CsvImportKind, RecordedCsvImport } from '@/lib/crm/csv-import-fields';
import { firstParam, type SearchParams } from '@/lib/search-params';
import { Permissions } from '../auth/permissions';
import type { Viewer } from '../auth/viewer';
import { recentCrmImports } from '../crm/csv-import-service';
import { getDb } from '../db/client';
import { type GroupSummary, loadGroupSummary } from './group-summary';

export type RecentImport = RecordedCsvImport<string>;

export interface CrmImportPage {
  group: GroupSummary;
  /** The kind chosen when the page opens (`?kind=organizations` from the organizations list). */
  kind: CsvImportKind;
  recentImports: RecentImport[];
}

/** The import page of a CRM group: Developers and above; null (a 404) for anyone else. */
export async function loadCrmImportPage(viewer: Viewer, fullPath: string, params: SearchParams): Promise<CrmImportPage | null> {
  const group = await loadGroupSummary(viewer, fullPath);
  if (!group?.rapportCanAdminCrm) return null;
  const db = await getDb();
  const imports = await recentCrmImports(db, new Permissions(db, viewer.user), fullPath);
  return {
    group,
    kind: firstParam(params, 'kind') === 'organizations' ? 'organizations' : 'contacts',
    recentImports: imports.map((recorded) => ({ ...recorded, createdAt: recorded.createdAt.toISOString() })),
  };
}

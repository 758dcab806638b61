import 'server-only';
import { graphql } from '@/lib/graphql';
import type { Viewer } from '../auth/viewer';
import { executeGraphQL } from '../graphql/execute';
import { type CrmAbilities, crmAbilities } from './crm-abilities';
import { type GroupSummary, withGroupSummary } from './group-summary';

export interface CrmRecordPage<Record> {
  group: GroupSummary;
  abilities: CrmAbilities;
  record: Record;
}

type RecordPageData<Record> = {
  group: { rapportCanAdminCrm: boolean; rapportCanDeleteCrm: boolean; records: { nodes: Record[] } | null } | null;
};

const contactPageQuery = graphql(`
  query RapportContactPage($fullPath: ID!, $ids: [CustomerRelationsContactID!]) {
    group(fullPath: $fullPath) {
      rapportCanAdminCrm rapportCanDeleteCrm
      records: contacts(ids: $ids, first: 1) { nodes { ...ContactDetail } }
    }
  }
`);

const organizationPageQuery = graphql(`
  query RapportOrganizationPage($fullPath: ID!, $ids: [CustomerRelationsOrganizationID!]) {
    group(fullPath: $fullPath) {
      rapportCanAdminCrm rapportCanDeleteCrm
      records: organizations(ids: $ids, first: 1) { nodes { ...OrganizationDetail } }
    }
  }
`);

/** The number in `/-/crm/contacts/<id>`; anything else is not a record. */
function recordId(segment: string): number | null {
  return /^[1-9]\d{0,17}$/.test(segment) && Number.isSafeInteger(Number(segment)) ? Number(segment) : null;
}

/**
 * One record, looked up through its group's list (`ids:`), so another group's record, or one the
 * viewer may not read, is simply not found: the page answers 404.
 */
async function loadRecordPage<Record>(
  viewer: Viewer,
  fullPath: string,
  idSegment: string,
  modelName: string,
  run: (variables: { fullPath: string; ids: string[] }) => Promise<RecordPageData<Record>>,
): Promise<CrmRecordPage<Record> | null> {
  const id = recordId(idSegment);
  if (id === null) return null;
  const found = await withGroupSummary(viewer, fullPath, run({ fullPath, ids: [`gid://gitlab/${modelName}/${id}`] }));
  const crm = found?.page.group;
  const record = crm?.records?.nodes[0];
  if (!found?.group.rapportCanReadCrm || !crm || !record) return null;
  return { group: found.group, abilities: crmAbilities(crm), record };
}

export function loadContactPage(viewer: Viewer, fullPath: string, idSegment: string) {
  return loadRecordPage(viewer, fullPath, idSegment, 'CustomerRelations::Contact', (variables) => executeGraphQL(viewer, contactPageQuery, variables));
}

export function loadOrganizationPage(viewer: Viewer, fullPath: string, idSegment: string) {
  return loadRecordPage(viewer, fullPath, idSegment, 'CustomerRelations::Organization', (variables) =>
    executeGraphQL(viewer, organizationPageQuery, variables),
  );
}

// --- Group CRM settings ---------------------------------------------------------------------------

export interface CrmSettingsPage {
  group: GroupSummary;
  enabled: boolean;
  sourceGroupPath: string;
  /** The top-level group and its descendants, the possible contact sources. */
  sourceOptions: { fullPath: string; name: string }[];
}

const crmSettingsQuery = graphql(`
  query RapportCrmSettings($fullPath: ID!) {
    group(fullPath: $fullPath) {
      rapportCrmSettings { enabled sourceGroup { fullPath } }
      descendantGroups(first: 100) { nodes { fullPath name } }
    }
  }
`);

/** Null (a 404) unless the viewer may change this top-level group's setting. */
export async function loadCrmSettingsPage(viewer: Viewer, fullPath: string): Promise<CrmSettingsPage | null> {
  const found = await withGroupSummary(viewer, fullPath, executeGraphQL(viewer, crmSettingsQuery, { fullPath }));
  const settings = found?.page.group;
  if (!found || !settings?.rapportCrmSettings) return null;
  const { group } = found;
  const descendants = [...settings.descendantGroups.nodes].sort((a, b) => a.fullPath.localeCompare(b.fullPath));
  return {
    group,
    enabled: settings.rapportCrmSettings.enabled,
    sourceGroupPath: settings.rapportCrmSettings.sourceGroup.fullPath,
    sourceOptions: [{ fullPath: group.fullPath, name: group.name }, ...descendants],
  };
}

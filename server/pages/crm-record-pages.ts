import 'server-only';
import type { ContactDetailProps } from '@/components/crm/contact-detail';
import type { OrganizationDetailProps } from '@/components/crm/organization-detail';
import type { Viewer } from '../auth/viewer';
import { executeGraphQL } from '../graphql/execute';
import { type CrmAbilities, crmAbilities, crmAbilityFields, type GroupSummary, groupSummary, groupSummaryFields } from './group-pages';

/** How many linked issues and contacts a detail page lists (the counts say when there are more). */
export const detailListSize = 100;

/** The detail pages' data is exactly what their components take. */
type ContactDetail = ContactDetailProps['contact'];
type OrganizationDetail = OrganizationDetailProps['organization'];

export interface CrmRecordPage<Record> {
  group: GroupSummary;
  abilities: CrmAbilities;
  record: Record;
}

const issueFields = 'id iid title state webUrl createdAt closedAt';
const activityFields = 'rapportActivity(first: 20) { id action createdAt actor { name username } changes { field value } }';

const contactPageQuery = /* GraphQL */ `
  query RapportContactPage($fullPath: ID!, $ids: [CustomerRelationsContactID!]) {
    group(fullPath: $fullPath) {
      ${groupSummaryFields}
      ${crmAbilityFields}
      records: contacts(ids: $ids, first: 1) {
        nodes {
          id firstName lastName email phone description active createdAt updatedAt
          organization { id name defaultRate active }
          issues(first: ${detailListSize}) { count nodes { ${issueFields} } }
          ${activityFields}
        }
      }
    }
  }
`;

const organizationPageQuery = /* GraphQL */ `
  query RapportOrganizationPage($fullPath: ID!, $ids: [CustomerRelationsOrganizationID!]) {
    group(fullPath: $fullPath) {
      ${groupSummaryFields}
      ${crmAbilityFields}
      records: organizations(ids: $ids, first: 1) {
        nodes {
          id name defaultRate description active createdAt updatedAt contactCount openIssueCount
          contacts(first: ${detailListSize}, sort: LAST_NAME_ASC) { count nodes { id firstName lastName email phone active } }
          issues(first: ${detailListSize}) { count nodes { ${issueFields} } }
          ${activityFields}
        }
      }
    }
  }
`;

type RecordPageData<Record> = {
  group: (GroupSummary & { rapportCanAdminCrm: boolean; rapportCanDeleteCrm: boolean; records: { nodes: Record[] } | null }) | null;
};

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
  document: string,
  modelName: string,
): Promise<CrmRecordPage<Record> | null> {
  const id = recordId(idSegment);
  if (id === null) return null;
  const data = await executeGraphQL<RecordPageData<Record>>(viewer, document, { fullPath, ids: [`gid://gitlab/${modelName}/${id}`] });
  const group = data.group;
  const record = group?.records?.nodes[0];
  if (!group?.rapportCanReadCrm || !record) return null;
  return { group: groupSummary(group), abilities: crmAbilities(group), record };
}

export function loadContactPage(viewer: Viewer, fullPath: string, idSegment: string) {
  return loadRecordPage<ContactDetail>(viewer, fullPath, idSegment, contactPageQuery, 'CustomerRelations::Contact');
}

export function loadOrganizationPage(viewer: Viewer, fullPath: string, idSegment: string) {
  return loadRecordPage<OrganizationDetail>(viewer, fullPath, idSegment, organizationPageQuery, 'CustomerRelations::Organization');
}

// --- Group CRM settings ---------------------------------------------------------------------------

export interface CrmSettingsPage {
  group: GroupSummary;
  enabled: boolean;
  sourceGroupPath: string;
  /** The top-level group and its descendants, the possible contact sources. */
  sourceOptions: { fullPath: string; name: string }[];
}

const crmSettingsQuery = /* GraphQL */ `
  query RapportCrmSettings($fullPath: ID!) {
    group(fullPath: $fullPath) {
      ${groupSummaryFields}
      rapportCrmSettings { enabled sourceGroup { fullPath } }
      descendantGroups(first: 100) { nodes { fullPath name } }
    }
  }
`;

interface CrmSettingsData {
  group:
    | (GroupSummary & {
        rapportCrmSettings: { enabled: boolean; sourceGroup: { fullPath: string } } | null;
        descendantGroups: { nodes: { fullPath: string; name: string }[] };
      })
    | null;
}

/** Null (a 404) unless the viewer may change this top-level group's setting. */
export async function loadCrmSettingsPage(viewer: Viewer, fullPath: string): Promise<CrmSettingsPage | null> {
  const data = await executeGraphQL<CrmSettingsData>(viewer, crmSettingsQuery, { fullPath });
  const group = data.group;
  if (!group?.rapportCrmSettings) return null;
  const descendants = [...group.descendantGroups.nodes].sort((a, b) => a.fullPath.localeCompare(b.fullPath));
  return {
    group: groupSummary(group),
    enabled: group.rapportCrmSettings.enabled,
    sourceGroupPath: group.rapportCrmSettings.sourceGroup.fullPath,
    sourceOptions: [{ fullPath: group.fullPath, name: group.name }, ...descendants],
  };
}

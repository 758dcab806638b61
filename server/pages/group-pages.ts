import 'server-only';
import type { ListDefaults, ListQuery } from '../../components/crm/list-url';
import type { Viewer } from '../auth/viewer';
import { contactSorts } from '../crm/contact-queries';
import { organizationSorts } from '../crm/organization-queries';
import { GraphQLExecutionError, executeGraphQL } from '../graphql/execute';
import { type SearchParams } from './page-viewer-or-sign-in';
import { pageVariables, parseListQuery } from './crm-list-params';

/** What every group page's left sidebar needs. */
export interface GroupSummary {
  id: string;
  name: string;
  fullPath: string;
  rapportCanReadCrm: boolean;
  rapportCanAdminCrmSettings: boolean;
}

export const groupSummaryFields = 'id name fullPath rapportCanReadCrm rapportCanAdminCrmSettings';

/** What the viewer may do with the Customer relations records of a group (the API checks again). */
export interface CrmAbilities {
  canAdmin: boolean;
  canDelete: boolean;
}

export const crmAbilityFields = 'rapportCanAdminCrm rapportCanDeleteCrm';

export function crmAbilities(group: { rapportCanAdminCrm: boolean; rapportCanDeleteCrm: boolean }): CrmAbilities {
  return { canAdmin: group.rapportCanAdminCrm, canDelete: group.rapportCanDeleteCrm };
}

export function groupSummary(group: GroupSummary): GroupSummary {
  const { id, name, fullPath, rapportCanReadCrm, rapportCanAdminCrmSettings } = group;
  return { id, name, fullPath, rapportCanReadCrm, rapportCanAdminCrmSettings };
}

export interface PageInfo {
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor: string | null;
  endCursor: string | null;
}

export interface StateCounts {
  active: number;
  inactive: number;
  all: number;
}

// --- Home -----------------------------------------------------------------------------------------

export interface ViewerGroup {
  id: string;
  name: string;
  fullPath: string;
  description: string | null;
}

const viewerGroupsQuery = /* GraphQL */ `
  query RapportViewerGroups {
    currentUser {
      groups(first: 100) {
        nodes { id name fullPath description }
      }
    }
  }
`;

export async function loadViewerGroups(viewer: Viewer): Promise<ViewerGroup[]> {
  const data = await executeGraphQL<{ currentUser: { groups: { nodes: ViewerGroup[] } | null } | null }>(viewer, viewerGroupsQuery);
  return data.currentUser?.groups?.nodes ?? [];
}

// --- Group overview -------------------------------------------------------------------------------

export interface GroupOverview extends GroupSummary {
  description: string | null;
  parent: { name: string; fullPath: string } | null;
  descendantGroups: { nodes: { id: string; name: string; fullPath: string; description: string | null }[] };
  projects: { nodes: { id: string; name: string; fullPath: string; description: string | null }[] };
}

const groupOverviewQuery = /* GraphQL */ `
  query RapportGroupOverview($fullPath: ID!) {
    group(fullPath: $fullPath) {
      ${groupSummaryFields}
      description
      parent { name fullPath }
      descendantGroups(includeParentDescendants: false, first: 100) { nodes { id name fullPath description } }
      projects(first: 100) { nodes { id name fullPath description } }
    }
  }
`;

export async function loadGroupOverview(viewer: Viewer, fullPath: string): Promise<GroupOverview | null> {
  const data = await executeGraphQL<{ group: GroupOverview | null }>(viewer, groupOverviewQuery, { fullPath });
  return data.group;
}

// --- Customer relations lists ---------------------------------------------------------------------

/**
 * Runs a list query; a forged cursor (or anything else the API refuses in the URL) shows the first
 * page with the same filters, then the plain default list, instead of an error page.
 */
async function withFallbacks<T>(queries: ListQuery[], run: (query: ListQuery) => Promise<T>): Promise<{ data: T; query: ListQuery }> {
  for (const [index, query] of queries.entries()) {
    try {
      return { data: await run(query), query };
    } catch (error) {
      if (!(error instanceof GraphQLExecutionError) || index === queries.length - 1) throw error;
    }
  }
  throw new Error('withFallbacks needs at least one query');
}

function fallbackQueries(query: ListQuery, defaults: ListDefaults): ListQuery[] {
  return [query, { ...query, after: undefined, before: undefined }, { search: '', ...defaults }];
}

export interface ContactRow {
  id: string;
  firstName: string;
  lastName: string;
  email: string | null;
  phone: string | null;
  description: string | null;
  active: boolean;
  organization: { id: string; name: string } | null;
}

export interface OrganizationRow {
  id: string;
  name: string;
  defaultRate: number | null;
  description: string | null;
  active: boolean;
  contactCount: number;
  openIssueCount: number;
}

/** One page of a Customer relations list, with the state counts that follow the search. */
export interface CrmListPage<Row> {
  group: GroupSummary;
  /** The query actually shown (a refused cursor falls back to the first page). */
  query: ListQuery;
  rows: Row[];
  pageInfo: PageInfo;
  counts: StateCounts;
  abilities: CrmAbilities;
}

interface CrmListData<Row> {
  group:
    | (GroupSummary & {
        rapportCanAdminCrm: boolean;
        rapportCanDeleteCrm: boolean;
        list: { nodes: Row[]; pageInfo: PageInfo } | null;
        counts: { [State in keyof StateCounts]: number | null } | null;
      })
    | null;
}

/** Both lists alias the page as `list` and the state counts as `counts`, so one loader reads either. */
function crmListDocument(
  name: string,
  field: 'contacts' | 'organizations',
  countsField: 'contactStateCounts' | 'organizationStateCounts',
  stateType: string,
  sortType: string,
  nodeFields: string,
): string {
  return /* GraphQL */ `
    query ${name}(
      $fullPath: ID!, $search: String, $state: ${stateType}, $sort: ${sortType},
      $first: Int, $after: String, $last: Int, $before: String
    ) {
      group(fullPath: $fullPath) {
        ${groupSummaryFields}
        ${crmAbilityFields}
        list: ${field}(search: $search, state: $state, sort: $sort, first: $first, after: $after, last: $last, before: $before) {
          nodes { ${nodeFields} }
          pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
        }
        counts: ${countsField}(search: $search) { all active inactive }
      }
    }
  `;
}

interface CrmListSpec {
  document: string;
  sorts: readonly string[];
  defaults: ListDefaults;
}

/** Null when the group does not exist, cannot be seen, or has no Customer relations this viewer may read. */
async function loadCrmList<Row>(viewer: Viewer, fullPath: string, params: SearchParams, spec: CrmListSpec): Promise<CrmListPage<Row> | null> {
  const requested = parseListQuery(params, spec.sorts, spec.defaults);
  const { data, query } = await withFallbacks(fallbackQueries(requested, spec.defaults), (query) =>
    executeGraphQL<CrmListData<Row>>(viewer, spec.document, {
      fullPath,
      search: query.search || null,
      state: query.state,
      sort: query.sort,
      ...pageVariables(query),
    }),
  );
  const group = data.group;
  if (!group?.rapportCanReadCrm || !group.list || !group.counts) return null;
  return {
    group: groupSummary(group),
    query,
    rows: group.list.nodes,
    pageInfo: group.list.pageInfo,
    counts: { active: group.counts.active ?? 0, inactive: group.counts.inactive ?? 0, all: group.counts.all ?? 0 },
    abilities: crmAbilities(group),
  };
}

// GitLab opens both lists on the Active tab (the API's default, without `state`, includes inactive records).
export const contactListDefaults: ListDefaults = { state: 'active', sort: 'LAST_NAME_ASC' };

const contactListSpec: CrmListSpec = {
  document: crmListDocument(
    'RapportGroupContacts',
    'contacts',
    'contactStateCounts',
    'CustomerRelationsContactState',
    'ContactSort',
    'id firstName lastName email phone description active organization { id name }',
  ),
  sorts: contactSorts,
  defaults: contactListDefaults,
};

export function loadGroupContacts(viewer: Viewer, fullPath: string, params: SearchParams) {
  return loadCrmList<ContactRow>(viewer, fullPath, params, contactListSpec);
}

export const organizationListDefaults: ListDefaults = { state: 'active', sort: 'NAME_ASC' };

const organizationListSpec: CrmListSpec = {
  document: crmListDocument(
    'RapportGroupOrganizations',
    'organizations',
    'organizationStateCounts',
    'CustomerRelationsOrganizationState',
    'OrganizationSort',
    'id name defaultRate description active contactCount openIssueCount',
  ),
  sorts: organizationSorts,
  defaults: organizationListDefaults,
};

export function loadGroupOrganizations(viewer: Viewer, fullPath: string, params: SearchParams) {
  return loadCrmList<OrganizationRow>(viewer, fullPath, params, organizationListSpec);
}

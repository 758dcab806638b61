import 'server-only';
import type { ListDefaults, ListQuery } from '@/lib/crm/list-url';
import { graphql } from '@/lib/graphql';
import type {
  ContactRecordFragment,
  ContactSort,
  GroupSummaryFragment,
  ListPageInfoFragment,
  OrganizationSort,
  OrganizationTableRowFragment,
} from '@/lib/graphql/graphql';
import type { Viewer } from '../auth/viewer';
import { contactSorts } from '../crm/contact-repository';
import { organizationSorts } from '../crm/organization-repository';
import { GraphQLExecutionError, executeGraphQL } from '../graphql/execute';
import type { SearchParams } from '@/lib/search-params';
import { pageVariables, parseListQuery } from './crm-list-params';

export type GroupSummary = GroupSummaryFragment;

/** What the viewer may do with the Customer relations records of a group (the API checks again). */
export interface CrmAbilities {
  canAdmin: boolean;
  canDelete: boolean;
}

export function crmAbilities(group: { rapportCanAdminCrm: boolean; rapportCanDeleteCrm: boolean }): CrmAbilities {
  return { canAdmin: group.rapportCanAdminCrm, canDelete: group.rapportCanDeleteCrm };
}

export function groupSummary(group: GroupSummary): GroupSummary {
  const { id, name, fullPath, rapportCanReadCrm, rapportCanAdminCrmSettings } = group;
  return { id, name, fullPath, rapportCanReadCrm, rapportCanAdminCrmSettings };
}

export interface StateCounts {
  active: number;
  inactive: number;
  all: number;
}

// --- Every group page ------------------------------------------------------------------------------

const groupSummaryQuery = graphql(`
  query RapportGroupSummary($fullPath: ID!) {
    group(fullPath: $fullPath) { ...GroupSummary }
  }
`);

/** The group of a group page's layout; null when it does not exist or cannot be seen. */
export async function loadGroupSummary(viewer: Viewer, fullPath: string) {
  const data = await executeGraphQL(viewer, groupSummaryQuery, { fullPath });
  return data.group;
}

// --- Home -----------------------------------------------------------------------------------------

const viewerGroupsQuery = graphql(`
  query RapportViewerGroups {
    currentUser {
      groups(first: 100) {
        nodes { id name fullPath description }
      }
    }
  }
`);

export async function loadViewerGroups(viewer: Viewer) {
  const data = await executeGraphQL(viewer, viewerGroupsQuery, {});
  return data.currentUser?.groups?.nodes ?? [];
}

// --- Group overview -------------------------------------------------------------------------------

const groupOverviewQuery = graphql(`
  query RapportGroupOverview($fullPath: ID!) {
    group(fullPath: $fullPath) {
      ...GroupSummary
      description
      parent { name fullPath }
      descendantGroups(includeParentDescendants: false, first: 100) { nodes { id name fullPath description } }
      projects(first: 100) { nodes { id name fullPath description } }
    }
  }
`);

export async function loadGroupOverview(viewer: Viewer, fullPath: string) {
  const data = await executeGraphQL(viewer, groupOverviewQuery, { fullPath });
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

/** One page of a Customer relations list, with the state counts that follow the search. */
export interface CrmListPage<Row> {
  group: GroupSummary;
  /** The query actually shown (a refused cursor falls back to the first page). */
  query: ListQuery;
  rows: Row[];
  pageInfo: ListPageInfoFragment;
  counts: StateCounts;
  abilities: CrmAbilities;
}

/** Both lists alias the page as `list` and the state counts as `counts`, so one loader reads either. */
interface CrmListData<Row> {
  group:
    | (GroupSummary & {
        rapportCanAdminCrm: boolean;
        rapportCanDeleteCrm: boolean;
        list: { nodes: Row[]; pageInfo: ListPageInfoFragment } | null;
        counts: { [State in keyof StateCounts]: number | null } | null;
      })
    | null;
}

type ListVariables = ReturnType<typeof pageVariables> & { fullPath: string; search: string | null; state: ListQuery['state']; sort: string };

interface CrmListSpec<Row> {
  /** Runs the list's document; `sort` is one of `sorts`. */
  run: (viewer: Viewer, variables: ListVariables) => Promise<CrmListData<Row>>;
  sorts: readonly string[];
  defaults: ListDefaults;
}

/** Null when the group does not exist, cannot be seen, or has no Customer relations this viewer may read. */
async function loadCrmList<Row>(viewer: Viewer, fullPath: string, params: SearchParams, spec: CrmListSpec<Row>): Promise<CrmListPage<Row> | null> {
  const requested = parseListQuery(params, spec.sorts, spec.defaults);
  const { data, query } = await withFallbacks(fallbackQueries(requested, spec.defaults), (query) =>
    spec.run(viewer, {
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

const groupContactsQuery = graphql(`
  query RapportGroupContacts(
    $fullPath: ID!, $search: String, $state: CustomerRelationsContactState, $sort: ContactSort,
    $first: Int, $after: String, $last: Int, $before: String
  ) {
    group(fullPath: $fullPath) {
      ...GroupSummary
      rapportCanAdminCrm rapportCanDeleteCrm
      list: contacts(search: $search, state: $state, sort: $sort, first: $first, after: $after, last: $last, before: $before) {
        nodes { ...ContactRecord }
        pageInfo { ...ListPageInfo }
      }
      counts: contactStateCounts(search: $search) { all active inactive }
    }
  }
`);

// GitLab opens both lists on the Active tab (the API's default, without `state`, includes inactive records).
export const contactListDefaults: ListDefaults = { state: 'active', sort: 'LAST_NAME_ASC' };

const contactListSpec: CrmListSpec<ContactRecordFragment> = {
  run: (viewer, variables) => executeGraphQL(viewer, groupContactsQuery, { ...variables, sort: variables.sort as ContactSort }),
  sorts: contactSorts,
  defaults: contactListDefaults,
};

export function loadGroupContacts(viewer: Viewer, fullPath: string, params: SearchParams) {
  return loadCrmList(viewer, fullPath, params, contactListSpec);
}

const groupOrganizationsQuery = graphql(`
  query RapportGroupOrganizations(
    $fullPath: ID!, $search: String, $state: CustomerRelationsOrganizationState, $sort: OrganizationSort,
    $first: Int, $after: String, $last: Int, $before: String
  ) {
    group(fullPath: $fullPath) {
      ...GroupSummary
      rapportCanAdminCrm rapportCanDeleteCrm
      list: organizations(search: $search, state: $state, sort: $sort, first: $first, after: $after, last: $last, before: $before) {
        nodes { ...OrganizationTableRow }
        pageInfo { ...ListPageInfo }
      }
      counts: organizationStateCounts(search: $search) { all active inactive }
    }
  }
`);

export const organizationListDefaults: ListDefaults = { state: 'active', sort: 'NAME_ASC' };

const organizationListSpec: CrmListSpec<OrganizationTableRowFragment> = {
  run: (viewer, variables) => executeGraphQL(viewer, groupOrganizationsQuery, { ...variables, sort: variables.sort as OrganizationSort }),
  sorts: organizationSorts,
  defaults: organizationListDefaults,
};

export function loadGroupOrganizations(viewer: Viewer, fullPath: string, params: SearchParams) {
  return loadCrmList(viewer, fullPath, params, organizationListSpec);
}

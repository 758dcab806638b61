import 'server-only';
import type { ListDefaults, ListQuery, RecordStateFilter } from '@/lib/crm/list-url';
import { graphql } from '@/lib/graphql';
import type { ContactRecordFragment, ContactSort, ListPageInfoFragment, OrganizationSort, OrganizationTableRowFragment } from '@/lib/graphql/graphql';
import type { SearchParams } from '@/lib/search-params';
import type { Viewer } from '../auth/viewer';
import { contactSorts } from '../crm/contact-repository';
import { organizationSorts } from '../crm/organization-repository';
import { GraphQLExecutionError, executeGraphQL } from '../graphql/execute';
import { toGlobalId } from '../graphql/global-id';
import { type CrmAbilities, crmAbilities } from './crm-abilities';
import { pageVariables, parseListQuery } from './crm-list-params';
import { type GroupSummary, withGroupSummary } from './group-summary';

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
export interface CrmList<Row> {
  group: GroupSummary;
  /** The query actually shown (a refused cursor falls back to the first page). */
  query: ListQuery;
  /** The list's default state and sort, which its links leave out. */
  defaults: ListDefaults;
  rows: Row[];
  pageInfo: ListPageInfoFragment;
  counts: Record<RecordStateFilter, number>;
  abilities: CrmAbilities;
}

/** Both lists alias the page as `list` and the state counts as `counts`, so one loader reads either. */
interface CrmListData<Row> {
  group: {
    rapportCanAdminCrm: boolean;
    rapportCanDeleteCrm: boolean;
    list: { nodes: Row[]; pageInfo: ListPageInfoFragment } | null;
    counts: { [State in RecordStateFilter]: number | null } | null;
  } | null;
}

type ListVariables = ReturnType<typeof pageVariables> & { fullPath: string; search: string | null; state: ListQuery['state']; sort: string; tier?: string };

interface CrmListSpec<Row> {
  /** Runs the list's document; `sort` is one of `sorts`. */
  run: (viewer: Viewer, variables: ListVariables) => Promise<CrmListData<Row>>;
  sorts: readonly string[];
  defaults: ListDefaults;
}

/** Null when the group does not exist, cannot be seen, or has no Customer relations this viewer may read. */
async function loadCrmList<Row>(viewer: Viewer, fullPath: string, params: SearchParams, spec: CrmListSpec<Row>): Promise<CrmList<Row> | null> {
  const requested = parseListQuery(params, spec.sorts, spec.defaults);
  const listed = withFallbacks(fallbackQueries(requested, spec.defaults), (query) =>
    spec.run(viewer, {
      fullPath,
      search: query.search || null,
      state: query.state,
      sort: query.sort,
      tier: query.tier,
      ...pageVariables(query),
    }),
  );
  const found = await withGroupSummary(viewer, fullPath, listed);
  const crm = found?.page.data.group;
  if (!found?.group.rapportCanReadCrm || !crm?.list || !crm.counts) return null;
  return {
    group: found.group,
    query: found.page.query,
    defaults: spec.defaults,
    rows: crm.list.nodes,
    pageInfo: crm.list.pageInfo,
    counts: { active: crm.counts.active ?? 0, inactive: crm.counts.inactive ?? 0, all: crm.counts.all ?? 0 },
    abilities: crmAbilities(crm),
  };
}

const groupContactsQuery = graphql(`
  query RapportGroupContacts(
    $fullPath: ID!, $search: String, $state: CustomerRelationsContactState, $sort: ContactSort,
    $first: Int, $after: String, $last: Int, $before: String
  ) {
    group(fullPath: $fullPath) {
      rapportCanAdminCrm rapportCanDeleteCrm
      list: contacts(search: $search, state: $state, sort: $sort, first: $first, after: $after, last: $last, before: $before) {
        nodes { ...ContactRecord }
        pageInfo { ...ListPageInfo }
      }
      counts: contactStateCounts(search: $search) { all active inactive }
    }
  }
`);

/**
 * What each list shows without parameters (and its links leave out), shared with the CSV export of
 * the same view. GitLab opens both lists on the Active tab (the API's default, without `state`,
 * includes inactive records).
 */
export const crmListDefaults = {
  contacts: { state: 'active', sort: 'LAST_NAME_ASC' },
  organizations: { state: 'active', sort: 'NAME_ASC' },
} as const satisfies Record<string, ListDefaults>;

const contactListSpec: CrmListSpec<ContactRecordFragment> = {
  run: (viewer, { tier: _tier, ...variables }) => executeGraphQL(viewer, groupContactsQuery, { ...variables, sort: variables.sort as ContactSort }),
  sorts: contactSorts,
  defaults: crmListDefaults.contacts,
};

export function loadGroupContacts(viewer: Viewer, fullPath: string, params: SearchParams) {
  return loadCrmList(viewer, fullPath, params, contactListSpec);
}

const groupOrganizationsQuery = graphql(`
  query RapportGroupOrganizations(
    $fullPath: ID!, $search: String, $state: CustomerRelationsOrganizationState, $sort: OrganizationSort, $tierId: RapportCustomerTierID,
    $first: Int, $after: String, $last: Int, $before: String
  ) {
    group(fullPath: $fullPath) {
      rapportCanAdminCrm rapportCanDeleteCrm
      list: organizations(search: $search, state: $state, sort: $sort, tierId: $tierId, first: $first, after: $after, last: $last, before: $before) {
        nodes { ...OrganizationTableRow }
        pageInfo { ...ListPageInfo }
      }
      counts: organizationStateCounts(search: $search, tierId: $tierId) { all active inactive }
    }
  }
`);

const organizationListSpec: CrmListSpec<OrganizationTableRowFragment> = {
  run: (viewer, { tier, ...variables }) =>
    executeGraphQL(viewer, groupOrganizationsQuery, {
      ...variables,
      sort: variables.sort as OrganizationSort,
      tierId: tier ? toGlobalId('Rapport::CustomerTier', tier) : null,
    }),
  sorts: organizationSorts,
  defaults: crmListDefaults.organizations,
};

export function loadGroupOrganizations(viewer: Viewer, fullPath: string, params: SearchParams) {
  return loadCrmList(viewer, fullPath, params, organizationListSpec);
}

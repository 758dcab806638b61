import 'server-only';
import type { Viewer } from '../auth/viewer';
import { searchWithinLimits } from '../db/search-terms';
import { GraphQLExecutionError, executeGraphQL } from '../graphql/execute';
import { toGlobalId } from '../graphql/global-id';
import { graphql } from '@/lib/graphql';
import type { IssueListQuery } from '@/lib/issues/issue-list-url';
import type { ListPageInfoFragment } from '@/lib/graphql/graphql';

// --- Issue page -----------------------------------------------------------------------------------

const issuePageQuery = graphql(`
  query RapportIssuePage($projectPath: ID!, $iid: String!) {
    project(fullPath: $projectPath) {
      ...ProjectSummary
      rapportCanReadIssueContacts
      rapportCanSetIssueContacts
      rapportCrmGroup { id fullPath rapportCanAdminCrm }
      issue(iid: $iid) { ...IssueView }
    }
  }
`);

/** Null when the project or the issue does not exist or cannot be seen. */
export async function loadIssuePage(viewer: Viewer, projectPath: string, iid: string) {
  const data = await executeGraphQL(viewer, issuePageQuery, { projectPath, iid });
  if (!data.project?.issue) return null;
  const { issue, ...project } = data.project;
  return { project, issue };
}

// --- New issue form -------------------------------------------------------------------------------

const newIssueQuery = graphql(`
  query RapportNewIssue($projectPath: ID!) {
    project(fullPath: $projectPath) { ...ProjectSummary }
  }
`);

/** The project a new issue goes into; null when it does not exist or cannot be seen. */
export async function loadNewIssuePage(viewer: Viewer, projectPath: string) {
  const data = await executeGraphQL(viewer, newIssueQuery, { projectPath });
  return data.project;
}

// --- Project issue list ---------------------------------------------------------------------------

export const issueListPageSize = 20;

/** The contact or organization the list is filtered by; `name` is null when the viewer cannot read it. */
export interface ActiveCrmFilter {
  kind: 'contact' | 'organization';
  id: string;
  name: string | null;
}

const projectIssuesQuery = graphql(`
  query RapportProjectIssues(
    $projectPath: ID!, $state: IssuableState, $search: String, $crmContactId: String, $crmOrganizationId: String,
    $first: Int, $after: String, $last: Int, $before: String,
    $contactIds: [CustomerRelationsContactID!], $organizationIds: [CustomerRelationsOrganizationID!],
    $withContact: Boolean!, $withOrganization: Boolean!
  ) {
    project(fullPath: $projectPath) {
      ...ProjectSummary
      rapportCanReadIssueContacts
      rapportCrmGroup {
        organizations(first: 100, sort: NAME_ASC) { nodes { id name } }
        filterContact: contacts(ids: $contactIds, first: 1) @include(if: $withContact) { nodes { id firstName lastName } }
        filterOrganization: organizations(ids: $organizationIds, first: 1) @include(if: $withOrganization) { nodes { id name } }
      }
      issues(
        state: $state, search: $search, crmContactId: $crmContactId, crmOrganizationId: $crmOrganizationId,
        first: $first, after: $after, last: $last, before: $before
      ) {
        nodes { ...IssueListRow }
        pageInfo { ...ListPageInfo }
      }
      opened: issues(state: opened, search: $search, crmContactId: $crmContactId, crmOrganizationId: $crmOrganizationId) { count }
      closed: issues(state: closed, search: $search, crmContactId: $crmContactId, crmOrganizationId: $crmOrganizationId) { count }
      all: issues(state: all, search: $search, crmContactId: $crmContactId, crmOrganizationId: $crmOrganizationId) { count }
    }
  }
`);

const emptyPageInfo: ListPageInfoFragment = { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null };

/** Null when the project does not exist or cannot be seen. A refused cursor shows the first page. */
export async function loadProjectIssues(viewer: Viewer, projectPath: string, filters: IssueListQuery) {
  const run = (cursor: { after?: string; before?: string }) =>
    executeGraphQL(viewer, projectIssuesQuery, {
      projectPath,
      state: filters.state,
      // A search box may hold more than the API accepts: list what fits rather than fail the page.
      search: filters.search ? searchWithinLimits(filters.search) : null,
      crmContactId: filters.crmContactId ?? null,
      crmOrganizationId: filters.crmOrganizationId ?? null,
      ...(cursor.before ? { last: issueListPageSize, before: cursor.before } : { first: issueListPageSize, after: cursor.after ?? null }),
      contactIds: filters.crmContactId ? [toGlobalId('CustomerRelations::Contact', Number(filters.crmContactId))] : [],
      organizationIds: filters.crmOrganizationId ? [toGlobalId('CustomerRelations::Organization', Number(filters.crmOrganizationId))] : [],
      withContact: Boolean(filters.crmContactId),
      withOrganization: Boolean(filters.crmOrganizationId),
    });
  let data: Awaited<ReturnType<typeof run>>;
  try {
    data = await run(filters);
  } catch (error) {
    if (!(error instanceof GraphQLExecutionError) || !(filters.after || filters.before)) throw error;
    data = await run({});
  }
  if (!data.project) return null;
  const { issues, rapportCrmGroup: crmGroup, opened, closed, all, ...project } = data.project;

  const crmFilters: ActiveCrmFilter[] = [];
  if (filters.crmContactId) {
    const contact = crmGroup?.filterContact?.nodes[0];
    crmFilters.push({ kind: 'contact', id: filters.crmContactId, name: contact ? `${contact.firstName} ${contact.lastName}` : null });
  }
  if (filters.crmOrganizationId) {
    const organization = crmGroup?.filterOrganization?.nodes[0];
    crmFilters.push({ kind: 'organization', id: filters.crmOrganizationId, name: organization?.name ?? null });
  }

  return {
    project,
    issues: issues?.nodes ?? [],
    pageInfo: issues?.pageInfo ?? emptyPageInfo,
    counts: { opened: opened?.count ?? 0, closed: closed?.count ?? 0, all: all?.count ?? 0 },
    organizations: crmGroup?.organizations?.nodes ?? [],
    crmFilters,
  };
}

import 'server-only';
import type { Viewer } from '../auth/viewer';
import { executeGraphQL } from '../graphql/execute';
import { graphql } from '@/lib/graphql';
import type { IssueListQuery } from '@/lib/issues/issue-list-url';
import { issueListData, issueListVariables, runWithCursorFallback } from './issue-list-data';

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
    project(fullPath: $projectPath) { ...ProjectSummary rapportCanSetIssueContacts }
  }
`);

/** The project a new issue goes into; null when it does not exist or cannot be seen. */
export async function loadNewIssuePage(viewer: Viewer, projectPath: string) {
  const data = await executeGraphQL(viewer, newIssueQuery, { projectPath });
  return data.project;
}

// --- Project issue list ---------------------------------------------------------------------------

const projectIssuesQuery = graphql(`
  query RapportProjectIssues(
    $projectPath: ID!, $state: IssuableState, $search: String, $crmContactId: String, $crmOrganizationId: String, $customerTier: String, $sort: IssueSort,
    $first: Int, $after: String, $last: Int, $before: String,
    $contactIds: [CustomerRelationsContactID!], $organizationIds: [CustomerRelationsOrganizationID!],
    $withContact: Boolean!, $withOrganization: Boolean!
  ) {
    project(fullPath: $projectPath) {
      ...ProjectSummary
      rapportCrmGroup {
        fullPath
        rapportCustomerTiers { id name }
        filterContact: contacts(ids: $contactIds, first: 1) @include(if: $withContact) { nodes { id firstName lastName } }
        filterOrganization: organizations(ids: $organizationIds, first: 1) @include(if: $withOrganization) { nodes { id name } }
      }
      issues(
        state: $state, search: $search, crmContactId: $crmContactId, crmOrganizationId: $crmOrganizationId,
        customerTier: $customerTier, sort: $sort, first: $first, after: $after, last: $last, before: $before
      ) {
        nodes { ...IssueListRow }
        pageInfo { ...ListPageInfo }
      }
      opened: issues(state: opened, search: $search, crmContactId: $crmContactId, crmOrganizationId: $crmOrganizationId, customerTier: $customerTier) { count }
      closed: issues(state: closed, search: $search, crmContactId: $crmContactId, crmOrganizationId: $crmOrganizationId, customerTier: $customerTier) { count }
      all: issues(state: all, search: $search, crmContactId: $crmContactId, crmOrganizationId: $crmOrganizationId, customerTier: $customerTier) { count }
    }
  }
`);

/** Null when the project does not exist or cannot be seen. A refused cursor shows the first page. */
export async function loadProjectIssues(viewer: Viewer, projectPath: string, filters: IssueListQuery) {
  const data = await runWithCursorFallback(filters, (cursor) =>
    executeGraphQL(viewer, projectIssuesQuery, { projectPath, ...issueListVariables(filters, cursor) }),
  );
  if (!data.project) return null;
  const { issues, rapportCrmGroup: crmGroup, opened, closed, all, ...project } = data.project;
  return { project, ...issueListData(filters, { issues, opened, closed, all, crmGroup }) };
}

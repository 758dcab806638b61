import 'server-only';
import type { Viewer } from '../auth/viewer';
import { executeGraphQL } from '../graphql/execute';
import { graphql } from '@/lib/graphql';
import type { IssueListQuery } from '@/lib/issues/issue-list-url';
import { issueListData, issueListVariables, runWithCursorFallback } from './issue-list-data';
import { withGroupSummary } from './group-summary';

// The group list shows the issues of its subgroups' projects too, as GitLab's group issue list does.
const groupIssuesQuery = graphql(`
  query RapportGroupIssues(
    $fullPath: ID!, $state: IssuableState, $search: String, $crmContactId: String, $crmOrganizationId: String, $customerTier: String, $sort: IssueSort,
    $first: Int, $after: String, $last: Int, $before: String,
    $contactIds: [CustomerRelationsContactID!], $organizationIds: [CustomerRelationsOrganizationID!],
    $withContact: Boolean!, $withOrganization: Boolean!
  ) {
    group(fullPath: $fullPath) {
      rapportIssueCrmGroup {
        fullPath
        rapportCustomerTiers { id name }
        filterContact: contacts(ids: $contactIds, first: 1) @include(if: $withContact) { nodes { id firstName lastName } }
        filterOrganization: organizations(ids: $organizationIds, first: 1) @include(if: $withOrganization) { nodes { id name } }
      }
      issues(
        includeSubgroups: true, state: $state, search: $search, crmContactId: $crmContactId, crmOrganizationId: $crmOrganizationId,
        customerTier: $customerTier, sort: $sort, first: $first, after: $after, last: $last, before: $before
      ) {
        nodes { ...IssueListRow }
        pageInfo { ...ListPageInfo }
      }
      opened: issues(includeSubgroups: true, state: opened, search: $search, crmContactId: $crmContactId, crmOrganizationId: $crmOrganizationId, customerTier: $customerTier) { count }
      closed: issues(includeSubgroups: true, state: closed, search: $search, crmContactId: $crmContactId, crmOrganizationId: $crmOrganizationId, customerTier: $customerTier) { count }
      all: issues(includeSubgroups: true, state: all, search: $search, crmContactId: $crmContactId, crmOrganizationId: $crmOrganizationId, customerTier: $customerTier) { count }
    }
  }
`);

/** Null when the group does not exist or cannot be seen. A refused cursor shows the first page. */
export async function loadGroupIssues(viewer: Viewer, fullPath: string, filters: IssueListQuery) {
  const found = await withGroupSummary(
    viewer,
    fullPath,
    runWithCursorFallback(filters, (cursor) => executeGraphQL(viewer, groupIssuesQuery, { fullPath, ...issueListVariables(filters, cursor) })),
  );
  if (!found?.page.group) return null;
  const { issues, rapportIssueCrmGroup: crmGroup, opened, closed, all } = found.page.group;
  return { group: found.group, ...issueListData(filters, { issues, opened, closed, all, crmGroup }) };
}

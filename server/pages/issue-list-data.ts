import 'server-only';
import { searchWithinLimits } from '../db/search-terms';
import { GraphQLExecutionError } from '../graphql/execute';
import { toGlobalId } from '../graphql/global-id';
import type { IssueListQuery } from '@/lib/issues/issue-list-url';
import type { IssueListRowFragment, ListPageInfoFragment } from '@/lib/graphql/graphql';

/** What a project's and a group's issue list pages share: their variables, the bad-cursor fallback and the shape they render. */

export const issueListPageSize = 20;

/** The contact or organization the list is filtered by; `name` is null when the viewer cannot read it. */
export interface ActiveCrmFilter {
  kind: 'contact' | 'organization';
  id: string;
  name: string | null;
}

/** The variables every issue list document takes, for the URL's filters and one cursor. */
export function issueListVariables(filters: IssueListQuery, cursor: { after?: string; before?: string }) {
  return {
    state: filters.state,
    // A search box may hold more than the API accepts: list what fits rather than fail the page.
    search: filters.search ? searchWithinLimits(filters.search) : null,
    crmContactId: filters.crmContactId ?? null,
    crmOrganizationId: filters.crmOrganizationId ?? null,
    customerTier: filters.customerTier ?? null,
    sort: filters.sort ?? 'CREATED_DESC',
    ...(cursor.before ? { last: issueListPageSize, before: cursor.before } : { first: issueListPageSize, after: cursor.after ?? null }),
    contactIds: filters.crmContactId ? [toGlobalId('CustomerRelations::Contact', Number(filters.crmContactId))] : [],
    organizationIds: filters.crmOrganizationId ? [toGlobalId('CustomerRelations::Organization', Number(filters.crmOrganizationId))] : [],
    withContact: Boolean(filters.crmContactId),
    withOrganization: Boolean(filters.crmOrganizationId),
  };
}

/** Runs the list's document at the URL's cursor; a refused (stale or forged) cursor shows the first page. */
export async function runWithCursorFallback<T>(filters: IssueListQuery, run: (cursor: { after?: string; before?: string }) => Promise<T>): Promise<T> {
  try {
    return await run(filters);
  } catch (error) {
    if (!(error instanceof GraphQLExecutionError) || !(filters.after || filters.before)) throw error;
    return run({});
  }
}

interface IssueListResult {
  issues: { nodes: IssueListRowFragment[]; pageInfo: ListPageInfoFragment } | null;
  opened: { count: number } | null;
  closed: { count: number } | null;
  all: { count: number } | null;
  crmGroup: {
    fullPath: string;
    rapportCustomerTiers: { name: string }[];
    filterContact?: { nodes: { firstName: string; lastName: string }[] } | null;
    filterOrganization?: { nodes: { name: string }[] } | null;
  } | null;
}

const emptyPageInfo: ListPageInfoFragment = { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null };

/** The list as its component renders it. */
export function issueListData(filters: IssueListQuery, { issues, opened, closed, all, crmGroup }: IssueListResult) {
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
    issues: issues?.nodes ?? [],
    pageInfo: issues?.pageInfo ?? emptyPageInfo,
    counts: { opened: opened?.count ?? 0, closed: closed?.count ?? 0, all: all?.count ?? 0 },
    crmGroupPath: crmGroup?.fullPath ?? null,
    customerTiers: crmGroup?.rapportCustomerTiers.map((tier) => tier.name) ?? [],
    crmFilters,
  };
}

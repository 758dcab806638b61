import 'server-only';
import type { Viewer } from '../auth/viewer';
import { searchWithinLimits } from '../crm/search-terms';
import { GraphQLExecutionError, executeGraphQL } from '../graphql/execute';
import { toGlobalId } from '../graphql/global-id';

export interface ProjectSummary {
  id: string;
  name: string;
  fullPath: string;
  description: string | null;
  group: { name: string; fullPath: string } | null;
}

const projectSummaryFields = 'id name fullPath description group { name fullPath }';

// --- Issue page -----------------------------------------------------------------------------------

export interface IssueContact {
  id: string;
  firstName: string;
  lastName: string;
  email: string | null;
  phone: string | null;
  description: string | null;
  organization: { name: string; defaultRate: number | null } | null;
}

export interface IssueNote {
  id: string;
  body: string;
  system: boolean;
  createdAt: string;
  author: { username: string; name: string } | null;
}

/** The page shows this many notes; GitLab pages its discussion too. */
export const issueNotesPageSize = 100;

export interface IssueDetails {
  id: string;
  iid: string;
  title: string;
  description: string | null;
  state: 'opened' | 'closed' | 'locked' | 'all';
  createdAt: string;
  closedAt: string | null;
  rapportCanUpdate: boolean;
  author: { username: string; name: string };
  customerRelationsContacts: { count: number; nodes: IssueContact[] } | null;
  notes: { nodes: IssueNote[]; pageInfo: { hasNextPage: boolean } };
}

export interface IssuePage {
  project: ProjectSummary & { rapportCanReadIssueContacts: boolean; rapportCanSetIssueContacts: boolean };
  issue: IssueDetails;
}

const issuePageQuery = /* GraphQL */ `
  query RapportIssuePage($projectPath: ID!, $iid: String!) {
    project(fullPath: $projectPath) {
      ${projectSummaryFields}
      rapportCanReadIssueContacts
      rapportCanSetIssueContacts
      issue(iid: $iid) {
        id iid title description state createdAt closedAt rapportCanUpdate
        author { username name }
        customerRelationsContacts(first: 100) {
          count
          nodes { id firstName lastName email phone description organization { name defaultRate } }
        }
        notes(first: ${issueNotesPageSize}) {
          nodes { id body system createdAt author { username name } }
          pageInfo { hasNextPage }
        }
      }
    }
  }
`;

/** Null when the project or the issue does not exist or cannot be seen. */
export async function loadIssuePage(viewer: Viewer, projectPath: string, iid: string): Promise<IssuePage | null> {
  const data = await executeGraphQL<{ project: (IssuePage['project'] & { issue: IssueDetails | null }) | null }>(
    viewer,
    issuePageQuery,
    { projectPath, iid },
  );
  if (!data.project?.issue) return null;
  const { issue, ...project } = data.project;
  return { project, issue };
}

// --- New issue form -------------------------------------------------------------------------------

const newIssueQuery = /* GraphQL */ `
  query RapportNewIssue($projectPath: ID!) {
    project(fullPath: $projectPath) { ${projectSummaryFields} }
  }
`;

/** The project a new issue goes into; null when it does not exist or cannot be seen. */
export async function loadNewIssuePage(viewer: Viewer, projectPath: string): Promise<ProjectSummary | null> {
  const data = await executeGraphQL<{ project: ProjectSummary | null }>(viewer, newIssueQuery, { projectPath });
  return data.project;
}

// --- Project issue list ---------------------------------------------------------------------------

export const issueListPageSize = 20;

export interface IssueListFilters {
  state: 'opened' | 'closed' | 'all';
  search?: string;
  crmContactId?: string;
  crmOrganizationId?: string;
  after?: string;
  before?: string;
}

export interface IssueListRow {
  id: string;
  iid: string;
  title: string;
  state: string;
  createdAt: string;
  author: { username: string; name: string };
}

export interface IssueListPageInfo {
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor: string | null;
  endCursor: string | null;
}

/** The contact or organization the list is filtered by; `name` is null when the viewer cannot read it. */
export interface ActiveCrmFilter {
  kind: 'contact' | 'organization';
  id: string;
  name: string | null;
}

export interface ProjectIssuesPage {
  project: ProjectSummary & { rapportCanReadIssueContacts: boolean };
  issues: IssueListRow[];
  pageInfo: IssueListPageInfo;
  counts: { opened: number; closed: number; all: number };
  /** Organizations of the project's CRM group, for the filter; empty when the viewer cannot read them. */
  organizations: { id: string; name: string }[];
  crmFilters: ActiveCrmFilter[];
}

const projectIssuesQuery = /* GraphQL */ `
  query RapportProjectIssues(
    $projectPath: ID!, $state: IssuableState, $search: String, $crmContactId: String, $crmOrganizationId: String,
    $first: Int, $after: String, $last: Int, $before: String,
    $contactIds: [CustomerRelationsContactID!], $organizationIds: [CustomerRelationsOrganizationID!],
    $withContact: Boolean!, $withOrganization: Boolean!
  ) {
    project(fullPath: $projectPath) {
      ${projectSummaryFields}
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
        nodes { id iid title state createdAt author { username name } }
        pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      }
      opened: issues(state: opened, search: $search, crmContactId: $crmContactId, crmOrganizationId: $crmOrganizationId) { count }
      closed: issues(state: closed, search: $search, crmContactId: $crmContactId, crmOrganizationId: $crmOrganizationId) { count }
      all: issues(state: all, search: $search, crmContactId: $crmContactId, crmOrganizationId: $crmOrganizationId) { count }
    }
  }
`;

interface ProjectIssuesData {
  project:
    | (ProjectSummary & {
        rapportCanReadIssueContacts: boolean;
        rapportCrmGroup: {
          organizations: { nodes: { id: string; name: string }[] } | null;
          filterContact?: { nodes: { id: string; firstName: string; lastName: string }[] } | null;
          filterOrganization?: { nodes: { id: string; name: string }[] } | null;
        } | null;
        issues: { nodes: IssueListRow[]; pageInfo: IssueListPageInfo } | null;
        opened: { count: number } | null;
        closed: { count: number } | null;
        all: { count: number } | null;
      })
    | null;
}

const emptyPageInfo: IssueListPageInfo = { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null };

/** Null when the project does not exist or cannot be seen. A refused cursor shows the first page. */
export async function loadProjectIssues(viewer: Viewer, projectPath: string, filters: IssueListFilters): Promise<ProjectIssuesPage | null> {
  const run = (cursor: { after?: string; before?: string }) =>
    executeGraphQL<ProjectIssuesData>(viewer, projectIssuesQuery, {
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
  let data: ProjectIssuesData;
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

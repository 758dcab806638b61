import 'server-only';
import type { Viewer } from '../auth/viewer';
import { GraphQLExecutionError, executeGraphQL } from '../graphql/execute';

interface ProjectSummary {
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

export interface IssueDetails {
  id: string;
  iid: string;
  title: string;
  description: string | null;
  state: 'opened' | 'closed' | 'locked' | 'all';
  createdAt: string;
  closedAt: string | null;
  author: { username: string; name: string };
  customerRelationsContacts: { count: number; nodes: IssueContact[] } | null;
  notes: { nodes: IssueNote[] };
}

export interface IssuePage {
  project: ProjectSummary & { rapportCanReadIssueContacts: boolean };
  issue: IssueDetails;
}

const issuePageQuery = /* GraphQL */ `
  query RapportIssuePage($projectPath: ID!, $iid: String!) {
    project(fullPath: $projectPath) {
      ${projectSummaryFields}
      rapportCanReadIssueContacts
      issue(iid: $iid) {
        id iid title description state createdAt closedAt
        author { username name }
        customerRelationsContacts(first: 100) {
          count
          nodes { id firstName lastName email phone description organization { name defaultRate } }
        }
        notes(first: 100) {
          nodes { id body system createdAt author { username name } }
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

// --- Project issue list ---------------------------------------------------------------------------

export interface IssueListFilters {
  state: 'opened' | 'closed' | 'all';
  crmContactId?: string;
  crmOrganizationId?: string;
  after?: string;
}

export interface IssueListRow {
  id: string;
  iid: string;
  title: string;
  state: string;
  createdAt: string;
  author: { username: string; name: string };
}

export interface ProjectIssuesPage {
  project: ProjectSummary;
  issues: IssueListRow[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

const projectIssuesQuery = /* GraphQL */ `
  query RapportProjectIssues($projectPath: ID!, $state: IssueState, $crmContactId: String, $crmOrganizationId: String, $after: String) {
    project(fullPath: $projectPath) {
      ${projectSummaryFields}
      issues(state: $state, crmContactId: $crmContactId, crmOrganizationId: $crmOrganizationId, first: 20, after: $after) {
        nodes { id iid title state createdAt author { username name } }
        pageInfo { hasNextPage endCursor }
      }
    }
  }
`;

interface ProjectIssuesData {
  project: (ProjectSummary & { issues: { nodes: IssueListRow[]; pageInfo: ProjectIssuesPage['pageInfo'] } | null }) | null;
}

/** Null when the project does not exist or cannot be seen. A refused cursor shows the first page. */
export async function loadProjectIssues(viewer: Viewer, projectPath: string, filters: IssueListFilters): Promise<ProjectIssuesPage | null> {
  const run = (after: string | undefined) =>
    executeGraphQL<ProjectIssuesData>(viewer, projectIssuesQuery, {
      projectPath,
      state: filters.state,
      crmContactId: filters.crmContactId ?? null,
      crmOrganizationId: filters.crmOrganizationId ?? null,
      after: after ?? null,
    });
  let data: ProjectIssuesData;
  try {
    data = await run(filters.after);
  } catch (error) {
    if (!(error instanceof GraphQLExecutionError) || !filters.after) throw error;
    data = await run(undefined);
  }
  if (!data.project) return null;
  const { issues, ...project } = data.project;
  return { project, issues: issues?.nodes ?? [], pageInfo: issues?.pageInfo ?? { hasNextPage: false, endCursor: null } };
}

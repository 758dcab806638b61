import type { Metadata } from 'next';
import { notFound, redirect } from 'next/navigation';
import { IssueView } from '@/components/issues/issue-view';
import { type IssueListQuery, type IssueStateFilter, ProjectIssueList } from '@/components/issues/project-issue-list';
import { type SearchParams, currentPath, firstParam, pageViewerOrSignIn } from '@/server/pages/page-viewer-or-sign-in';
import { loadIssuePage, loadProjectIssues } from '@/server/pages/project-pages';

interface ProjectRouteProps {
  params: Promise<{ path: string[] }>;
  searchParams: Promise<SearchParams>;
}

const segmentPattern = /^[A-Za-z0-9_.-]{1,255}$/;

type ProjectPage = { kind: 'project' } | { kind: 'issues' } | { kind: 'issue'; iid: string };

/**
 * `/<group>/<project>[/-/issues[/<iid>]]`. Static routes (`/groups`, `/users`, `/api`) take precedence
 * over this catch-all; anything here that is not a project page is a 404.
 */
function parseProjectPath(segments: string[]): { projectPath: string; page: ProjectPage } | null {
  const dash = segments.indexOf('-');
  const projectSegments = dash === -1 ? segments : segments.slice(0, dash);
  // A project always lives in a group, so its path has at least two segments.
  if (projectSegments.length < 2 || !projectSegments.every((segment) => segmentPattern.test(segment))) return null;
  const projectPath = projectSegments.join('/');
  const rest = dash === -1 ? [] : segments.slice(dash + 1);
  if (rest.length === 0) return dash === -1 ? { projectPath, page: { kind: 'project' } } : null;
  if (rest[0] !== 'issues' || rest.length > 2) return null;
  if (rest.length === 1) return { projectPath, page: { kind: 'issues' } };
  const iid = rest[1] ?? '';
  return /^\d{1,9}$/.test(iid) ? { projectPath, page: { kind: 'issue', iid } } : null;
}

function issueListQuery(params: SearchParams): IssueListQuery {
  const state = firstParam(params, 'state');
  const numeric = (name: string) => {
    const value = firstParam(params, name);
    return value && /^\d{1,9}$/.test(value) ? value : undefined;
  };
  const after = firstParam(params, 'after');
  return {
    state: state === 'closed' || state === 'all' ? (state as IssueStateFilter) : 'opened',
    crmContactId: numeric('crm_contact_id'),
    crmOrganizationId: numeric('crm_organization_id'),
    after: after && after.length <= 1024 ? after : undefined,
  };
}

export async function generateMetadata({ params }: ProjectRouteProps): Promise<Metadata> {
  const parsed = parseProjectPath((await params).path);
  if (!parsed) return { title: 'Page not found' };
  const { projectPath, page } = parsed;
  return { title: page.kind === 'issue' ? `Issue #${page.iid} · ${projectPath}` : `Issues · ${projectPath}` };
}

export default async function ProjectRoute({ params, searchParams }: ProjectRouteProps) {
  const { path } = await params;
  const query = await searchParams;
  const parsed = parseProjectPath(path);
  // Sign in first, so anonymous visitors cannot tell which project paths exist.
  const viewer = await pageViewerOrSignIn(currentPath(`/${path.join('/')}`, query));
  if (!parsed) notFound();
  const { projectPath, page } = parsed;

  if (page.kind === 'project') redirect(`/${projectPath}/-/issues`);

  if (page.kind === 'issues') {
    const listQuery = issueListQuery(query);
    const list = await loadProjectIssues(viewer, projectPath, listQuery);
    if (!list) notFound();
    return <ProjectIssueList project={list.project} query={listQuery} issues={list.issues} pageInfo={list.pageInfo} />;
  }

  const data = await loadIssuePage(viewer, projectPath, page.iid);
  if (!data) notFound();
  const { project, issue } = data;
  const contacts = project.rapportCanReadIssueContacts ? issue.customerRelationsContacts : null;
  return <IssueView project={project} issue={{ ...issue, notes: issue.notes.nodes }} contacts={contacts} />;
}

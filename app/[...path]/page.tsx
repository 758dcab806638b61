import type { Metadata } from 'next';
import { notFound, redirect } from 'next/navigation';
import { IssueView } from '@/components/issues/issue-view';
import { NewIssuePage } from '@/components/issues/new-issue-page';
import { type IssueListQuery, type IssueStateFilter, ProjectIssueList } from '@/components/issues/project-issue-list';
import { type SearchParams, currentPath, firstParam, pageViewerOrSignIn } from '@/server/pages/page-viewer-or-sign-in';
import { loadIssuePage, loadNewIssuePage, loadProjectIssues } from '@/server/pages/project-pages';

interface ProjectRouteProps {
  params: Promise<{ path: string[] }>;
  searchParams: Promise<SearchParams>;
}

const segmentPattern = /^[A-Za-z0-9_.-]{1,255}$/;

type ProjectPage = { kind: 'project' } | { kind: 'issues' } | { kind: 'new' } | { kind: 'issue'; iid: string };

/**
 * `/<group>/<project>[/-/issues[/new|/<iid>]]`. Static routes (`/groups`, `/users`, `/api`) take
 * precedence over this catch-all; anything here that is not a project page is a 404.
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
  if (iid === 'new') return { projectPath, page: { kind: 'new' } };
  return /^\d{1,9}$/.test(iid) ? { projectPath, page: { kind: 'issue', iid } } : null;
}

/** Query parameters that do not fit are ignored rather than refused: the list still shows. */
function issueListQuery(params: SearchParams): IssueListQuery {
  const state = firstParam(params, 'state');
  const numeric = (name: string) => {
    const value = firstParam(params, name);
    return value && /^\d{1,9}$/.test(value) ? value : undefined;
  };
  const cursor = (name: string) => {
    const value = firstParam(params, name);
    return value && value.length <= 1024 ? value : undefined;
  };
  const search = firstParam(params, 'search')?.trim().slice(0, 255) ?? '';
  const after = cursor('after');
  return {
    state: state === 'closed' || state === 'all' ? (state as IssueStateFilter) : 'opened',
    search: search || undefined,
    crmContactId: numeric('crm_contact_id'),
    crmOrganizationId: numeric('crm_organization_id'),
    after,
    before: after ? undefined : cursor('before'),
  };
}

const pageTitles: Record<ProjectPage['kind'], (projectPath: string, page: ProjectPage) => string> = {
  project: (projectPath) => `Issues · ${projectPath}`,
  issues: (projectPath) => `Issues · ${projectPath}`,
  new: (projectPath) => `New issue · ${projectPath}`,
  issue: (projectPath, page) => `Issue #${page.kind === 'issue' ? page.iid : ''} · ${projectPath}`,
};

export async function generateMetadata({ params }: ProjectRouteProps): Promise<Metadata> {
  const parsed = parseProjectPath((await params).path);
  if (!parsed) return { title: 'Page not found' };
  return { title: pageTitles[parsed.page.kind](parsed.projectPath, parsed.page) };
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
    return <ProjectIssueList {...list} query={listQuery} />;
  }

  if (page.kind === 'new') {
    const project = await loadNewIssuePage(viewer, projectPath);
    if (!project) notFound();
    return <NewIssuePage project={project} csrfToken={viewer.csrfToken} />;
  }

  const data = await loadIssuePage(viewer, projectPath, page.iid);
  if (!data) notFound();
  const { project, issue } = data;
  return <IssueView project={project} issue={issue} csrfToken={viewer.csrfToken} />;
}

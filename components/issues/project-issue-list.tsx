import Link from 'next/link';
import { FormattedDate } from '../ui/formatted-date';
import { PageHeading } from '../ui/page-heading';
import { buttonClass, focusRing, linkClass } from '../ui/styles';
import { IssueStateBadge } from './issue-state-badge';
import { Breadcrumbs, projectCrumbs } from './project-breadcrumbs';

export type IssueStateFilter = 'opened' | 'closed' | 'all';

export interface IssueListQuery {
  state: IssueStateFilter;
  crmContactId?: string;
  crmOrganizationId?: string;
  after?: string;
}

export interface ProjectIssueListProps {
  project: { name: string; fullPath: string; description: string | null; group: { name: string; fullPath: string } | null };
  query: IssueListQuery;
  issues: { id: string; iid: string; title: string; state: string; createdAt: string; author: { name: string } }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

export function issueListHref(projectPath: string, query: IssueListQuery): string {
  const params = new URLSearchParams();
  if (query.state !== 'opened') params.set('state', query.state);
  if (query.crmContactId) params.set('crm_contact_id', query.crmContactId);
  if (query.crmOrganizationId) params.set('crm_organization_id', query.crmOrganizationId);
  if (query.after) params.set('after', query.after);
  const search = params.toString();
  return `/${projectPath}/-/issues${search ? `?${search}` : ''}`;
}

const stateTabs: [IssueStateFilter, string][] = [
  ['opened', 'Open'],
  ['closed', 'Closed'],
  ['all', 'All'],
];

export function ProjectIssueList({ project, query, issues, pageInfo }: ProjectIssueListProps) {
  const filters = { crmContactId: query.crmContactId, crmOrganizationId: query.crmOrganizationId };
  const filtered = Boolean(query.crmContactId || query.crmOrganizationId);
  return (
    <main id="main-content" className="mx-auto w-full max-w-5xl flex-1 px-4 py-6">
      <Breadcrumbs crumbs={[...projectCrumbs(project), { label: 'Issues' }]} />
      <PageHeading>Issues</PageHeading>
      {filtered ? (
        <p className="mb-3 text-sm text-gray-800">
          Showing issues linked to {query.crmContactId ? `contact ${query.crmContactId}` : `organization ${query.crmOrganizationId}`}.{' '}
          <Link href={issueListHref(project.fullPath, { state: query.state })} className={linkClass}>
            Show all issues
          </Link>
        </p>
      ) : null}
      <nav aria-label="Filter issues by state" className="border-b border-gray-200">
        <ul className="-mb-px flex gap-1">
          {stateTabs.map(([state, label]) => (
            <li key={state}>
              <Link
                href={issueListHref(project.fullPath, { state, ...filters })}
                aria-current={state === query.state ? 'page' : undefined}
                className={`inline-block rounded-t-md border-b-2 px-3 py-2 text-sm ${
                  state === query.state ? 'border-blue-700 font-semibold text-gray-900' : 'border-transparent text-gray-700 hover:border-gray-400'
                } ${focusRing}`}
              >
                {label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {issues.length === 0 ? (
        <p className="py-8 text-center text-gray-700">No issues found</p>
      ) : (
        <ul aria-label="Issues" className="divide-y divide-gray-200">
          {issues.map((issue) => (
            <li key={issue.id} className="flex items-start justify-between gap-4 py-3">
              <div className="min-w-0">
                <Link href={`/${project.fullPath}/-/issues/${issue.iid}`} className={`${linkClass} font-medium`}>
                  {issue.title}
                </Link>
                <p className="mt-1 text-sm text-gray-700">
                  #{issue.iid} · created <FormattedDate value={issue.createdAt} /> by {issue.author.name}
                </p>
              </div>
              <IssueStateBadge state={issue.state} />
            </li>
          ))}
        </ul>
      )}
      {query.after || pageInfo.hasNextPage ? (
        <nav aria-label="Pagination" className="mt-4 flex justify-center gap-2">
          {query.after ? (
            <Link href={issueListHref(project.fullPath, { state: query.state, ...filters })} className={buttonClass}>
              First page
            </Link>
          ) : null}
          {pageInfo.hasNextPage && pageInfo.endCursor ? (
            <Link href={issueListHref(project.fullPath, { state: query.state, ...filters, after: pageInfo.endCursor })} rel="next" className={buttonClass}>
              Next<span className="sr-only"> page</span>
            </Link>
          ) : null}
        </nav>
      ) : null}
    </main>
  );
}

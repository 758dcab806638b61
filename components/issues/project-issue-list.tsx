import type { ResultOf } from '@graphql-typed-document-node/core';
import { graphql } from '@/lib/graphql';
import Link from 'next/link';
import { type IssueListQuery, type IssueStateFilter, issueListHref } from '@/lib/issues/issue-list-url';
import { numericId, projectUrls } from '@/lib/routes';
import { FormattedDate } from '../ui/formatted-date';
import { PageHeading } from '../ui/page-heading';
import { buttonClass, focusRing, inputClass, labelClass, linkClass, primaryButtonClass } from '../ui/styles';
import { IssueStateBadge } from './issue-state-badge';
import { Breadcrumbs, projectCrumbs } from './project-breadcrumbs';

export const issueListRowFragment = graphql(`
  fragment IssueListRow on Issue { id iid title state createdAt author { username name } }
`);

export interface ProjectIssueListProps {
  project: { name: string; fullPath: string; group: { name: string; fullPath: string } | null; rapportCanReadIssueContacts: boolean };
  query: IssueListQuery;
  issues: ResultOf<typeof issueListRowFragment>[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  counts: Record<IssueStateFilter, number>;
  organizations: { id: string; name: string }[];
  crmFilters: { kind: 'contact' | 'organization'; id: string; name: string | null }[];
}

const stateTabs: [IssueStateFilter, string][] = [
  ['opened', 'Open'],
  ['closed', 'Closed'],
  ['all', 'All'],
];

const filterLabels = { contact: 'Contact', organization: 'Organization' } as const;

/** The filters (state, search, contact, organization) without the page cursor. */
function filtersOf(query: IssueListQuery): IssueListQuery {
  const { state, search, crmContactId, crmOrganizationId } = query;
  return { state, search, crmContactId, crmOrganizationId };
}

function IssueFilterForm({ project, query, organizations }: Pick<ProjectIssueListProps, 'project' | 'query' | 'organizations'>) {
  // A plain GET form: the list is URL-driven and filtering works without JavaScript.
  return (
    <form role="search" aria-label="Issues" action={projectUrls.issues(project.fullPath)} method="get" className="mb-4 flex flex-wrap items-end gap-3">
      {query.state !== 'opened' ? <input type="hidden" name="state" value={query.state} /> : null}
      {query.crmContactId ? <input type="hidden" name="crm_contact_id" value={query.crmContactId} /> : null}
      <div className="min-w-48 flex-1">
        <label htmlFor="issue-search" className={labelClass}>
          Search issues
        </label>
        <input id="issue-search" type="search" name="search" defaultValue={query.search ?? ''} maxLength={255} className={`mt-1 ${inputClass}`} />
      </div>
      {project.rapportCanReadIssueContacts && organizations.length > 0 ? (
        <div>
          <label htmlFor="issue-organization" className={labelClass}>
            Organization
          </label>
          <select
            id="issue-organization"
            name="crm_organization_id"
            defaultValue={query.crmOrganizationId ?? ''}
            className={`mt-1 ${inputClass} w-auto`}
          >
            <option value="">Any organization</option>
            {organizations.map((organization) => (
              <option key={organization.id} value={numericId(organization.id)}>
                {organization.name}
              </option>
            ))}
          </select>
        </div>
      ) : query.crmOrganizationId ? (
        <input type="hidden" name="crm_organization_id" value={query.crmOrganizationId} />
      ) : null}
      <button type="submit" className={buttonClass}>
        Search
      </button>
    </form>
  );
}

function ActiveFilters({ project, query, crmFilters }: Pick<ProjectIssueListProps, 'project' | 'query' | 'crmFilters'>) {
  if (crmFilters.length === 0) return null;
  return (
    <div className="mb-3 flex flex-wrap items-center gap-2 text-sm">
      <p className="text-gray-800">Filtered by</p>
      <ul className="flex flex-wrap gap-2" aria-label="Active filters">
        {crmFilters.map((filter) => {
          const label = filterLabels[filter.kind];
          const name = filter.name ?? `#${filter.id}`;
          const cleared = { ...filtersOf(query), ...(filter.kind === 'contact' ? { crmContactId: undefined } : { crmOrganizationId: undefined }) };
          return (
            <li key={filter.kind} data-testid={`${filter.kind}-filter`} className="inline-flex items-center gap-1 rounded-full border border-gray-400 bg-gray-50 py-0.5 pr-1 pl-3">
              <span>
                {label}: <span className="font-medium text-gray-900">{name}</span>
              </span>
              <Link href={issueListHref(project.fullPath, cleared)} className={`rounded-full px-1.5 text-gray-800 hover:bg-gray-200 ${focusRing}`}>
                <span aria-hidden="true">×</span>
                <span className="sr-only">
                  Clear {label.toLowerCase()} filter {name}
                </span>
              </Link>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

function Pagination({ project, query, pageInfo }: Pick<ProjectIssueListProps, 'project' | 'query' | 'pageInfo'>) {
  // Paging forward, a previous page exists when we came from a cursor; paging back, a next one.
  const hasPrevious = Boolean(query.after) || (Boolean(query.before) && pageInfo.hasPreviousPage);
  const hasNext = pageInfo.hasNextPage || Boolean(query.before);
  if (!hasPrevious && !hasNext) return null;
  const filters = filtersOf(query);
  return (
    <nav aria-label="Pagination" className="mt-4 flex justify-center gap-2">
      {hasPrevious && pageInfo.startCursor ? (
        <Link href={issueListHref(project.fullPath, { ...filters, before: pageInfo.startCursor })} rel="prev" className={buttonClass}>
          Prev
        </Link>
      ) : null}
      {hasNext && pageInfo.endCursor ? (
        <Link href={issueListHref(project.fullPath, { ...filters, after: pageInfo.endCursor })} rel="next" className={buttonClass}>
          Next
        </Link>
      ) : null}
    </nav>
  );
}

export function ProjectIssueList({ project, query, issues, pageInfo, counts, organizations, crmFilters }: ProjectIssueListProps) {
  const filters = filtersOf(query);
  return (
    <main id="main-content" className="mx-auto w-full max-w-5xl flex-1 px-4 py-6">
      <Breadcrumbs crumbs={[...projectCrumbs(project), { label: 'Issues' }]} />
      <PageHeading
        actions={
          <Link href={projectUrls.newIssue(project.fullPath)} className={primaryButtonClass}>
            New issue
          </Link>
        }
      >
        Issues
      </PageHeading>
      <IssueFilterForm project={project} query={query} organizations={organizations} />
      <ActiveFilters project={project} query={query} crmFilters={crmFilters} />
      <nav aria-label="Filter issues by state" className="border-b border-gray-200">
        <ul className="-mb-px flex gap-1">
          {stateTabs.map(([state, label]) => (
            <li key={state}>
              <Link
                href={issueListHref(project.fullPath, { ...filters, state })}
                aria-current={state === query.state ? 'page' : undefined}
                className={`inline-flex items-center gap-2 rounded-t-md border-b-2 px-3 py-2 text-sm ${
                  state === query.state ? 'border-blue-700 font-semibold text-gray-900' : 'border-transparent text-gray-700 hover:border-gray-400'
                } ${focusRing}`}
              >
                {label}
                <span data-testid={`${state}-count`} className="rounded-full bg-gray-100 px-2 text-xs font-medium text-gray-800">
                  {counts[state]}
                </span>
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
                <Link href={projectUrls.issue(project.fullPath, issue.iid)} className={`${linkClass} font-medium break-words`}>
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
      <Pagination project={project} query={query} pageInfo={pageInfo} />
    </main>
  );
}

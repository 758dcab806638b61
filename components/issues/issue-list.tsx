import type { ResultOf } from '@graphql-typed-document-node/core';
import Link from 'next/link';
import { graphql } from '@/lib/graphql';
import { type IssueListQuery, type IssueStateFilter, isCustomerSort, issueListSorts, issueListUrl } from '@/lib/issues/issue-list-url';
import { FormattedDate } from '../ui/formatted-date';
import { LoadingRegion } from '../ui/loading-region';
import { buttonClass, focusRing, inputClass, labelClass, linkClass } from '../ui/styles';
import { CustomerFilters } from './customer-filters';
import { IssueStateBadge } from './issue-state-badge';

export const issueListRowFragment = graphql(`
  fragment IssueListRow on Issue {
    id iid title state createdAt webUrl reference(full: true)
    author { username name }
    customerRelationsContacts { nodes { id firstName lastName organization { id name } } }
    customerWeight { organizationCount annualRevenue importantRequestCount highestTier { name } }
  }
`);
type IssueListRow = ResultOf<typeof issueListRowFragment>;

/** What the project's and the group's issue lists show below their heading. */
export interface IssueListProps {
  /** The list's own URL path (a project's or a group's). */
  listPath: string;
  /** The group list names each issue's project; the project list its number only. */
  showProject: boolean;
  query: IssueListQuery;
  issues: IssueListRow[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  counts: Record<IssueStateFilter, number>;
  /** The CRM group whose contacts and organizations the filters offer; null when the viewer may not filter by them. */
  crmGroupPath: string | null;
  /** The CRM group's customer tiers, highest first, that the tier filter offers. */
  customerTiers: string[];
  crmFilters: { kind: 'contact' | 'organization'; id: string; name: string | null }[];
}

const stateTabs: [IssueStateFilter, string][] = [
  ['opened', 'Open'],
  ['closed', 'Closed'],
  ['all', 'All'],
];

const filterLabels = { contact: 'Contact', organization: 'Organization' } as const;

/** The filters (state, search, contact, organization, tier) and the sort, without the page cursor. */
function filtersOf(query: IssueListQuery): IssueListQuery {
  const { state, search, crmContactId, crmOrganizationId, customerTier, sort } = query;
  return { state, search, crmContactId, crmOrganizationId, customerTier, sort };
}

/** The query's other parameters, for a GET form that changes some of them. */
function HiddenFilters({ query, except }: { query: IssueListQuery; except: 'search' | 'sort' }) {
  const fields: [string, string | undefined][] = [
    ['state', query.state !== 'opened' ? query.state : undefined],
    ['search', except === 'search' ? undefined : query.search],
    ['crm_contact_id', query.crmContactId],
    ['crm_organization_id', query.crmOrganizationId],
    ['customer_tier', query.customerTier],
    ['sort', except === 'sort' ? undefined : query.sort?.toLowerCase()],
  ];
  return (
    <>
      {fields.map(([name, value]) => (value ? <input key={name} type="hidden" name={name} value={value} /> : null))}
    </>
  );
}

/** The sort and, for people who may see the issues' customers, the customer sorts: a plain GET form, like the search. */
function SortForm({ listPath, query, customersShown }: Pick<IssueListProps, 'listPath' | 'query'> & { customersShown: boolean }) {
  const sorts = issueListSorts.filter(([value]) => customersShown || !isCustomerSort(value));
  return (
    <form aria-label="Sort issues" action={listPath} method="get" className="flex flex-wrap items-end gap-3">
      <HiddenFilters query={query} except="sort" />
      <div>
        <label htmlFor="issue-sort" className={labelClass}>
          Sort by
        </label>
        <select id="issue-sort" name="sort" defaultValue={(query.sort ?? 'CREATED_DESC').toLowerCase()} className={`mt-1 ${inputClass}`}>
          {sorts.map(([value, label]) => (
            <option key={value} value={value.toLowerCase()}>
              {label}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className={buttonClass}>
        Apply
      </button>
    </form>
  );
}

function SearchForm({ listPath, query }: Pick<IssueListProps, 'listPath' | 'query'>) {
  // A plain GET form: the list is URL-driven and searching works without JavaScript.
  return (
    <form role="search" aria-label="Issues" action={listPath} method="get" className="flex min-w-48 flex-1 items-end gap-3">
      <HiddenFilters query={query} except="search" />
      <div className="flex-1">
        <label htmlFor="issue-search" className={labelClass}>
          Search issues
        </label>
        <input id="issue-search" type="search" name="search" defaultValue={query.search ?? ''} maxLength={255} className={`mt-1 ${inputClass}`} />
      </div>
      <button type="submit" className={buttonClass}>
        Search
      </button>
    </form>
  );
}

function ActiveFilters({ listPath, query, crmFilters }: Pick<IssueListProps, 'listPath' | 'query' | 'crmFilters'>) {
  if (crmFilters.length === 0 && !query.customerTier) return null;
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
              <Link href={issueListUrl(listPath, cleared)} className={`rounded-full px-1.5 text-gray-800 hover:bg-gray-200 ${focusRing}`}>
                <span aria-hidden="true">×</span>
                <span className="sr-only">
                  Clear {label.toLowerCase()} filter {name}
                </span>
              </Link>
            </li>
          );
        })}
        {query.customerTier ? (
          <li data-testid="tier-filter" className="inline-flex items-center gap-1 rounded-full border border-gray-400 bg-gray-50 py-0.5 pr-1 pl-3">
            <span>
              Customer tier: <span className="font-medium text-gray-900">{query.customerTier}</span>
            </span>
            <Link href={issueListUrl(listPath, { ...filtersOf(query), customerTier: undefined })} className={`rounded-full px-1.5 text-gray-800 hover:bg-gray-200 ${focusRing}`}>
              <span aria-hidden="true">×</span>
              <span className="sr-only">Clear customer tier filter {query.customerTier}</span>
            </Link>
          </li>
        ) : null}
      </ul>
    </div>
  );
}

function Pagination({ listPath, query, pageInfo }: Pick<IssueListProps, 'listPath' | 'query' | 'pageInfo'>) {
  // Paging forward, a previous page exists when we came from a cursor; paging back, a next one.
  const hasPrevious = Boolean(query.after) || (Boolean(query.before) && pageInfo.hasPreviousPage);
  const hasNext = pageInfo.hasNextPage || Boolean(query.before);
  if (!hasPrevious && !hasNext) return null;
  const filters = filtersOf(query);
  return (
    <nav aria-label="Pagination" className="mt-4 flex justify-center gap-2">
      {hasPrevious && pageInfo.startCursor ? (
        <Link href={issueListUrl(listPath, { ...filters, before: pageInfo.startCursor })} rel="prev" className={buttonClass}>
          Prev
        </Link>
      ) : null}
      {hasNext && pageInfo.endCursor ? (
        <Link href={issueListUrl(listPath, { ...filters, after: pageInfo.endCursor })} rel="next" className={buttonClass}>
          Next
        </Link>
      ) : null}
    </nav>
  );
}

/** The issue's customers: each organization with its contacts, then the contacts without one. */
function IssueCustomers({ contacts }: { contacts: IssueListRow['customerRelationsContacts'] }) {
  const nodes = contacts?.nodes ?? [];
  if (nodes.length === 0) return null;
  const byOrganization = new Map<string, { name: string; people: string[] }>();
  for (const contact of nodes) {
    const key = contact.organization?.id ?? '';
    const entry = byOrganization.get(key) ?? { name: contact.organization?.name ?? '', people: [] };
    entry.people.push(`${contact.firstName} ${contact.lastName}`);
    byOrganization.set(key, entry);
  }
  const groups = [...byOrganization.entries()].sort(([a], [b]) => (a === '' ? 1 : b === '' ? -1 : 0));
  // A paragraph, not a list: the rows of the issue list stay its only list items.
  return (
    <p data-testid="issue-customers" className="mt-1 text-sm break-words text-gray-800">
      <span className="sr-only">Customers: </span>
      {groups.map(([key, { name, people }], index) => (
        <span key={key || 'none'}>
          {index > 0 ? ' · ' : null}
          {name ? <span className="font-medium text-gray-900">{name}</span> : null}
          {name ? ` (${people.join(', ')})` : people.join(', ')}
        </span>
      ))}
    </p>
  );
}

const compactNumber = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 });

/** The issue's customer weight in a line: "3 customers · 1.2M revenue · 2 important · Enterprise". */
export function customerWeightSummary(weight: NonNullable<IssueListRow['customerWeight']>): string | null {
  if (weight.organizationCount === 0 && weight.importantRequestCount === 0) return null;
  return [
    weight.organizationCount === 1 ? '1 customer' : `${weight.organizationCount} customers`,
    weight.annualRevenue === null ? null : `${compactNumber.format(weight.annualRevenue)} revenue`,
    weight.importantRequestCount > 0 ? `${weight.importantRequestCount} important` : null,
    weight.highestTier?.name ?? null,
  ]
    .filter(Boolean)
    .join(' · ');
}

function CustomerWeightLine({ weight }: { weight: IssueListRow['customerWeight'] }) {
  const summary = weight ? customerWeightSummary(weight) : null;
  if (!summary) return null;
  return (
    <p data-testid="issue-customer-weight" className="mt-1 text-sm text-gray-800">
      <span className="sr-only">Customer weight: </span>
      {summary}
    </p>
  );
}

export function IssueList({ listPath, showProject, query, issues, pageInfo, counts, crmGroupPath, customerTiers, crmFilters }: IssueListProps) {
  const filters = filtersOf(query);
  const nameOf = (kind: 'contact' | 'organization') => crmFilters.find((filter) => filter.kind === kind)?.name ?? null;
  return (
    <LoadingRegion label="issues">
      <div className="mb-4 flex flex-wrap items-end gap-3">
        <SearchForm listPath={listPath} query={query} />
        {crmGroupPath ? (
          <CustomerFilters
            listPath={listPath}
            crmGroupPath={crmGroupPath}
            query={filters}
            contactName={nameOf('contact')}
            organizationName={nameOf('organization')}
            tiers={customerTiers}
          />
        ) : null}
      </div>
      <div className="mb-4">
        <SortForm listPath={listPath} query={query} customersShown={crmGroupPath !== null} />
      </div>
      <ActiveFilters listPath={listPath} query={query} crmFilters={crmFilters} />
      <nav aria-label="Filter issues by state" className="border-b border-gray-200">
        <ul className="-mb-px flex gap-1">
          {stateTabs.map(([state, label]) => (
            <li key={state}>
              <Link
                href={issueListUrl(listPath, { ...filters, state })}
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
                <Link href={issue.webUrl} className={`${linkClass} font-medium break-words`}>
                  {issue.title}
                </Link>
                <p className="mt-1 text-sm break-words text-gray-700">
                  {showProject ? issue.reference : `#${issue.iid}`} · created <FormattedDate value={issue.createdAt} /> by {issue.author.name}
                </p>
                <IssueCustomers contacts={issue.customerRelationsContacts} />
                <CustomerWeightLine weight={issue.customerWeight} />
              </div>
              <IssueStateBadge state={issue.state} />
            </li>
          ))}
        </ul>
      )}
      <Pagination listPath={listPath} query={query} pageInfo={pageInfo} />
    </LoadingRegion>
  );
}

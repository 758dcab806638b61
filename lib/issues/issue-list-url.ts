import { projectUrls } from '../routes';
import { firstParam, type SearchParams } from '../search-params';

/** URL state of a project's or a group's issue list, with GitLab's parameter names so links from elsewhere keep working. */

export type IssueStateFilter = 'opened' | 'closed' | 'all';

/** The list's sorts (the API's `IssueSort` values, lower case in the URL as GitLab's `sort=`); the default is CREATED_DESC. */
export const issueListSorts = [
  ['CREATED_DESC', 'Created date (newest)'],
  ['CREATED_ASC', 'Created date (oldest)'],
  ['UPDATED_DESC', 'Updated date (newest)'],
  ['UPDATED_ASC', 'Updated date (oldest)'],
  ['TITLE_ASC', 'Title (A–Z)'],
  ['TITLE_DESC', 'Title (Z–A)'],
  ['CUSTOMER_COUNT_DESC', 'Most customers'],
  ['CUSTOMER_COUNT_ASC', 'Fewest customers'],
  ['CUSTOMER_REVENUE_DESC', 'Most customer revenue'],
  ['CUSTOMER_REVENUE_ASC', 'Least customer revenue'],
  ['IMPORTANT_REQUESTS_DESC', 'Most important requests'],
  ['IMPORTANT_REQUESTS_ASC', 'Fewest important requests'],
  ['CUSTOMER_TIER_DESC', 'Best customer tier'],
  ['CUSTOMER_TIER_ASC', 'Lowest customer tier'],
] as const;

export type IssueListSort = (typeof issueListSorts)[number][0];

/** Sorts by customer weight: offered to people who may see the issues' customers. */
export const isCustomerSort = (sort: IssueListSort) => /^(CUSTOMER|IMPORTANT)_/.test(sort);

export interface IssueListQuery {
  state: IssueStateFilter;
  search?: string;
  crmContactId?: string;
  crmOrganizationId?: string;
  /** A customer tier's name (Rapport only). */
  customerTier?: string;
  sort?: IssueListSort;
  after?: string;
  before?: string;
}

/** A project's list URL for a query. */
export function issueListHref(projectPath: string, query: IssueListQuery): string {
  return issueListUrl(projectUrls.issues(projectPath), query);
}

/** The URL of the list at `listPath` (a project's or a group's) for a query. */
export function issueListUrl(listPath: string, query: IssueListQuery): string {
  const params = new URLSearchParams();
  if (query.state !== 'opened') params.set('state', query.state);
  if (query.search) params.set('search', query.search);
  if (query.crmContactId) params.set('crm_contact_id', query.crmContactId);
  if (query.crmOrganizationId) params.set('crm_organization_id', query.crmOrganizationId);
  if (query.customerTier) params.set('customer_tier', query.customerTier);
  if (query.sort && query.sort !== 'CREATED_DESC') params.set('sort', query.sort.toLowerCase());
  if (query.after) params.set('after', query.after);
  else if (query.before) params.set('before', query.before);
  const search = params.toString();
  return `${listPath}${search ? `?${search}` : ''}`;
}

/** Reads the list's query string; parameters that do not fit are ignored rather than refused, so the list still shows. */
export function parseIssueListQuery(params: SearchParams): IssueListQuery {
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
  const customerTier = firstParam(params, 'customer_tier')?.trim().slice(0, 64) ?? '';
  const sort = issueListSorts.find(([value]) => value === firstParam(params, 'sort')?.toUpperCase())?.[0];
  return {
    state: state === 'closed' || state === 'all' ? state : 'opened',
    search: search || undefined,
    crmContactId: numeric('crm_contact_id'),
    crmOrganizationId: numeric('crm_organization_id'),
    customerTier: customerTier || undefined,
    sort: sort && sort !== 'CREATED_DESC' ? sort : undefined,
    after,
    before: after ? undefined : cursor('before'),
  };
}

import { projectUrls } from '../routes';
import { firstParam, type SearchParams } from '../search-params';

/** URL state of a project's or a group's issue list, with GitLab's parameter names so links from elsewhere keep working. */

export type IssueStateFilter = 'opened' | 'closed' | 'all';

export interface IssueListQuery {
  state: IssueStateFilter;
  search?: string;
  crmContactId?: string;
  crmOrganizationId?: string;
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
  return {
    state: state === 'closed' || state === 'all' ? state : 'opened',
    search: search || undefined,
    crmContactId: numeric('crm_contact_id'),
    crmOrganizationId: numeric('crm_organization_id'),
    after,
    before: after ? undefined : cursor('before'),
  };
}

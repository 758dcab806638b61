/** URL state of a Customer relations list: everything lives in the query string, so it works without JavaScript. */

export const recordStates = ['active', 'inactive', 'all'] as const;
export type RecordStateFilter = (typeof recordStates)[number];

export interface ListQuery {
  search: string;
  state: RecordStateFilter;
  sort: string;
  /** Organizations only (Rapport, issue 15): the id of a customer tier to filter by. */
  tier?: string;
  after?: string;
  before?: string;
}

export interface ListDefaults {
  state: RecordStateFilter;
  sort: string;
}

/** A link to the list with `query`, leaving out values that equal the defaults. */
export function listHref(basePath: string, query: ListQuery, defaults: ListDefaults): string {
  const params = new URLSearchParams();
  if (query.search) params.set('search', query.search);
  if (query.state !== defaults.state) params.set('state', query.state);
  if (query.sort !== defaults.sort) params.set('sort', query.sort);
  if (query.tier) params.set('tier', query.tier);
  if (query.after) params.set('after', query.after);
  else if (query.before) params.set('before', query.before);
  const search = params.toString();
  return search ? `${basePath}?${search}` : basePath;
}

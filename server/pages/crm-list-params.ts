import 'server-only';
import { type ListDefaults, type ListQuery, recordStates, type RecordStateFilter } from '@/lib/crm/list-url';
import { searchWithinLimits } from '../db/search-terms';
import { type SearchParams, firstParam } from '@/lib/search-params';

export const crmPageSize = 20;

/**
 * Reads a list's query string. Anything unexpected falls back to the default rather than failing:
 * a URL is user input, and a bad one should still show a list.
 */
export function parseListQuery(params: SearchParams, sorts: readonly string[], defaults: ListDefaults): ListQuery {
  const state = firstParam(params, 'state');
  const sort = firstParam(params, 'sort');
  const cursor = (name: string) => {
    const value = firstParam(params, name);
    return value && value.length <= 1024 ? value : undefined;
  };
  const tier = firstParam(params, 'tier');
  return {
    ...(tier && /^[1-9]\d{0,9}$/.test(tier) ? { tier } : {}),
    search: searchWithinLimits((firstParam(params, 'search') ?? '').slice(0, 255)),
    state: recordStates.includes(state as RecordStateFilter) ? (state as RecordStateFilter) : defaults.state,
    sort: sort && sorts.includes(sort) ? sort : defaults.sort,
    after: cursor('after'),
    before: cursor('after') ? undefined : cursor('before'),
  };
}

/** GraphQL variables for one page of 20: forward from `after`, or backward from `before`. */
export function pageVariables(query: ListQuery) {
  return query.before
    ? { first: null, after: null, last: crmPageSize, before: query.before }
    : { first: crmPageSize, after: query.after ?? null, last: null, before: null };
}

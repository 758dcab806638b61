import type { ResultOf } from '@graphql-typed-document-node/core';
import { graphql } from '@/lib/graphql';
import Link from 'next/link';
import { buttonClass, focusRing, linkClass } from '../ui/styles';
import { type ListDefaults, type ListQuery, type RecordStateFilter, listHref } from '@/lib/crm/list-url';

/** Everything a list's controls need to build their links. */
export interface ListLocation {
  basePath: string;
  query: ListQuery;
  defaults: ListDefaults;
}

const stateLabels: Record<RecordStateFilter, string> = { active: 'Active', inactive: 'Inactive', all: 'All' };

/** Active / Inactive / All, each with its count under the current search; a new tab starts at page one. */
export function StateTabs({ location, counts, label }: { location: ListLocation; counts: Record<RecordStateFilter, number>; label: string }) {
  const { basePath, query, defaults } = location;
  return (
    <nav aria-label={label} className="border-b border-gray-200">
      <ul className="-mb-px flex gap-1">
        {(Object.keys(stateLabels) as RecordStateFilter[]).map((state) => {
          const current = state === query.state;
          return (
            <li key={state}>
              <Link
                href={listHref(basePath, { search: query.search, sort: query.sort, tier: query.tier, state }, defaults)}
                aria-current={current ? 'page' : undefined}
                className={`inline-flex items-center gap-2 rounded-t-md border-b-2 px-3 py-2 text-sm ${
                  current ? 'border-blue-700 font-semibold text-gray-900' : 'border-transparent text-gray-700 hover:border-gray-400'
                } ${focusRing}`}
              >
                {stateLabels[state]}
                <span className="rounded-full bg-gray-200 px-2 text-xs text-gray-800">{counts[state]}</span>
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

/** A column header that sorts by its field; a second click reverses the order. */
export function SortableHeader({ location, field, children }: { location: ListLocation; field: string; children: string }) {
  const { basePath, query, defaults } = location;
  const ascending = query.sort === `${field}_ASC`;
  const descending = query.sort === `${field}_DESC`;
  const next = ascending ? `${field}_DESC` : `${field}_ASC`;
  return (
    <th scope="col" aria-sort={ascending ? 'ascending' : descending ? 'descending' : undefined} className="px-3 py-2 text-left font-semibold">
      <Link href={listHref(basePath, { search: query.search, state: query.state, tier: query.tier, sort: next }, defaults)} className={`inline-flex items-center gap-1 text-gray-900 ${linkClass}`}>
        {children}
        <span aria-hidden="true" className="text-gray-700">
          {ascending ? '▲' : descending ? '▼' : ''}
        </span>
        <span className="sr-only">, sort {ascending ? 'descending' : 'ascending'}</span>
      </Link>
    </th>
  );
}

export const listPageInfoFragment = graphql(`
  fragment ListPageInfo on PageInfo { hasNextPage hasPreviousPage startCursor endCursor }
`);
export type ListPageInfo = ResultOf<typeof listPageInfoFragment>;

/** Keyset pagination: Prev goes before the first row shown, Next after the last. */
export function ListPagination({ location, pageInfo }: { location: ListLocation; pageInfo: ListPageInfo }) {
  const { basePath, query, defaults } = location;
  if (!pageInfo.hasPreviousPage && !pageInfo.hasNextPage) return null;
  const base = { search: query.search, state: query.state, sort: query.sort, tier: query.tier };
  const disabled = 'inline-flex items-center rounded-md border border-gray-300 px-3 py-1.5 text-sm text-gray-600';
  return (
    <nav aria-label="Pagination" className="mt-4 flex justify-center gap-2">
      {pageInfo.hasPreviousPage && pageInfo.startCursor ? (
        <Link href={listHref(basePath, { ...base, before: pageInfo.startCursor }, defaults)} rel="prev" className={buttonClass}>
          Prev<span className="sr-only">ious page</span>
        </Link>
      ) : (
        <span aria-disabled="true" className={disabled}>
          Prev
        </span>
      )}
      {pageInfo.hasNextPage && pageInfo.endCursor ? (
        <Link href={listHref(basePath, { ...base, after: pageInfo.endCursor }, defaults)} rel="next" className={buttonClass}>
          Next<span className="sr-only"> page</span>
        </Link>
      ) : (
        <span aria-disabled="true" className={disabled}>
          Next
        </span>
      )}
    </nav>
  );
}

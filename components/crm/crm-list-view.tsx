import type { ReactNode } from 'react';
import { PageHeading } from '../ui/page-heading';
import { type ListLocation, type ListPageInfo, ListPagination, ListSearchForm, StateTabs } from './list-controls';
import type { RecordStateFilter } from './list-url';

/** The frame both Customer relations lists share: title, state tabs, search, table, pagination. */
export function CrmListView({
  title,
  noun,
  location,
  counts,
  pageInfo,
  children,
}: {
  title: string;
  /** Plural, lower case: "contacts" or "organizations". */
  noun: string;
  location: ListLocation;
  counts: Record<RecordStateFilter, number>;
  pageInfo: ListPageInfo;
  children: ReactNode;
}) {
  return (
    <>
      <PageHeading>{title}</PageHeading>
      <StateTabs location={location} counts={counts} label={`Filter ${noun} by state`} />
      <ListSearchForm location={location} label={`Search ${noun}`} />
      {children}
      <ListPagination location={location} pageInfo={pageInfo} />
    </>
  );
}

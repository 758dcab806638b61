import type { ReactNode } from 'react';
import { PageHeading } from '../ui/page-heading';
import { type ListLocation, type ListPageInfo, ListPagination, StateTabs } from './list-controls';
import { ListSearchForm } from './list-search-form';
import type { RecordStateFilter } from '@/lib/crm/list-url';

/** The frame both Customer relations lists share: title, state tabs, search, table, pagination. */
export function CrmListView({
  title,
  noun,
  location,
  counts,
  pageInfo,
  actions,
  children,
}: {
  title: string;
  /** Plural, lower case: "contacts" or "organizations". */
  noun: string;
  location: ListLocation;
  counts: Record<RecordStateFilter, number>;
  pageInfo: ListPageInfo;
  /** Heading buttons ("New contact"), for people who may use them. */
  actions?: ReactNode;
  children: ReactNode;
}) {
  return (
    <>
      <PageHeading actions={actions}>{title}</PageHeading>
      <StateTabs location={location} counts={counts} label={`Filter ${noun} by state`} />
      <ListSearchForm location={location} label={`Search ${noun}`} />
      {children}
      <ListPagination location={location} pageInfo={pageInfo} />
    </>
  );
}

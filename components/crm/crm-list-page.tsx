import type { ComponentType, ReactNode } from 'react';
import { type ListDefaults, type ListQuery, listHref, type RecordStateFilter } from '@/lib/crm/list-url';
import { groupUrls } from '@/lib/routes';
import { LoadingRegion } from '../ui/loading-region';
import { PageHeading } from '../ui/page-heading';
import { buttonClass } from '../ui/styles';
import { type ListLocation, type ListPageInfo, ListPagination, StateTabs } from './list-controls';
import { ListSearchForm } from './list-search-form';

/** One page of a list as its loader returns it (server/pages/crm-list-pages.ts). */
export interface CrmList<Row> {
  group: { fullPath: string };
  query: ListQuery;
  defaults: ListDefaults;
  rows: Row[];
  pageInfo: ListPageInfo;
  counts: Record<RecordStateFilter, number>;
  abilities: { canAdmin: boolean; canDelete: boolean };
}

/** What each list's table is given: the part of the page that differs between the lists. */
export interface CrmTableProps<Row> {
  rows: Row[];
  location: ListLocation;
  groupPath: string;
  /** Developers and above get an Edit button on each row. */
  canEdit: boolean;
}

/** A Customer relations list page: title, state tabs, search, the list's table, pagination. */
export function CrmListPage<Row>({
  noun,
  list,
  Table,
  newButton,
  moreActions,
  filters,
}: {
  noun: 'contacts' | 'organizations';
  list: CrmList<Row>;
  Table: ComponentType<CrmTableProps<Row>>;
  /** The heading's "New …" button, shown to people who may use it; the page's editor drawer opens it. */
  newButton: ReactNode;
  /** Links of this list only, shown before the export to those who may change records. */
  moreActions?: ReactNode;
  /** Filters beside the search (the organizations' tier). */
  filters?: ReactNode;
}) {
  const { group, abilities } = list;
  const location: ListLocation = { basePath: groupUrls[noun](group.fullPath), query: list.query, defaults: list.defaults };
  return (
    <>
      <PageHeading
        actions={
          abilities.canAdmin ? (
            <div className="flex flex-wrap gap-2">
              {moreActions}
              {/* Exporting needs the Developer role, as changing records does (SPEC §3). */}
              <a
                href={listHref(groupUrls.export(group.fullPath, noun), { ...list.query, after: undefined, before: undefined }, list.defaults)}
                download
                className={buttonClass}
              >
                Export as CSV<span className="sr-only"> (this view: {noun} as filtered, searched and sorted)</span>
              </a>
              <a href={groupUrls.crmImport(group.fullPath, noun)} className={buttonClass}>
                Import CSV<span className="sr-only"> ({noun})</span>
              </a>
              {newButton}
            </div>
          ) : null
        }
      >{`Customer relations ${noun}`}</PageHeading>
      <LoadingRegion label={noun}>
        <StateTabs location={location} counts={list.counts} label={`Filter ${noun} by state`} />
        <ListSearchForm location={location} label={`Search ${noun}`} />
        {filters}
        <Table rows={list.rows} location={location} groupPath={group.fullPath} canEdit={abilities.canAdmin} />
        <ListPagination location={location} pageInfo={list.pageInfo} />
      </LoadingRegion>
    </>
  );
}

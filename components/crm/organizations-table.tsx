import type { ResultOf } from '@graphql-typed-document-node/core';
import Link from 'next/link';
import { graphql } from '@/lib/graphql';
import { groupUrls } from '@/lib/routes';
import { linkClass } from '../ui/styles';
import { InactiveBadge } from './contacts-table';
import type { CrmTableProps } from './crm-list-page';
import { SortableHeader } from './list-controls';
import { EditOrganizationButton } from './organization-editor';
import { ActionsHeader, cell, ColumnHeader, NoRecordsRow, RecordRowActions, RecordTable } from './record-table';

export const organizationTableRowFragment = graphql(`
  fragment OrganizationTableRow on CustomerRelationsOrganization { ...OrganizationRecord contactCount openIssueCount tier { id name } }
`);
export type OrganizationTableRow = ResultOf<typeof organizationTableRowFragment>;

const columnCount = 8;

export function formatRate(rate: number | null): string | null {
  return rate === null ? null : rate.toFixed(2);
}

export function OrganizationsTable({ rows, location, groupPath, canEdit }: CrmTableProps<OrganizationTableRow>) {
  const headers = (
    <>
      <SortableHeader location={location} field="NAME">
        Name
      </SortableHeader>
      <SortableHeader location={location} field="DEFAULT_RATE">
        Default rate
      </SortableHeader>
      <SortableHeader location={location} field="TIER">
        Tier
      </SortableHeader>
      <SortableHeader location={location} field="ANNUAL_REVENUE">
        Annual revenue
      </SortableHeader>
      <SortableHeader location={location} field="DESCRIPTION">
        Description
      </SortableHeader>
      <ColumnHeader align="right">Contacts</ColumnHeader>
      <ColumnHeader align="right">Open issues</ColumnHeader>
      <ActionsHeader />
    </>
  );
  return (
    <RecordTable label="Organizations table" caption="Customer relations organizations" headers={headers}>
      {rows.length === 0 ? (
        <NoRecordsRow columnCount={columnCount}>No organizations found</NoRecordsRow>
      ) : (
        rows.map((organization) => {
          const href = groupUrls.organization(groupPath, organization.id);
          return (
            <tr key={organization.id}>
              <td className={cell}>
                <Link href={href} className={linkClass}>
                  {organization.name}
                </Link>
                {organization.active ? null : <InactiveBadge />}
              </td>
              <td className={`${cell} whitespace-nowrap tabular-nums`}>{formatRate(organization.defaultRate)}</td>
              <td className={`${cell} whitespace-nowrap`}>{organization.tier?.name}</td>
              <td className={`${cell} whitespace-nowrap tabular-nums`}>{formatRate(organization.annualRevenue)}</td>
              <td className={`${cell} max-w-xs whitespace-pre-wrap text-gray-700`}>{organization.description}</td>
              <td className={`${cell} text-right tabular-nums`}>{organization.contactCount}</td>
              <td className={`${cell} text-right tabular-nums`}>{organization.openIssueCount}</td>
              <RecordRowActions
                href={href}
                name={organization.name}
                editButton={canEdit ? <EditOrganizationButton record={organization} label={organization.name} compact /> : null}
              />
            </tr>
          );
        })
      )}
    </RecordTable>
  );
}

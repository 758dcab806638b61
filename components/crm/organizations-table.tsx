import type { ResultOf } from '@graphql-typed-document-node/core';
import { graphql } from '@/lib/graphql';
import Link from 'next/link';
import { linkClass } from '../ui/styles';
import { InactiveBadge } from './contacts-table';
import { groupUrls } from '@/lib/routes';
import { type ListLocation, SortableHeader, TableFrame } from './list-controls';
import { EditOrganizationButton } from './organization-editor';

export const organizationTableRowFragment = graphql(`
  fragment OrganizationTableRow on CustomerRelationsOrganization { ...OrganizationRecord contactCount openIssueCount }
`);
export type OrganizationTableRow = ResultOf<typeof organizationTableRowFragment>;

const cell = 'px-3 py-2 align-top';
const columnCount = 6;

export function formatRate(rate: number | null): string | null {
  return rate === null ? null : rate.toFixed(2);
}

export function OrganizationsTable({
  organizations,
  location,
  groupPath,
  canEdit,
}: {
  organizations: OrganizationTableRow[];
  location: ListLocation;
  groupPath: string;
  canEdit: boolean;
}) {
  return (
    <TableFrame label="Organizations table">
      <table className="min-w-full divide-y divide-gray-200 text-sm">
        <caption className="sr-only">Customer relations organizations</caption>
        <thead className="bg-gray-50">
          <tr>
            <SortableHeader location={location} field="NAME">
              Name
            </SortableHeader>
            <SortableHeader location={location} field="DEFAULT_RATE">
              Default rate
            </SortableHeader>
            <SortableHeader location={location} field="DESCRIPTION">
              Description
            </SortableHeader>
            <th scope="col" className="px-3 py-2 text-right font-semibold">
              Contacts
            </th>
            <th scope="col" className="px-3 py-2 text-right font-semibold">
              Open issues
            </th>
            <th scope="col" className="px-3 py-2 text-left font-semibold">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-gray-200">
          {organizations.length === 0 ? (
            <tr>
              <td colSpan={columnCount} className="px-3 py-8 text-center text-gray-700">
                No organizations found
              </td>
            </tr>
          ) : (
            organizations.map((organization) => {
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
                  <td className={`${cell} max-w-xs whitespace-pre-wrap text-gray-700`}>{organization.description}</td>
                  <td className={`${cell} text-right tabular-nums`}>{organization.contactCount}</td>
                  <td className={`${cell} text-right tabular-nums`}>{organization.openIssueCount}</td>
                  <td className={`${cell} whitespace-nowrap`}>
                    <div className="flex items-center gap-3">
                      <Link href={`${href}#issues`} className={linkClass}>
                        View issues<span className="sr-only"> of {organization.name}</span>
                      </Link>
                      {canEdit ? <EditOrganizationButton record={organization} label={organization.name} compact /> : null}
                    </div>
                  </td>
                </tr>
              );
            })
          )}
        </tbody>
      </table>
    </TableFrame>
  );
}

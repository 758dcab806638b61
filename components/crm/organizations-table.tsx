import { type ListLocation, SortableHeader, TableFrame } from './list-controls';

export interface OrganizationTableRow {
  id: string;
  name: string;
  defaultRate: number | null;
  description: string | null;
  active: boolean;
}

const cell = 'px-3 py-2 align-top';

export function formatRate(rate: number | null): string | null {
  return rate === null ? null : rate.toFixed(2);
}

export function OrganizationsTable({ organizations, location }: { organizations: OrganizationTableRow[]; location: ListLocation }) {
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
          </tr>
        </thead>
        <tbody className="divide-y divide-gray-200">
          {organizations.length === 0 ? (
            <tr>
              <td colSpan={3} className="px-3 py-8 text-center text-gray-700">
                No organizations found
              </td>
            </tr>
          ) : (
            organizations.map((organization) => (
              <tr key={organization.id}>
                <td className={cell}>
                  {organization.name}
                  {organization.active ? null : <span className="ml-2 rounded bg-gray-200 px-1.5 text-xs text-gray-800">Inactive</span>}
                </td>
                <td className={`${cell} whitespace-nowrap tabular-nums`}>{formatRate(organization.defaultRate)}</td>
                <td className={`${cell} text-gray-700`}>{organization.description}</td>
              </tr>
            ))
          )}
        </tbody>
      </table>
    </TableFrame>
  );
}

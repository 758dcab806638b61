import { type ListLocation, SortableHeader, TableFrame } from './list-controls';

export interface ContactTableRow {
  id: string;
  firstName: string;
  lastName: string;
  email: string | null;
  phone: string | null;
  description: string | null;
  active: boolean;
  organization: { name: string } | null;
}

const columns = [
  ['FIRST_NAME', 'First name'],
  ['LAST_NAME', 'Last name'],
  ['EMAIL', 'Email'],
  ['PHONE', 'Phone'],
  ['DESCRIPTION', 'Description'],
  ['ORGANIZATION', 'Organization'],
] as const;

const cell = 'px-3 py-2 align-top';

export function ContactsTable({ contacts, location }: { contacts: ContactTableRow[]; location: ListLocation }) {
  return (
    <TableFrame label="Contacts table">
      <table className="min-w-full divide-y divide-gray-200 text-sm">
        <caption className="sr-only">Customer relations contacts</caption>
        <thead className="bg-gray-50">
          <tr>
            {columns.map(([field, label]) => (
              <SortableHeader key={field} location={location} field={field}>
                {label}
              </SortableHeader>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-gray-200">
          {contacts.length === 0 ? (
            <tr>
              <td colSpan={columns.length} className="px-3 py-8 text-center text-gray-700">
                No contacts found
              </td>
            </tr>
          ) : (
            contacts.map((contact) => (
              <tr key={contact.id}>
                <td className={cell}>{contact.firstName}</td>
                <td className={cell}>
                  {contact.lastName}
                  {contact.active ? null : <span className="ml-2 rounded bg-gray-200 px-1.5 text-xs text-gray-800">Inactive</span>}
                </td>
                <td className={cell}>{contact.email}</td>
                <td className={`${cell} whitespace-nowrap`}>{contact.phone}</td>
                <td className={`${cell} max-w-xs text-gray-700`}>{contact.description}</td>
                <td className={cell}>{contact.organization?.name}</td>
              </tr>
            ))
          )}
        </tbody>
      </table>
    </TableFrame>
  );
}

import Link from 'next/link';
import { linkClass } from '../ui/styles';
import { type ContactRecord, EditContactButton } from './contact-editor';
import { groupUrls } from '@/lib/routes';
import { type ListLocation, SortableHeader, TableFrame } from './list-controls';

export type ContactTableRow = ContactRecord;

const columns = [
  ['FIRST_NAME', 'First name'],
  ['LAST_NAME', 'Last name'],
  ['EMAIL', 'Email'],
  ['PHONE', 'Phone'],
  ['DESCRIPTION', 'Description'],
  ['ORGANIZATION', 'Organization'],
] as const;

const cell = 'px-3 py-2 align-top';

export function InactiveBadge() {
  return <span className="ml-2 rounded bg-gray-200 px-1.5 text-xs text-gray-800">Inactive</span>;
}

export function ContactsTable({
  contacts,
  location,
  groupPath,
  canEdit,
}: {
  contacts: ContactTableRow[];
  location: ListLocation;
  groupPath: string;
  /** Developers and above get an Edit button on each row. */
  canEdit: boolean;
}) {
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
            <th scope="col" className="px-3 py-2 text-left font-semibold">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-gray-200">
          {contacts.length === 0 ? (
            <tr>
              <td colSpan={columns.length + 1} className="px-3 py-8 text-center text-gray-700">
                No contacts found
              </td>
            </tr>
          ) : (
            contacts.map((contact) => {
              const fullName = `${contact.firstName} ${contact.lastName}`;
              const href = groupUrls.contact(groupPath, contact.id);
              return (
                <tr key={contact.id}>
                  <td className={cell}>
                    <Link href={href} className={linkClass}>
                      {contact.firstName}
                    </Link>
                  </td>
                  <td className={cell}>
                    {contact.lastName}
                    {contact.active ? null : <InactiveBadge />}
                  </td>
                  <td className={`${cell} break-all`}>{contact.email}</td>
                  <td className={`${cell} whitespace-nowrap`}>{contact.phone}</td>
                  <td className={`${cell} max-w-xs whitespace-pre-wrap text-gray-700`}>{contact.description}</td>
                  <td className={cell}>
                    {contact.organization ? (
                      <Link href={groupUrls.organization(groupPath, contact.organization.id)} className={linkClass}>
                        {contact.organization.name}
                      </Link>
                    ) : null}
                  </td>
                  <td className={`${cell} whitespace-nowrap`}>
                    <div className="flex items-center gap-3">
                      <Link href={`${href}#issues`} className={linkClass}>
                        View issues<span className="sr-only"> of {fullName}</span>
                      </Link>
                      {canEdit ? <EditContactButton record={contact} label={fullName} compact /> : null}
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

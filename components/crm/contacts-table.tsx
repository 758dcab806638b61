import Link from 'next/link';
import { groupUrls } from '@/lib/routes';
import { linkClass } from '../ui/styles';
import { type ContactRecord, EditContactButton } from './contact-editor';
import type { CrmTableProps } from './crm-list-page';
import { SortableHeader } from './list-controls';
import { ActionsHeader, cell, NoRecordsRow, RecordRowActions, RecordTable } from './record-table';
import { EmailAddress } from '../ui/email-address';

const columns = [
  ['FIRST_NAME', 'First name'],
  ['LAST_NAME', 'Last name'],
  ['EMAIL', 'Email'],
  ['PHONE', 'Phone'],
  ['DESCRIPTION', 'Description'],
  ['ORGANIZATION', 'Organization'],
] as const;

export function InactiveBadge() {
  return <span className="ml-2 rounded bg-gray-200 px-1.5 text-xs text-gray-800">Inactive</span>;
}

export function ContactsTable({ rows, location, groupPath, canEdit }: CrmTableProps<ContactRecord>) {
  const headers = (
    <>
      {columns.map(([field, label]) => (
        <SortableHeader key={field} location={location} field={field}>
          {label}
        </SortableHeader>
      ))}
      <ActionsHeader />
    </>
  );
  return (
    <RecordTable label="Contacts table" caption="Customer relations contacts" headers={headers}>
      {rows.length === 0 ? (
        <NoRecordsRow columnCount={columns.length + 1}>No contacts found</NoRecordsRow>
      ) : (
        rows.map((contact) => {
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
              <td className={`${cell} min-w-40`}>{contact.email ? <EmailAddress email={contact.email} /> : null}</td>
              <td className={`${cell} whitespace-nowrap`}>{contact.phone}</td>
              <td className={`${cell} max-w-xs whitespace-pre-wrap text-gray-700`}>{contact.description}</td>
              <td className={cell}>
                {contact.organization ? (
                  <Link href={groupUrls.organization(groupPath, contact.organization.id)} className={linkClass}>
                    {contact.organization.name}
                  </Link>
                ) : null}
              </td>
              <RecordRowActions href={href} name={fullName} editButton={canEdit ? <EditContactButton record={contact} label={fullName} compact /> : null} />
            </tr>
          );
        })
      )}
    </RecordTable>
  );
}

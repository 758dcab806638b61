import Link from 'next/link';
import { ContactEditorProvider, NewContactButton } from '@/components/crm/contact-editor';
import { ContactsTable } from '@/components/crm/contacts-table';
import { CrmListPage } from '@/components/crm/crm-list-page';
import { buttonClass } from '@/components/ui/styles';
import { groupUrls } from '@/lib/routes';
import { loadGroupContacts } from '@/server/pages/crm-list-pages';
import { type CrmListRouteProps, crmListMetadata, crmListOrNotFound } from '../crm-list-route';

export const generateMetadata = crmListMetadata('contacts');

export default async function ContactsPage(props: CrmListRouteProps) {
  const list = await crmListOrNotFound(loadGroupContacts, props);
  return (
    <ContactEditorProvider groupId={list.group.id} groupPath={list.group.fullPath}>
      <CrmListPage
        noun="contacts"
        list={list}
        Table={ContactsTable}
        newButton={<NewContactButton />}
        moreActions={
          // Merging deletes a contact: Maintainers and above.
          list.abilities.canDelete ? (
            <Link href={groupUrls.contactDuplicates(list.group.fullPath)} className={buttonClass}>
              Possible duplicates
            </Link>
          ) : null
        }
      />
    </ContactEditorProvider>
  );
}

import { ContactEditorProvider, NewContactButton } from '@/components/crm/contact-editor';
import { ContactsTable } from '@/components/crm/contacts-table';
import { CrmListPage } from '@/components/crm/crm-list-page';
import { loadGroupContacts } from '@/server/pages/crm-list-pages';
import { type CrmListRouteProps, crmListMetadata, crmListOrNotFound } from '../crm-list-route';

export const generateMetadata = crmListMetadata('contacts');

export default async function ContactsPage(props: CrmListRouteProps) {
  const list = await crmListOrNotFound(loadGroupContacts, props);
  return (
    <ContactEditorProvider groupId={list.group.id} groupPath={list.group.fullPath}>
      <CrmListPage noun="contacts" list={list} Table={ContactsTable} newButton={<NewContactButton />} />
    </ContactEditorProvider>
  );
}

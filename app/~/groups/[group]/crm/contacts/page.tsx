import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ContactEditorProvider, NewContactButton } from '@/components/crm/contact-editor';
import { ContactsTable } from '@/components/crm/contacts-table';
import { CrmListView } from '@/components/crm/crm-list-view';
import { groupUrls } from '@/lib/routes';
import type { SearchParams } from '@/lib/search-params';
import { contactListDefaults, loadGroupContacts } from '@/server/pages/group-pages';
import { type GroupParams, namespacePathOf, signedInPage } from '@/app/~/namespace-route';

export async function generateMetadata({ params }: { params: GroupParams }): Promise<Metadata> {
  return { title: `Customer relations contacts · ${await namespacePathOf(params)}` };
}

export default async function ContactsPage({ params, searchParams }: { params: GroupParams; searchParams: Promise<SearchParams> }) {
  const { viewer, path: fullPath } = await signedInPage(params);
  const list = await loadGroupContacts(viewer, fullPath, await searchParams);
  if (!list) notFound();
  const { group, abilities } = list;
  const location = { basePath: groupUrls.contacts(group.fullPath), query: list.query, defaults: contactListDefaults };
  return (
    <ContactEditorProvider groupId={group.id} groupPath={group.fullPath}>
      <CrmListView
        title="Customer relations contacts"
        noun="contacts"
        location={location}
        counts={list.counts}
        pageInfo={list.pageInfo}
        actions={abilities.canAdmin ? <NewContactButton /> : null}
      >
        <ContactsTable contacts={list.rows} location={location} groupPath={group.fullPath} canEdit={abilities.canAdmin} />
      </CrmListView>
    </ContactEditorProvider>
  );
}

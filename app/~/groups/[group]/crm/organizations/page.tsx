import { CrmListPage } from '@/components/crm/crm-list-page';
import { NewOrganizationButton, OrganizationEditorProvider } from '@/components/crm/organization-editor';
import { OrganizationsTable } from '@/components/crm/organizations-table';
import { loadGroupOrganizations } from '@/server/pages/crm-list-pages';
import { type CrmListRouteProps, crmListMetadata, crmListOrNotFound } from '../crm-list-route';

export const generateMetadata = crmListMetadata('organizations');

export default async function OrganizationsPage(props: CrmListRouteProps) {
  const list = await crmListOrNotFound(loadGroupOrganizations, props);
  return (
    <OrganizationEditorProvider groupId={list.group.id}>
      <CrmListPage noun="organizations" list={list} Table={OrganizationsTable} newButton={<NewOrganizationButton />} />
    </OrganizationEditorProvider>
  );
}

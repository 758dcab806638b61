import Link from 'next/link';
import { CrmListPage } from '@/components/crm/crm-list-page';
import { NewOrganizationButton, OrganizationEditorProvider } from '@/components/crm/organization-editor';
import { OrganizationsTable } from '@/components/crm/organizations-table';
import { TierFilter } from '@/components/crm/tier-filter';
import { buttonClass } from '@/components/ui/styles';
import { groupUrls } from '@/lib/routes';
import { getPageViewer } from '@/server/auth/page-viewer';
import { loadGroupOrganizations } from '@/server/pages/crm-list-pages';
import { loadOrganizationAttributeOptions } from '@/server/pages/organization-attribute-options';
import { type CrmListRouteProps, crmListMetadata, crmListOrNotFound } from '../crm-list-route';

export const generateMetadata = crmListMetadata('organizations');

export default async function OrganizationsPage(props: CrmListRouteProps) {
  const list = await crmListOrNotFound(loadGroupOrganizations, props);
  const choices = await loadOrganizationAttributeOptions(await getPageViewer(), list.group.fullPath);
  const location = { basePath: groupUrls.organizations(list.group.fullPath), query: list.query, defaults: list.defaults };
  return (
    <OrganizationEditorProvider groupId={list.group.id} options={choices?.options}>
      <CrmListPage
        noun="organizations"
        list={list}
        Table={OrganizationsTable}
        newButton={<NewOrganizationButton />}
        moreActions={
          choices?.canManage ? (
            <Link href={groupUrls.customerSettings(list.group.fullPath)} className={buttonClass}>
              Tiers and domains
            </Link>
          ) : null
        }
        filters={<TierFilter location={location} tiers={choices?.options.rapportCustomerTiers ?? []} />}
      />
    </OrganizationEditorProvider>
  );
}

import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { CrmListView } from '@/components/crm/crm-list-view';
import { NewOrganizationButton, OrganizationEditorProvider } from '@/components/crm/organization-editor';
import { OrganizationsTable } from '@/components/crm/organizations-table';
import { groupUrls } from '@/lib/routes';
import type { SearchParams } from '@/lib/search-params';
import { loadGroupOrganizations, organizationListDefaults } from '@/server/pages/group-pages';
import { type GroupParams, namespacePathOf, signedInPage } from '@/app/~/namespace-route';

export async function generateMetadata({ params }: { params: GroupParams }): Promise<Metadata> {
  return { title: `Customer relations organizations · ${await namespacePathOf(params)}` };
}

export default async function OrganizationsPage({ params, searchParams }: { params: GroupParams; searchParams: Promise<SearchParams> }) {
  const { viewer, path: fullPath } = await signedInPage(params);
  const list = await loadGroupOrganizations(viewer, fullPath, await searchParams);
  if (!list) notFound();
  const { group, abilities } = list;
  const location = { basePath: groupUrls.organizations(group.fullPath), query: list.query, defaults: organizationListDefaults };
  return (
    <OrganizationEditorProvider groupId={group.id}>
      <CrmListView
        title="Customer relations organizations"
        noun="organizations"
        location={location}
        counts={list.counts}
        pageInfo={list.pageInfo}
        actions={abilities.canAdmin ? <NewOrganizationButton /> : null}
      >
        <OrganizationsTable organizations={list.rows} location={location} groupPath={group.fullPath} canEdit={abilities.canAdmin} />
      </CrmListView>
    </OrganizationEditorProvider>
  );
}

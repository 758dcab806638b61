import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { OrganizationDetail } from '@/components/crm/organization-detail';
import { getPageViewer } from '@/server/auth/page-viewer';
import { loadOrganizationPage } from '@/server/pages/crm-record-pages';
import { loadOrganizationAttributeOptions } from '@/server/pages/organization-attribute-options';
import { type GroupParams, namespacePathOf, signedInPage } from '@/app/~/namespace-route';

type OrganizationParams = GroupParams<{ id: string }>;

// Shared by generateMetadata and the page, so the page runs its query once.
const organizationPage = cache(async (fullPath: string, id: string) => loadOrganizationPage(await getPageViewer(), fullPath, id));

export async function generateMetadata({ params }: { params: OrganizationParams }): Promise<Metadata> {
  const fullPath = await namespacePathOf(params);
  // A failure here (the database gone) is the page's to report, with its status.
  const organization = (await organizationPage(fullPath, (await params).id).catch(() => null))?.record;
  return { title: organization ? `${organization.name} · Organizations · ${fullPath}` : 'Page not found' };
}

export default async function OrganizationPage({ params }: { params: OrganizationParams }) {
  const { viewer, path: fullPath } = await signedInPage(params);
  const found = await organizationPage(fullPath, (await params).id);
  if (!found) notFound();
  const { group, abilities, record } = found;
  const choices = await loadOrganizationAttributeOptions(viewer, group.fullPath);
  return (
    <OrganizationDetail
      groupId={group.id}
      groupPath={group.fullPath}
      canEdit={abilities.canAdmin}
      canDelete={abilities.canDelete}
      organization={record}
      options={choices?.options ?? null}
    />
  );
}

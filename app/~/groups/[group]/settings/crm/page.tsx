import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { CrmSettingsForm } from '@/components/groups/crm-settings-form';
import { PageHeading } from '@/components/ui/page-heading';
import { loadCrmSettingsPage } from '@/server/pages/crm-record-pages';
import { type GroupParams, namespacePathOf, signedInPage } from '@/app/~/namespace-route';

export async function generateMetadata({ params }: { params: GroupParams }): Promise<Metadata> {
  return { title: `Customer relations settings · ${await namespacePathOf(params)}` };
}

export default async function CrmSettingsPage({ params }: { params: GroupParams }) {
  const { viewer, path: fullPath } = await signedInPage(params);
  const settings = await loadCrmSettingsPage(viewer, fullPath);
  if (!settings) notFound();
  return (
    <>
      <PageHeading>Customer relations settings</PageHeading>
      <CrmSettingsForm
        groupPath={settings.group.fullPath}
        enabled={settings.enabled}
        sourceGroupPath={settings.sourceGroupPath}
        sourceOptions={settings.sourceOptions}
      />
    </>
  );
}

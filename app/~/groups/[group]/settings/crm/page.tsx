import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { CrmSettingsForm } from '@/components/groups/crm-settings-form';
import { PageHeading } from '@/components/ui/page-heading';
import { linkClass } from '@/components/ui/styles';
import { groupUrls } from '@/lib/routes';
import Link from 'next/link';
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
      <p className="mt-8 text-sm text-gray-700">
        Customer tiers, the currency of annual revenues and assigning contacts to organizations by email domain are managed by Maintainers of the contact
        source on its{' '}
        <Link href={groupUrls.customerSettings(settings.sourceGroupPath)} className={`${linkClass} underline`}>
          Tiers and domains page
        </Link>
        .
      </p>
    </>
  );
}

import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { CustomerSettings } from '@/components/crm/customer-settings';
import { loadCustomerSettingsPage } from '@/server/pages/customer-settings-page';
import { type GroupParams, namespacePathOf, signedInPage } from '@/app/~/namespace-route';

export async function generateMetadata({ params }: { params: GroupParams }): Promise<Metadata> {
  return { title: `Customer tiers and domains · ${await namespacePathOf(params)}` };
}

export default async function CustomerSettingsPage({ params }: { params: GroupParams }) {
  const { viewer, path: fullPath } = await signedInPage(params);
  const page = await loadCustomerSettingsPage(viewer, fullPath);
  if (!page) notFound();
  return <CustomerSettings groupId={page.group.id} groupPath={page.group.fullPath} currency={page.currency} tiers={page.tiers} />;
}

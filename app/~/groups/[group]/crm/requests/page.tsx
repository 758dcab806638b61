import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { CustomerRequestsView } from '@/components/crm/customer-requests';
import { loadCustomerRequestsPage } from '@/server/pages/customer-requests-page';
import { type GroupParams, namespacePathOf, signedInPage } from '@/app/~/namespace-route';

export async function generateMetadata({ params }: { params: GroupParams }): Promise<Metadata> {
  return { title: `Customer requests · ${await namespacePathOf(params)}` };
}

export default async function CustomerRequestsPage({ params }: { params: GroupParams }) {
  const { viewer, path: fullPath } = await signedInPage(params);
  const page = await loadCustomerRequestsPage(viewer, fullPath);
  if (!page) notFound();
  return <CustomerRequestsView groupPath={page.group.fullPath} tiers={page.tiers} />;
}

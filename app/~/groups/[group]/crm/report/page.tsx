import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { CustomerReportView } from '@/components/crm/customer-report';
import type { SearchParams } from '@/lib/search-params';
import { loadCustomerReportPage } from '@/server/pages/customer-report-page';
import { type GroupParams, namespacePathOf, signedInPage } from '@/app/~/namespace-route';

export async function generateMetadata({ params }: { params: GroupParams }): Promise<Metadata> {
  return { title: `Customer report · ${await namespacePathOf(params)}` };
}

export default async function CustomerReportPage({ params, searchParams }: { params: GroupParams; searchParams: Promise<SearchParams> }) {
  const { viewer, path: fullPath } = await signedInPage(params);
  const page = await loadCustomerReportPage(viewer, fullPath, await searchParams);
  if (!page) notFound();
  return <CustomerReportView groupPath={page.group.fullPath} period={page.period} error={page.error} report={page.report} drillDown={page.drillDown} />;
}

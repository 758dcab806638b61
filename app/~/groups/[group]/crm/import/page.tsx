import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { CsvImport } from '@/components/crm/csv-import';
import { PageHeading } from '@/components/ui/page-heading';
import type { SearchParams } from '@/lib/search-params';
import { loadCrmImportPage } from '@/server/pages/crm-import-page';
import { type GroupParams, namespacePathOf, signedInPage } from '@/app/~/namespace-route';

export async function generateMetadata({ params }: { params: GroupParams }): Promise<Metadata> {
  return { title: `Import contacts and organizations · ${await namespacePathOf(params)}` };
}

export default async function CrmImportPage({ params, searchParams }: { params: GroupParams; searchParams: Promise<SearchParams> }) {
  const { viewer, path: fullPath } = await signedInPage(params);
  const page = await loadCrmImportPage(viewer, fullPath, await searchParams);
  if (!page) notFound();
  return (
    <>
      <PageHeading>Import contacts and organizations</PageHeading>
      <CsvImport groupPath={page.group.fullPath} initialKind={page.kind} recentImports={page.recentImports} />
    </>
  );
}

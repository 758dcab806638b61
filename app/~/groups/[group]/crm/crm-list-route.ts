import 'server-only';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import type { SearchParams } from '@/lib/search-params';
import type { Viewer } from '@/server/auth/viewer';
import { type GroupParams, namespacePathOf, signedInPage } from '@/app/~/namespace-route';

export interface CrmListRouteProps {
  params: GroupParams;
  searchParams: Promise<SearchParams>;
}

/** The `generateMetadata` of a list page: "Customer relations contacts · acme". */
export function crmListMetadata(noun: 'contacts' | 'organizations') {
  return async ({ params }: { params: GroupParams }): Promise<Metadata> => ({
    title: `Customer relations ${noun} · ${await namespacePathOf(params)}`,
  });
}

/** The list a page shows, loaded as the signed-in viewer; a 404 when the loader finds none. */
export async function crmListOrNotFound<List>(
  load: (viewer: Viewer, fullPath: string, params: SearchParams) => Promise<List | null>,
  { params, searchParams }: CrmListRouteProps,
): Promise<List> {
  const { viewer, path: fullPath } = await signedInPage(params);
  const list = await load(viewer, fullPath, await searchParams);
  if (!list) notFound();
  return list;
}

import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { GroupIssueList } from '@/components/issues/group-issue-list';
import { parseIssueListQuery } from '@/lib/issues/issue-list-url';
import type { SearchParams } from '@/lib/search-params';
import { loadGroupIssues } from '@/server/pages/group-issue-pages';
import { type GroupParams, namespacePathOf, signedInPage } from '@/app/~/namespace-route';

export async function generateMetadata({ params }: { params: GroupParams }): Promise<Metadata> {
  return { title: `Issues · ${await namespacePathOf(params)}` };
}

export default async function GroupIssuesPage({ params, searchParams }: { params: GroupParams; searchParams: Promise<SearchParams> }) {
  const { viewer, path: fullPath } = await signedInPage(params);
  const query = parseIssueListQuery(await searchParams);
  const list = await loadGroupIssues(viewer, fullPath, query);
  if (!list) notFound();
  return <GroupIssueList {...list} query={query} />;
}

import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ProjectIssueList } from '@/components/issues/project-issue-list';
import { parseIssueListQuery } from '@/lib/issues/issue-list-url';
import type { SearchParams } from '@/lib/search-params';
import { loadProjectIssues } from '@/server/pages/project-pages';
import { type ProjectParams, namespacePathOf, signedInPage } from '@/app/~/namespace-route';

export async function generateMetadata({ params }: { params: ProjectParams }): Promise<Metadata> {
  return { title: `Issues · ${await namespacePathOf(params)}` };
}

export default async function IssuesPage({ params, searchParams }: { params: ProjectParams; searchParams: Promise<SearchParams> }) {
  const { viewer, path: projectPath } = await signedInPage(params);
  const query = parseIssueListQuery(await searchParams);
  const list = await loadProjectIssues(viewer, projectPath, query);
  if (!list) notFound();
  return <ProjectIssueList {...list} query={query} />;
}

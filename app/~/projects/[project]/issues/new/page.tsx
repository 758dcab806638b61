import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { NewIssuePage } from '@/components/issues/new-issue-page';
import { loadNewIssuePage } from '@/server/pages/project-pages';
import { type ProjectParams, namespacePathOf, signedInPage } from '@/app/~/namespace-route';

export async function generateMetadata({ params }: { params: ProjectParams }): Promise<Metadata> {
  return { title: `New issue · ${await namespacePathOf(params)}` };
}

export default async function NewIssueRoute({ params }: { params: ProjectParams }) {
  const { viewer, path: projectPath } = await signedInPage(params);
  const project = await loadNewIssuePage(viewer, projectPath);
  if (!project) notFound();
  return <NewIssuePage project={project} />;
}

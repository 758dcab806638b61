import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { IssueView } from '@/components/issues/issue-view';
import { loadIssuePage } from '@/server/pages/project-pages';
import { type ProjectParams, namespacePathOf, signedInPage } from '@/app/~/namespace-route';

type IssueParams = ProjectParams<{ iid: string }>;

const iidPattern = /^\d{1,9}$/;

export async function generateMetadata({ params }: { params: IssueParams }): Promise<Metadata> {
  const { iid } = await params;
  return { title: iidPattern.test(iid) ? `Issue #${iid} · ${await namespacePathOf(params)}` : 'Page not found' };
}

export default async function IssuePage({ params }: { params: IssueParams }) {
  const { viewer, path: projectPath } = await signedInPage(params);
  const { iid } = await params;
  const data = iidPattern.test(iid) ? await loadIssuePage(viewer, projectPath, iid) : null;
  if (!data) notFound();
  return <IssueView project={data.project} issue={data.issue} />;
}

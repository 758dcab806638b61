import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { IssueView } from '@/components/issues/issue-view';
import { getPageViewer } from '@/server/auth/page-viewer';
import { loadIssuePage } from '@/server/pages/project-pages';
import { type ProjectParams, namespacePathOf, signedInPage } from '@/app/~/namespace-route';

type IssueParams = ProjectParams<{ iid: string }>;

const iidPattern = /^\d{1,9}$/;

// Shared by generateMetadata and the page, so the page runs its query once.
const issuePage = cache(async (projectPath: string, iid: string) =>
  iidPattern.test(iid) ? loadIssuePage(await getPageViewer(), projectPath, iid) : null,
);

/** GitLab's tab title: "Issue title (#iid) · Issues · project". */
export async function generateMetadata({ params }: { params: IssueParams }): Promise<Metadata> {
  const projectPath = await namespacePathOf(params);
  const { iid } = await params;
  // A failure here (the database gone) is the page's to report, with its status.
  const found = await issuePage(projectPath, iid).catch(() => null);
  return { title: found ? `${found.issue.title} (#${found.issue.iid}) · Issues · ${found.project.fullPath}` : 'Page not found' };
}

export default async function IssuePage({ params }: { params: IssueParams }) {
  const { path: projectPath } = await signedInPage(params);
  const data = await issuePage(projectPath, (await params).iid);
  if (!data) notFound();
  return <IssueView project={data.project} issue={data.issue} />;
}

import { redirect } from 'next/navigation';
import { projectUrls } from '@/lib/routes';
import { type ProjectParams, signedInPage } from '@/app/~/namespace-route';

/** A project's own URL shows its issues, as Rapport has nothing else to show of a project. */
export default async function ProjectPage({ params }: { params: ProjectParams }) {
  const { path: projectPath } = await signedInPage(params);
  redirect(projectUrls.issues(projectPath));
}

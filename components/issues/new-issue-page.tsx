import { projectUrls } from '@/lib/routes';
import { PageHeading } from '../ui/page-heading';
import { NewIssueForm } from './new-issue-form';
import { Breadcrumbs, projectCrumbs } from './project-breadcrumbs';

export function NewIssuePage({
  project,
}: {
  project: { name: string; fullPath: string; group: { name: string; fullPath: string } | null; rapportCanSetIssueContacts: boolean };
}) {
  return (
    <main id="main-content" className="mx-auto w-full max-w-3xl flex-1 px-4 py-6">
      <Breadcrumbs crumbs={[...projectCrumbs(project), { label: 'Issues', href: projectUrls.issues(project.fullPath) }, { label: 'New' }]} />
      <PageHeading>New issue</PageHeading>
      <NewIssueForm projectPath={project.fullPath} quickActions={project.rapportCanSetIssueContacts} />
    </main>
  );
}

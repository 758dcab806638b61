import { GraphQLProvider } from '../ui/graphql-provider';
import { PageHeading } from '../ui/page-heading';
import { NewIssueForm } from './new-issue-form';
import { Breadcrumbs, projectCrumbs } from './project-breadcrumbs';

export function NewIssuePage({
  project,
  csrfToken,
}: {
  project: { name: string; fullPath: string; group: { name: string; fullPath: string } | null };
  csrfToken: string | null;
}) {
  return (
    <main id="main-content" className="mx-auto w-full max-w-3xl flex-1 px-4 py-6">
      <Breadcrumbs crumbs={[...projectCrumbs(project), { label: 'Issues', href: `/${project.fullPath}/-/issues` }, { label: 'New' }]} />
      <PageHeading>New issue</PageHeading>
      <GraphQLProvider csrfToken={csrfToken}>
        <NewIssueForm projectPath={project.fullPath} />
      </GraphQLProvider>
    </main>
  );
}

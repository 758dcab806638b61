import Link from 'next/link';
import { projectUrls } from '@/lib/routes';
import { PageHeading } from '../ui/page-heading';
import { primaryButtonClass } from '../ui/styles';
import { IssueList, type IssueListProps } from './issue-list';
import { Breadcrumbs, projectCrumbs } from './project-breadcrumbs';

export interface ProjectIssueListProps extends Omit<IssueListProps, 'listPath' | 'showProject'> {
  project: { name: string; fullPath: string; group: { name: string; fullPath: string } | null };
}

export function ProjectIssueList({ project, ...list }: ProjectIssueListProps) {
  return (
    <main id="main-content" className="mx-auto w-full max-w-5xl flex-1 px-4 py-6">
      <Breadcrumbs crumbs={[...projectCrumbs(project), { label: 'Issues' }]} />
      <PageHeading
        actions={
          <Link href={projectUrls.newIssue(project.fullPath)} className={primaryButtonClass}>
            New issue
          </Link>
        }
      >
        Issues
      </PageHeading>
      <IssueList listPath={projectUrls.issues(project.fullPath)} showProject={false} {...list} />
    </main>
  );
}

import { FormattedDate } from '../ui/formatted-date';
import { PageHeading } from '../ui/page-heading';
import { IssueContactsSection, type IssueSidebarContact } from './issue-contacts-section';
import { type IssueNoteItem, IssueNotes } from './issue-notes';
import { IssueStateBadge } from './issue-state-badge';
import { Breadcrumbs, projectCrumbs } from './project-breadcrumbs';

export interface IssueViewProps {
  project: { name: string; fullPath: string; group: { name: string; fullPath: string } | null };
  issue: {
    iid: string;
    title: string;
    description: string | null;
    state: string;
    createdAt: string;
    author: { username: string; name: string };
    notes: IssueNoteItem[];
  };
  /** Null hides the sidebar's Contacts section (the viewer may not read issue contacts). */
  contacts: { count: number; nodes: IssueSidebarContact[] } | null;
}

export function IssueView({ project, issue, contacts }: IssueViewProps) {
  return (
    <div className="flex flex-1 flex-col lg:flex-row">
      <main id="main-content" className="min-w-0 flex-1 px-4 py-6 md:px-8">
        <Breadcrumbs
          crumbs={[...projectCrumbs(project), { label: 'Issues', href: `/${project.fullPath}/-/issues` }, { label: `#${issue.iid}` }]}
        />
        <PageHeading>{issue.title}</PageHeading>
        <p className="mb-4 flex flex-wrap items-center gap-2 text-sm text-gray-700">
          <IssueStateBadge state={issue.state} />
          <span>
            Issue created <FormattedDate value={issue.createdAt} /> by <span className="font-medium text-gray-900">{issue.author.name}</span>
          </span>
        </p>
        {/* Plain escaped text until Markdown rendering (sanitized) lands. */}
        {issue.description ? (
          <div data-testid="issue-description" className="mb-8 text-gray-900 whitespace-pre-wrap">
            {issue.description}
          </div>
        ) : (
          <p className="mb-8 text-sm text-gray-700">No description.</p>
        )}
        <section aria-labelledby="activity-heading">
          <h2 id="activity-heading" className="mb-3 text-lg font-semibold text-gray-900">
            Activity
          </h2>
          <IssueNotes notes={issue.notes} />
        </section>
      </main>
      <aside aria-label="Issue details" className="w-full shrink-0 space-y-6 border-t border-gray-200 bg-gray-50 p-4 lg:w-72 lg:border-t-0 lg:border-l">
        {contacts ? <IssueContactsSection projectPath={project.fullPath} count={contacts.count} contacts={contacts.nodes} /> : null}
        <section aria-labelledby="issue-reference-heading">
          <h2 id="issue-reference-heading" className="text-sm font-semibold text-gray-900">
            Reference
          </h2>
          <p className="mt-1 text-sm break-all text-gray-800">
            {project.fullPath}#{issue.iid}
          </p>
        </section>
      </aside>
    </div>
  );
}

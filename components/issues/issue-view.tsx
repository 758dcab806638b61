import type { ResultOf } from '@graphql-typed-document-node/core';
import { graphql } from '@/lib/graphql';
import { projectUrls } from '@/lib/routes';
import { Markdown } from '../markdown/markdown';
import { FormattedDate } from '../ui/formatted-date';
import { PageHeading } from '../ui/page-heading';
import { CommentForm } from './comment-form';
import { IssueContactsSection } from './issue-contacts-section';
import { IssueNotes } from './issue-notes';
import { IssueStateBadge } from './issue-state-badge';
import { IssueStateButton } from './issue-state-button';
import { IssueTimeTracking } from './issue-time-tracking';
import { Breadcrumbs, projectCrumbs } from './project-breadcrumbs';

/** The page shows up to 100 contacts and 100 notes; GitLab pages its discussion too. */
export const issueViewFragment = graphql(`
  fragment IssueView on Issue {
    id iid title description state createdAt rapportCanUpdate
    author { username name }
    ...IssueTimeTracking
    customerRelationsContacts(first: 100) { count nodes { ...IssueSidebarContact ...SuggestedContact } }
    rapportCustomerRequests { important note contact { id } }
    notes(first: 100) {
      nodes { ...IssueNoteItem }
      pageInfo { hasNextPage }
    }
  }
`);

export interface IssueViewProps {
  project: {
    name: string;
    fullPath: string;
    group: { name: string; fullPath: string } | null;
    rapportCanReadIssueContacts: boolean;
    rapportCanSetIssueContacts: boolean;
    /** The group whose contacts serve the issue; with `rapportCanAdminCrm`, the picker can create one. */
    rapportCrmGroup: { id: string; fullPath: string; rapportCanAdminCrm: boolean } | null;
  };
  issue: ResultOf<typeof issueViewFragment>;
}

export function IssueView({ project, issue }: IssueViewProps) {
  // The Contacts section is for people who may read issue contacts (Planner and above, CRM on).
  const contacts = project.rapportCanReadIssueContacts ? issue.customerRelationsContacts : null;
  return (
    <div className="flex flex-1 flex-col lg:flex-row">
        <main id="main-content" className="min-w-0 flex-1 px-4 py-6 md:px-8">
          <Breadcrumbs
            crumbs={[...projectCrumbs(project), { label: 'Issues', href: projectUrls.issues(project.fullPath) }, { label: `#${issue.iid}` }]}
          />
          <PageHeading
            actions={issue.rapportCanUpdate ? <IssueStateButton projectPath={project.fullPath} iid={issue.iid} state={issue.state} /> : undefined}
          >
            <span className="break-words">{issue.title}</span>
          </PageHeading>
          <p className="mb-4 flex flex-wrap items-center gap-2 text-sm text-gray-700">
            <IssueStateBadge state={issue.state} />
            <span>
              Issue created <FormattedDate value={issue.createdAt} /> by <span className="font-medium text-gray-900">{issue.author.name}</span>
            </span>
          </p>
          {issue.description ? (
            <div data-testid="issue-description" className="mb-8 break-words text-gray-900">
              <Markdown source={issue.description} headingBase={2} />
            </div>
          ) : (
            <p className="mb-8 text-sm text-gray-700">No description.</p>
          )}
          <section aria-labelledby="activity-heading">
            <h2 id="activity-heading" className="mb-3 text-lg font-semibold text-gray-900">
              Activity
            </h2>
            <IssueNotes notes={issue.notes.nodes} />
            {issue.notes.pageInfo.hasNextPage ? (
              <p className="mt-3 text-sm text-gray-700">Only the first {issue.notes.nodes.length} notes are shown.</p>
            ) : null}
            <CommentForm
              issueId={issue.id}
              contactSource={
                contacts && project.rapportCanSetIssueContacts
                  ? { projectPath: project.fullPath, iid: issue.iid, issueContacts: contacts.nodes }
                  : null
              }
            />
          </section>
        </main>
        <aside aria-label="Issue details" className="w-full shrink-0 space-y-6 border-t border-gray-200 bg-gray-50 p-4 lg:w-72 lg:border-t-0 lg:border-l">
          {contacts ? (
            <IssueContactsSection
              projectPath={project.fullPath}
              iid={issue.iid}
              count={contacts.count}
              contacts={contacts.nodes}
              requests={new Map((issue.rapportCustomerRequests ?? []).map(({ contact, ...request }) => [contact.id, request]))}
              canEdit={project.rapportCanSetIssueContacts}
              contactGroup={project.rapportCanSetIssueContacts && project.rapportCrmGroup?.rapportCanAdminCrm ? project.rapportCrmGroup : null}
            />
          ) : null}
          <IssueTimeTracking issue={issue} />
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

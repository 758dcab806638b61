import { resolveArrayConnection } from '@pothos/plugin-relay';
import { ContactConnectionRef, ContactRef } from '../crm/contact-type';
import { builder } from '../graphql/builder';
import type { Contact } from '../crm/contact-queries';
import { emptyPage } from '../graphql/connections';
import { type Context, requestLoader } from '../graphql/context';
import { nodesSelect } from '../graphql/selection';
import type { Issue, Project } from '../groups/group-queries';
import { UserRef } from '../users/user-type';
import { createIssueContactsLoader } from './issue-contacts-queries';
import { findIssueById } from './issue-queries';

const issuableStateValues = {
  opened: { value: 'opened' },
  closed: { value: 'closed' },
  locked: { value: 'locked' },
  all: { value: 'all' },
} as const;

export const IssueStateEnum = builder.enumType('IssueState', {
  description: 'State of a GitLab issue',
  values: issuableStateValues,
});

/** The state filter of issue lists (`Project.issues(state:)`), a separate enum in GitLab's schema. */
export const IssuableStateEnum = builder.enumType('IssuableState', {
  description: 'State of a GitLab issue or merge request',
  values: issuableStateValues,
});

/**
 * The issue's project, from the request's memo: every issue of a list shares the one project the
 * list was asked of, so it is not selected again with each row.
 */
export async function projectOfIssue(context: Context, issue: Pick<Issue, 'projectId'>): Promise<Project> {
  const project = await context.permissions.projectById(issue.projectId);
  if (!project) throw new Error(`Project ${issue.projectId} of an issue was not found`);
  return project;
}

export const IssueRef = builder.drizzleNode('issues', {
  name: 'Issue',
  id: { column: (issue) => issue.id, description: 'ID of the issue.' },
  fields: (t) => ({
    iid: t.string({ description: 'Internal ID of the issue.', resolve: (issue) => String(issue.iid) }),
    title: t.exposeString('title', { description: 'Title of the issue.' }),
    description: t.exposeString('description', { nullable: true, description: 'Description of the issue.' }),
    state: t.field({ type: IssueStateEnum, description: 'State of the issue.', resolve: (issue) => issue.state }),
    createdAt: t.expose('createdAt', { type: 'Time', description: 'Timestamp of when the issue was created.' }),
    updatedAt: t.expose('updatedAt', { type: 'Time', description: 'Timestamp of when the issue was last updated.' }),
    closedAt: t.expose('closedAt', { type: 'Time', nullable: true, description: 'Timestamp of when the issue was closed.' }),
    author: t.relation('author', { type: UserRef, description: 'User that created the issue.' }),
    webUrl: t.string({
      description: 'Web URL of the issue.',
      resolve: async (issue, _args, context) => `/${(await projectOfIssue(context, issue)).fullPath}/-/issues/${issue.iid}`,
    }),
    customerRelationsContacts: t.connection(
      {
        type: ContactRef,
        nullable: true,
        description: 'Customer relations contacts of the issue.',
        // Null where customer relations are off (SPEC §2); empty for people who may not see contacts.
        resolve: async (issue, args, context, info) => {
          const project = await projectOfIssue(context, issue);
          if ((await context.permissions.crmEnabledFor(project.fullPath)) === null) return null;
          if (!(await context.permissions.canReadIssueContacts(project))) return emptyPage<Contact>();
          const organizations = nodesSelect(info, 'organization');
          const loader = requestLoader(context, organizations ? 'issueContactsWithOrganizations' : 'issueContacts', () =>
            createIssueContactsLoader(context.db, { organizations }),
          );
          const contacts = await loader.load(issue.id);
          return { ...resolveArrayConnection({ args }, contacts), count: async () => contacts.length };
        },
      },
      ContactConnectionRef,
    ),
  }),
});

builder.queryField('issue', (t) =>
  t.field({
    type: IssueRef,
    nullable: true,
    description: 'Find an issue.',
    args: { id: t.arg({ type: 'IssueID', required: true, description: 'Global ID of the issue.' }) },
    resolve: async (_root, args, context) => {
      const issue = await findIssueById(context.db, args.id);
      const project = issue && (await context.permissions.projectById(issue.projectId));
      return project && (await context.permissions.canReadProject(project)) ? issue : null;
    },
  }),
);

import { ContactConnectionRef, ContactRef } from '../crm/contact-type';
import { builder } from '../graphql/builder';
import type { Context } from '../graphql/context';
import type { Project } from '../groups/group-repository';
import type { Issue } from './issue-repository';
import { UserRef } from '../users/user-type';
import { issueContactsConnection } from './issue-contacts-connection';
import { findIssueById } from './issue-repository';

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
    // Resolvers rather than `t.expose…`: every issue row holds all its columns (the type selects them
    // all), and an exposed field of a drizzle type would look the row up in the query plan first.
    title: t.string({ description: 'Title of the issue.', resolve: (issue) => issue.title }),
    description: t.string({ nullable: true, description: 'Description of the issue.', resolve: (issue) => issue.description }),
    state: t.field({ type: IssueStateEnum, description: 'State of the issue.', resolve: (issue) => issue.state }),
    createdAt: t.field({ type: 'Time', description: 'Timestamp of when the issue was created.', resolve: (issue) => issue.createdAt }),
    updatedAt: t.field({ type: 'Time', description: 'Timestamp of when the issue was last updated.', resolve: (issue) => issue.updatedAt }),
    closedAt: t.field({ type: 'Time', nullable: true, description: 'Timestamp of when the issue was closed.', resolve: (issue) => issue.closedAt }),
    author: t.relation('author', { type: UserRef, description: 'User that created the issue.' }),
    webUrl: t.string({
      description: 'Web URL of the issue.',
      resolve: async (issue, _args, context) => `/${(await projectOfIssue(context, issue)).fullPath}/-/issues/${issue.iid}`,
    }),
    reference: t.string({
      description: 'Internal reference of the issue. Returned in shortened format by default.',
      args: { full: t.arg.boolean({ defaultValue: false, description: 'Boolean option specifying whether the reference should be returned in full.' }) },
      resolve: async (issue, args, context) => `${args.full ? (await projectOfIssue(context, issue)).fullPath : ''}#${issue.iid}`,
    }),
    customerRelationsContacts: t.connection(
      {
        type: ContactRef,
        nullable: true,
        description: 'Customer relations contacts of the issue.',
        resolve: (issue, args, context, info) => issueContactsConnection(context, issue, args, info),
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

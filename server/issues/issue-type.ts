import { resolveArrayConnection } from '@pothos/plugin-relay';
import { ContactConnectionRef, ContactRef } from '../crm/contact-type';
import { builder } from '../graphql/builder';
import type { Contact } from '../crm/contact-queries';
import { emptyPage } from '../graphql/connections';
import { requestLoader } from '../graphql/context';
import { findIssueWithProject } from '../groups/group-queries';
import { UserRef } from '../users/user-type';
import { createIssueContactsLoader } from './issue-contacts-queries';

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
      select: { with: { project: { columns: { fullPath: true } } } },
      resolve: (issue) => `/${issue.project.fullPath}/-/issues/${issue.iid}`,
    }),
    customerRelationsContacts: t.connection(
      {
        type: ContactRef,
        nullable: true,
        description: 'Customer relations contacts of the issue.',
        select: { with: { project: { columns: { id: true, fullPath: true } } } },
        // Null where customer relations are off (SPEC §2); empty for people who may not see contacts.
        resolve: async (issue, args, context) => {
          if ((await context.permissions.crmEnabledFor(issue.project.fullPath)) === null) return null;
          if (!(await context.permissions.canReadIssueContacts(issue.project))) return emptyPage<Contact>();
          const loader = requestLoader(context, 'issueContacts', () => createIssueContactsLoader(context.db));
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
      const found = await findIssueWithProject(context.db, args.id);
      return found && (await context.permissions.canReadProject(found.project)) ? found.issue : null;
    },
  }),
);

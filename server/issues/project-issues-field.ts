import { ProjectRef } from '../groups/project-type';
import { builder } from '../graphql/builder';
import { IssueConnectionRef, issueListArgs, resolveIssueList } from './issue-list-field';

/** `Project.issues` with GitLab's filters (state, search, iid, iids, crmContactId, crmOrganizationId) and sorts. */
builder.drizzleObjectFields(ProjectRef, (t) => ({
  issues: t.drizzleConnection(
    {
      type: 'issues',
      nullable: true,
      description: 'Issues of the project.',
      args: issueListArgs,
      resolve: (query, project, args, context, info) => resolveIssueList(query, project, args, context, info),
    },
    IssueConnectionRef,
  ),
}));

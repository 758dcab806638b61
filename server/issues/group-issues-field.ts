import { GroupRef } from '../groups/group-type';
import { builder } from '../graphql/builder';
import { IssueConnectionRef, issueListArgs, resolveIssueList } from './issue-list-field';

/**
 * `Group.issues` as GitLab's group issues resolver: the issues of the group's projects (and of its
 * subgroups' with `includeSubgroups`) that the viewer may read, with the project list's filters.
 */
builder.drizzleObjectFields(GroupRef, (t) => ({
  issues: t.drizzleConnection(
    {
      type: 'issues',
      nullable: true,
      description: 'Issues for projects in this group.',
      args: {
        ...issueListArgs,
        includeSubgroups: t.arg.boolean({ defaultValue: false, description: 'Include issues belonging to subgroups' }),
      },
      resolve: (query, group, args, context, info) => resolveIssueList(query, group, args, context, info),
    },
    IssueConnectionRef,
  ),
}));

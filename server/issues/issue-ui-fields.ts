import { contactCandidates } from '../crm/contact-repository';
import { ContactRef } from '../crm/contact-type';
import { builder } from '../graphql/builder';
import type { Context } from '../graphql/context';
import { listSize } from '../pagination/list-size';
import { findGroupById } from '../groups/group-repository';
import { GroupRef } from '../groups/group-type';
import { ProjectRef } from '../groups/project-type';
import { IssueRef, projectOfIssue } from './issue-type';

/**
 * Rapport-only fields (GitLab has no equivalent) for the issue pages: what the viewer may do, and
 * the contact look-up of the sidebar picker and the comment box. The mutations check the same
 * policy again; these only decide which controls to offer.
 */

export const maxContactCandidates = 50;

builder.drizzleObjectFields(ProjectRef, (t) => ({
  rapportCanSetIssueContacts: t.boolean({
    description:
      "Rapport only: true when customer relations are enabled for this project and the current user may add and remove its issues' contacts (Developer and above).",
    select: { columns: { id: true, fullPath: true } },
    resolve: (project, _args, context) => context.permissions.canSetIssueContacts(project),
  }),
  rapportCrmGroup: t.field({
    type: GroupRef,
    nullable: true,
    description:
      "Rapport only: the group whose contacts and organizations serve this project's issues; null when customer relations are off or the current user may not see issue contacts.",
    select: { columns: { id: true, fullPath: true } },
    resolve: (project, _args, context) => issueCrmGroupOf(context, project),
  }),
}));

/** The CRM group of the issues of a project or of a group's projects, when the viewer may see their contacts. */
async function issueCrmGroupOf(context: Context, place: { id: number; fullPath: string }) {
  const setting = await context.permissions.crmEnabledFor(place.fullPath);
  if (!setting || !(await context.permissions.canReadIssueContacts(place))) return null;
  const group = await findGroupById(context.db, setting.crmGroupId);
  return group && (await context.permissions.canReadGroup(group)) ? group : null;
}

builder.drizzleObjectFields(GroupRef, (t) => ({
  rapportIssueCrmGroup: t.field({
    type: GroupRef,
    nullable: true,
    description:
      "Rapport only: the group whose contacts and organizations serve the issues of this group's projects (the group issue list's customer filters); null when customer relations are off or the current user may not see issue contacts.",
    resolve: (group, _args, context) => issueCrmGroupOf(context, group),
  }),
}));

builder.drizzleObjectFields(IssueRef, (t) => ({
  rapportCanUpdate: t.boolean({
    description: 'Rapport only: true when the current user may edit, close and reopen the issue (Planner and above, or its author).',
    resolve: async (issue, _args, context) => context.permissions.canUpdateIssue(await projectOfIssue(context, issue), issue),
  }),
  rapportContactCandidates: t.field({
    type: [ContactRef],
    description: `Rapport only: active contacts of the issue's CRM group that are not on the issue, matching \`search\` (first name, last name, email, description), by last name; at most ${maxContactCandidates}. Empty unless the current user may set the issue's contacts.`,
    args: {
      search: t.arg.string({ description: 'Search term, as for `Group.contacts`.' }),
      first: t.arg.int({ description: `Number of contacts to return (0 to ${maxContactCandidates}, default 20).` }),
    },
    resolve: async (issue, args, context) => {
      const limit = listSize('first', args.first, { defaultSize: 20, max: maxContactCandidates });
      const project = await projectOfIssue(context, issue);
      if (limit === 0) return [];
      const target = await context.permissions.issueContactsTarget(project);
      if ('refusal' in target) return [];
      return contactCandidates(context.db, { crmGroupId: target.crmGroupId, issueId: issue.id, search: args.search, limit });
    },
  }),
}));

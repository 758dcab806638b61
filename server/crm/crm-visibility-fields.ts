import { ProjectRef } from '../groups/project-type';
import { GroupRef } from '../groups/group-type';
import { builder } from '../graphql/builder';

/**
 * Rapport-only fields (GitLab has no equivalent) that let the web UI ask the one policy module what
 * to show: the Customer relations menu and the issue sidebar's Contacts section (SPEC §2, §3).
 */

builder.drizzleObjectFields(GroupRef, (t) => ({
  rapportCanReadCrm: t.boolean({
    description:
      'Rapport only: true when this group is a CRM group with customer relations enabled and the current user may read its contacts and organizations.',
    select: { columns: { id: true, fullPath: true } },
    resolve: (group, _args, context) => context.permissions.canReadCrm(group),
  }),
}));

builder.drizzleObjectFields(ProjectRef, (t) => ({
  rapportCanReadIssueContacts: t.boolean({
    description:
      "Rapport only: true when customer relations are enabled for this project and the current user may see its issues' contacts.",
    select: { columns: { id: true, fullPath: true } },
    resolve: (project, _args, context) => context.permissions.canReadIssueContacts(project),
  }),
}));

import { GroupRef } from '../groups/group-type';
import { builder } from '../graphql/builder';

/**
 * Rapport-only fields that tell the web UI which Customer relations controls to offer the current
 * user; the mutations check the same policy again.
 */
builder.drizzleObjectFields(GroupRef, (t) => ({
  rapportCanAdminCrm: t.boolean({
    description:
      'Rapport only: true when the current user may create and update contacts and organizations of this CRM group (Developer and above).',
    select: { columns: { id: true, fullPath: true } },
    resolve: (group, _args, context) => context.permissions.canAdminCrm(group),
  }),
  rapportCanDeleteCrm: t.boolean({
    description: 'Rapport only: true when the current user may delete contacts and organizations of this CRM group (Maintainer and above).',
    select: { columns: { id: true, fullPath: true } },
    resolve: (group, _args, context) => context.permissions.canDeleteCrm(group),
  }),
}));

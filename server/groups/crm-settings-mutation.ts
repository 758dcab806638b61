import { builder } from '../graphql/builder';
import { type GroupCrmSettings, readGroupCrmSettings, updateGroupCrmSettings } from './crm-settings';
import { findGroupById } from './group-repository';
import { GroupRef } from './group-type';

/**
 * Rapport-only: a top-level group's CRM setting (SPEC §2), read and changed by its Owners. GitLab
 * keeps this in the group's settings page and has no GraphQL for it.
 */

const GroupCrmSettingsRef = builder.objectRef<GroupCrmSettings>('RapportGroupCrmSettings').implement({
  description: "Rapport only: a top-level group's customer relations setting.",
  fields: (t) => ({
    enabled: t.exposeBoolean('enabled', { description: 'Whether customer relations are enabled for the group and everything under it.' }),
    sourceGroup: t.field({
      type: GroupRef,
      description: 'The group whose contacts and organizations serve this group: the group itself or one of its subgroups.',
      resolve: (settings) => settings.sourceGroup,
    }),
  }),
});

builder.drizzleObjectFields(GroupRef, (t) => ({
  rapportCanAdminCrmSettings: t.boolean({
    description: 'Rapport only: true when this is a top-level group and the current user may change its customer relations setting (Owner).',
    select: { columns: { id: true, fullPath: true, parentId: true } },
    resolve: (group, _args, context) => context.permissions.canAdminCrmSettings(group),
  }),
  rapportCrmSettings: t.field({
    type: GroupCrmSettingsRef,
    nullable: true,
    description: "Rapport only: the group's customer relations setting; null unless the current user may change it.",
    select: { columns: { id: true, fullPath: true, parentId: true } },
    resolve: async (group, _args, context) => {
      if (!(await context.permissions.canAdminCrmSettings(group))) return null;
      const full = await findGroupById(context.db, group.id);
      return full ? readGroupCrmSettings(context.db, full) : null;
    },
  }),
}));

builder.relayMutationField(
  'groupCrmSettingsUpdate',
  {
    name: 'GroupCrmSettingsUpdateInput',
    inputFields: (t) => ({
      fullPath: t.id({ required: true, description: 'Full path of the top-level group.' }),
      enabled: t.boolean({ description: 'Enable or disable customer relations for the group and everything under it.' }),
      sourceGroupPath: t.id({ description: 'Full path of the group whose contacts serve this group: the group itself or one of its subgroups.' }),
    }),
  },
  {
    nullable: true,
    description: "Rapport only: changes a top-level group's customer relations setting. Needs the Owner role.",
    resolve: async (_root, { input }, context) => {
      const result = await updateGroupCrmSettings(context.db, context.permissions, {
        fullPath: String(input.fullPath),
        enabled: input.enabled,
        sourceGroupPath: input.sourceGroupPath == null ? null : String(input.sourceGroupPath),
      });
      return result.ok ? { settings: result.value, errors: [] } : { settings: null, errors: result.errors };
    },
  },
  {
    name: 'GroupCrmSettingsUpdatePayload',
    outputFields: (t) => ({
      crmSettings: t.field({
        type: GroupCrmSettingsRef,
        nullable: true,
        description: 'The setting after the mutation.',
        resolve: (payload) => payload.settings,
      }),
      errors: t.stringList({ description: 'Errors encountered during execution of the mutation.', resolve: (payload) => payload.errors }),
    }),
  },
);

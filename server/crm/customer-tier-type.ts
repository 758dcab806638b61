import { builder } from '../graphql/builder';
import { toGlobalId } from '../graphql/global-id';
import { getGroupOrThrow, listGroupMembers } from '../groups/group-repository';
import { GroupRef } from '../groups/group-type';
import { UserRef } from '../users/user-type';
import { type CustomerTier, findCrmCurrency, listCustomerTiers } from './customer-tier-repository';
import { createCustomerTier, deleteCustomerTier, updateCrmCurrency, updateCustomerTier } from './customer-tiers-service';

/**
 * Rapport only (issue 15): a CRM group's customer tiers (Enterprise > Business > Free) and the
 * currency of its organizations' annual revenues, read by the group's CRM readers and managed by
 * its Maintainers.
 */

/** What the type shows of a tier: an organization's tier and the tiers list load whole rows, an issue's customer weight only these. */
type TierFields = Pick<CustomerTier, 'id' | 'name' | 'position'> & { organizationCount?: number };

export const CustomerTierRef = builder.objectRef<TierFields>('RapportCustomerTier').implement({
  description: "Rapport only: one of a group's ordered customer tiers.",
  fields: (t) => ({
    id: t.field({
      type: 'RapportCustomerTierID',
      description: 'Global ID of the tier.',
      resolve: (tier) => toGlobalId('Rapport::CustomerTier', tier.id),
    }),
    name: t.exposeString('name', { description: 'Name of the tier.' }),
    position: t.exposeInt('position', { description: 'Rank of the tier: 1 is the highest.' }),
    organizationCount: t.int({
      nullable: true,
      description: 'Number of organizations with the tier; null where it was not counted (an organization’s own tier, an issue’s best tier).',
      resolve: (tier) => tier.organizationCount ?? null,
    }),
  }),
});

builder.drizzleObjectFields(GroupRef, (t) => ({
  rapportCustomerTiers: t.field({
    type: [CustomerTierRef],
    description: "Rapport only: the CRM group's customer tiers, highest first; empty unless the current user reads its customer relations.",
    select: { columns: { id: true, fullPath: true } },
    resolve: async (group, _args, context) => {
      const crmGroup = await context.permissions.readableCrmGroup(group);
      return crmGroup ? listCustomerTiers(context.db, crmGroup.id) : [];
    },
  }),
  rapportCrmCurrency: t.string({
    nullable: true,
    description: "Rapport only: the ISO 4217 currency of the CRM group's annual revenues; null unless the current user reads its customer relations.",
    select: { columns: { id: true, fullPath: true } },
    resolve: async (group, _args, context) => {
      const crmGroup = await context.permissions.readableCrmGroup(group);
      return crmGroup ? findCrmCurrency(context.db, crmGroup.id) : null;
    },
  }),
  rapportCanManageCrm: t.boolean({
    description: 'Rapport only: true when the current user may manage the customer tiers and currency of this CRM group and assign its contacts by domain (Maintainer and above).',
    select: { columns: { id: true, fullPath: true } },
    resolve: (group, _args, context) => context.permissions.canManageCrmGroup(group),
  }),
  rapportCrmMembers: t.field({
    type: [UserRef],
    description: "Rapport only: the group's direct and inherited members, who may be organizations' account owners; empty unless the current user may edit its organizations.",
    select: { columns: { id: true, fullPath: true } },
    resolve: async (group, _args, context) => ((await context.permissions.canAdminCrm(group)) ? listGroupMembers(context.db, group) : []),
  }),
}));

builder.relayMutationField(
  'rapportCustomerTierCreate',
  {
    name: 'RapportCustomerTierCreateInput',
    inputFields: (t) => ({
      groupId: t.field({ type: 'GroupID', required: true, description: 'The CRM group.' }),
      name: t.string({ required: true, description: 'Name of the tier; it is added as the lowest.' }),
    }),
  },
  {
    nullable: true,
    description: 'Rapport only: adds a customer tier below the group’s others. Needs the Maintainer role.',
    resolve: async (_root, { input }, context) => {
      const group = await getGroupOrThrow(context.db, input.groupId);
      const result = await createCustomerTier(context.db, context.permissions, group, input.name);
      return result.ok ? { tier: result.value, errors: [] } : { tier: null, errors: result.errors };
    },
  },
  {
    name: 'RapportCustomerTierCreatePayload',
    outputFields: (t) => ({
      tier: t.field({ type: CustomerTierRef, nullable: true, description: 'The tier created.', resolve: (payload) => payload.tier }),
      errors: t.stringList({ description: 'Errors encountered during execution of the mutation.', resolve: (payload) => payload.errors }),
    }),
  },
);

builder.relayMutationField(
  'rapportCustomerTierUpdate',
  {
    name: 'RapportCustomerTierUpdateInput',
    inputFields: (t) => ({
      id: t.field({ type: 'RapportCustomerTierID', required: true, description: 'Global ID of the tier.' }),
      name: t.string({ description: 'New name of the tier.' }),
      position: t.int({ description: 'New rank of the tier (1 is the highest); the other tiers keep their order around it.' }),
    }),
  },
  {
    nullable: true,
    description: 'Rapport only: renames or moves a customer tier. Needs the Maintainer role.',
    resolve: async (_root, { input }, context) => {
      const result = await updateCustomerTier(context.db, context.permissions, input.id, { name: input.name, position: input.position });
      return result.ok ? { tier: result.value, errors: [] } : { tier: null, errors: result.errors };
    },
  },
  {
    name: 'RapportCustomerTierUpdatePayload',
    outputFields: (t) => ({
      tier: t.field({ type: CustomerTierRef, nullable: true, description: 'The tier after the mutation.', resolve: (payload) => payload.tier }),
      errors: t.stringList({ description: 'Errors encountered during execution of the mutation.', resolve: (payload) => payload.errors }),
    }),
  },
);

builder.relayMutationField(
  'rapportCustomerTierDelete',
  {
    name: 'RapportCustomerTierDeleteInput',
    inputFields: (t) => ({
      id: t.field({ type: 'RapportCustomerTierID', required: true, description: 'Global ID of the tier.' }),
    }),
  },
  {
    nullable: true,
    description: 'Rapport only: deletes a customer tier; the organizations that had it are left without a tier. Needs the Maintainer role.',
    resolve: async (_root, { input }, context) => {
      const result = await deleteCustomerTier(context.db, context.permissions, input.id);
      return { errors: result.ok ? [] : result.errors };
    },
  },
  {
    name: 'RapportCustomerTierDeletePayload',
    outputFields: (t) => ({
      errors: t.stringList({ description: 'Errors encountered during execution of the mutation.', resolve: (payload) => payload.errors }),
    }),
  },
);

builder.relayMutationField(
  'rapportCrmCurrencyUpdate',
  {
    name: 'RapportCrmCurrencyUpdateInput',
    inputFields: (t) => ({
      groupId: t.field({ type: 'GroupID', required: true, description: 'The CRM group.' }),
      currency: t.string({ required: true, description: 'ISO 4217 code of the currency, like USD or EUR.' }),
    }),
  },
  {
    nullable: true,
    description: "Rapport only: sets the currency of the CRM group's annual revenues. Needs the Maintainer role.",
    resolve: async (_root, { input }, context) => {
      const group = await getGroupOrThrow(context.db, input.groupId);
      const result = await updateCrmCurrency(context.db, context.permissions, group, input.currency);
      return result.ok ? { currency: result.value, errors: [] } : { currency: null, errors: result.errors };
    },
  },
  {
    name: 'RapportCrmCurrencyUpdatePayload',
    outputFields: (t) => ({
      currency: t.string({ nullable: true, description: 'The currency after the mutation.', resolve: (payload) => payload.currency }),
      errors: t.stringList({ description: 'Errors encountered during execution of the mutation.', resolve: (payload) => payload.errors }),
    }),
  },
);

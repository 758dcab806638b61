import { DomainError } from '../errors';
import { getGroupOrThrow } from '../groups/group-repository';
import { builder } from '../graphql/builder';
import { organizationLoader } from './organization-loader';
import { OrganizationRef } from './organization-type';
import { createOrganization, updateOrganization } from './organizations-service';

builder.relayMutationField(
  'customerRelationsOrganizationCreate',
  {
    name: 'CustomerRelationsOrganizationCreateInput',
    inputFields: (t) => ({
      groupId: t.field({ type: 'GroupID', required: true, description: 'Group for the organization.' }),
      name: t.string({ required: true, description: 'Name of the organization.' }),
      defaultRate: t.float({ description: 'Standard billing rate for the organization.' }),
      description: t.string({ description: 'Description or notes for the organization.' }),
      domains: t.stringList({ description: 'Rapport only: email domains of the organization (replaces the list; an empty list clears it).' }),
      tierId: t.field({ type: 'RapportCustomerTierID', description: "Rapport only: global ID of one of the group's customer tiers; null clears it." }),
      annualRevenue: t.float({ description: "Rapport only: annual revenue, in the group's currency; null clears it." }),
      accountOwnerId: t.field({ type: 'UserID', description: 'Rapport only: global ID of a member of the group who owns the account; null clears it.' }),
    }),
  },
  {
    nullable: true,
    resolve: async (_root, { input }, context) => {
      const group = await getGroupOrThrow(context.db, input.groupId);
      const result = await createOrganization(context.db, context.permissions, group, input);
      return result.ok ? { organization: result.value, errors: [] } : { organization: null, errors: result.errors };
    },
  },
  {
    name: 'CustomerRelationsOrganizationCreatePayload',
    outputFields: (t) => ({
      organization: t.field({
        type: OrganizationRef,
        nullable: true,
        description: 'Organization after the mutation.',
        resolve: (payload) => payload.organization,
      }),
      errors: t.stringList({ description: 'Errors encountered during execution of the mutation.', resolve: (payload) => payload.errors }),
    }),
  },
);

builder.relayMutationField(
  'customerRelationsOrganizationUpdate',
  {
    name: 'CustomerRelationsOrganizationUpdateInput',
    inputFields: (t) => ({
      id: t.field({ type: 'CustomerRelationsOrganizationID', required: true, description: 'Global ID of the organization.' }),
      name: t.string({ description: 'Name of the organization.' }),
      defaultRate: t.float({ description: 'Standard billing rate for the organization.' }),
      description: t.string({ description: 'Description of or notes for the organization.' }),
      active: t.boolean({ description: 'State of the organization.' }),
      domains: t.stringList({ description: 'Rapport only: email domains of the organization (replaces the list; an empty list clears it).' }),
      tierId: t.field({ type: 'RapportCustomerTierID', description: "Rapport only: global ID of one of the group's customer tiers; null clears it." }),
      annualRevenue: t.float({ description: "Rapport only: annual revenue, in the group's currency; null clears it." }),
      accountOwnerId: t.field({ type: 'UserID', description: 'Rapport only: global ID of a member of the group who owns the account; null clears it.' }),
    }),
  },
  {
    nullable: true,
    resolve: async (_root, { input: { id, clientMutationId: _clientMutationId, ...fields } }, context) => {
      const result = await updateOrganization(context.db, context.permissions, id, fields);
      if (result.ok) return { organization: result.value, errors: [] };
      // GitLab's payload field is non-null: a refused update answers with the organization as it stands.
      const organization = await organizationLoader(context).load(id);
      if (!organization) throw new DomainError('not_found');
      return { organization, errors: result.errors };
    },
  },
  {
    name: 'CustomerRelationsOrganizationUpdatePayload',
    outputFields: (t) => ({
      organization: t.field({
        type: OrganizationRef,
        description: 'Organization after the mutation.',
        resolve: (payload) => payload.organization,
      }),
      errors: t.stringList({ description: 'Errors encountered during execution of the mutation.', resolve: (payload) => payload.errors }),
    }),
  },
);

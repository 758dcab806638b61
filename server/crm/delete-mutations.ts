import { builder } from '../graphql/builder';
import { deleteContact } from './delete-contact';
import { deleteOrganization } from './delete-organization';

/**
 * Rapport-only mutations (GitLab cannot delete CRM records): Maintainers and above delete a contact,
 * or an organization that has no contacts. Shaped like GitLab's mutations: one `input`, a payload
 * with `clientMutationId` and `errors`.
 */

builder.relayMutationField(
  'customerRelationsContactDelete',
  {
    name: 'CustomerRelationsContactDeleteInput',
    inputFields: (t) => ({
      id: t.field({ type: 'CustomerRelationsContactID', required: true, description: 'Global ID of the contact.' }),
    }),
  },
  {
    nullable: true,
    description:
      'Rapport only: deletes a contact. Its issue links are removed and each affected issue gets a system note. Needs the Maintainer role.',
    resolve: async (_root, { input }, context) => {
      const result = await deleteContact(context.db, context.permissions, input.id);
      return { errors: result.ok ? [] : result.errors };
    },
  },
  {
    name: 'CustomerRelationsContactDeletePayload',
    outputFields: (t) => ({
      errors: t.stringList({ description: 'Errors encountered during execution of the mutation.', resolve: (payload) => payload.errors }),
    }),
  },
);

builder.relayMutationField(
  'customerRelationsOrganizationDelete',
  {
    name: 'CustomerRelationsOrganizationDeleteInput',
    inputFields: (t) => ({
      id: t.field({ type: 'CustomerRelationsOrganizationID', required: true, description: 'Global ID of the organization.' }),
    }),
  },
  {
    nullable: true,
    description: 'Rapport only: deletes an organization that has no contacts. Needs the Maintainer role.',
    resolve: async (_root, { input }, context) => {
      const result = await deleteOrganization(context.db, context.permissions, input.id);
      return { errors: result.ok ? [] : result.errors };
    },
  },
  {
    name: 'CustomerRelationsOrganizationDeletePayload',
    outputFields: (t) => ({
      errors: t.stringList({ description: 'Errors encountered during execution of the mutation.', resolve: (payload) => payload.errors }),
    }),
  },
);

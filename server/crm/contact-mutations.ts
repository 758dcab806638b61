import { findGroupById } from '../groups/group-queries';
import { builder } from '../graphql/builder';
import { runService } from '../graphql/errors';
import { createContact } from './contacts-service';
import { ContactRef } from './contact-type';

builder.relayMutationField(
  'customerRelationsContactCreate',
  {
    name: 'CustomerRelationsContactCreateInput',
    inputFields: (t) => ({
      groupId: t.field({ type: 'GroupID', required: true, description: 'Group for the contact.' }),
      organizationId: t.field({ type: 'CustomerRelationsOrganizationID', description: 'Organization for the contact.' }),
      firstName: t.string({ required: true, description: 'First name of the contact.' }),
      lastName: t.string({ required: true, description: 'Last name of the contact.' }),
      phone: t.string({ description: 'Phone number of the contact.' }),
      email: t.string({ description: 'Email address of the contact.' }),
      description: t.string({ description: 'Description of or notes for the contact.' }),
    }),
  },
  {
    nullable: true,
    authScopes: { apiScope: true },
    resolve: (_root, { input }, context) =>
      runService(async () => {
        const group = await findGroupById(context.db, input.groupId);
        const result = await createContact(context.db, context.permissions, group ?? { id: 0, fullPath: '' }, input);
        return result.ok ? { contact: result.value, errors: [] } : { contact: null, errors: result.errors };
      }),
  },
  {
    name: 'CustomerRelationsContactCreatePayload',
    outputFields: (t) => ({
      contact: t.field({ type: ContactRef, nullable: true, description: 'Contact after the mutation.', resolve: (payload) => payload.contact }),
      errors: t.stringList({ description: 'Errors encountered during execution of the mutation.', resolve: (payload) => payload.errors }),
    }),
  },
);

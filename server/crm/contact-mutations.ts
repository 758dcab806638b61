import type { ServiceResult } from '../errors';
import { getGroupOrThrow } from '../groups/group-repository';
import { builder } from '../graphql/builder';
import type { Contact } from './contact-repository';
import { ContactRef } from './contact-type';
import { createContact, updateContact } from './contacts-service';

const contactPayload = (result: ServiceResult<Contact>) =>
  result.ok ? { contact: result.value, errors: [] } : { contact: null, errors: result.errors };

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
    resolve: async (_root, { input }, context) => {
      const group = await getGroupOrThrow(context.db, input.groupId);
      return contactPayload(await createContact(context.db, context.permissions, group, input));
    },
  },
  {
    name: 'CustomerRelationsContactCreatePayload',
    outputFields: (t) => ({
      contact: t.field({ type: ContactRef, nullable: true, description: 'Contact after the mutation.', resolve: (payload) => payload.contact }),
      errors: t.stringList({ description: 'Errors encountered during execution of the mutation.', resolve: (payload) => payload.errors }),
    }),
  },
);

builder.relayMutationField(
  'customerRelationsContactUpdate',
  {
    name: 'CustomerRelationsContactUpdateInput',
    inputFields: (t) => ({
      id: t.field({ type: 'CustomerRelationsContactID', required: true, description: 'Global ID of the contact.' }),
      organizationId: t.field({ type: 'CustomerRelationsOrganizationID', description: 'Organization of the contact.' }),
      firstName: t.string({ description: 'First name of the contact.' }),
      lastName: t.string({ description: 'Last name of the contact.' }),
      phone: t.string({ description: 'Phone number of the contact.' }),
      email: t.string({ description: 'Email address of the contact.' }),
      description: t.string({ description: 'Description of or notes for the contact.' }),
      active: t.boolean({ description: 'State of the contact.' }),
    }),
  },
  {
    nullable: true,
    resolve: async (_root, { input: { id, clientMutationId: _clientMutationId, ...fields } }, context) =>
      contactPayload(await updateContact(context.db, context.permissions, id, fields)),
  },
  {
    name: 'CustomerRelationsContactUpdatePayload',
    outputFields: (t) => ({
      contact: t.field({ type: ContactRef, nullable: true, description: 'Contact after the mutation.', resolve: (payload) => payload.contact }),
      errors: t.stringList({ description: 'Errors encountered during execution of the mutation.', resolve: (payload) => payload.errors }),
    }),
  },
);

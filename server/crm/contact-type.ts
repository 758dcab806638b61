import { builder } from '../graphql/builder';
import { toGlobalId } from '../graphql/global-id';
import type { Contact } from './contact-repository';
import { countOf } from '../graphql/connections';
import { organizationLoader } from './organization-loader';
import { OrganizationRef } from './organization-type';

/**
 * A plain object type (not a drizzle node): contacts are always loaded by our own keyset and batch
 * queries, and the drizzle plugin would select every such row again to check its columns.
 */
export const ContactRef = builder.objectRef<Contact>('CustomerRelationsContact');

ContactRef.implement({
  description: 'A person a group works with, linked to issues.',
  fields: (t) => ({
    id: t.id({ description: 'Internal ID of the contact.', resolve: (contact) => toGlobalId('CustomerRelations::Contact', contact.id) }),
    firstName: t.exposeString('firstName', { description: 'First name of the contact.' }),
    lastName: t.exposeString('lastName', { description: 'Last name of the contact.' }),
    email: t.exposeString('email', { nullable: true, description: 'Email address of the contact.' }),
    phone: t.exposeString('phone', { nullable: true, description: 'Phone number of the contact.' }),
    description: t.exposeString('description', { nullable: true, description: 'Description of or notes for the contact.' }),
    active: t.boolean({ description: 'State of the contact.', resolve: (contact) => contact.state === 'active' }),
    organization: t.field({
      type: OrganizationRef,
      nullable: true,
      description: 'Organization of the contact.',
      resolve: (contact, _args, context) => {
        if (contact.organization !== undefined) return contact.organization;
        return contact.organizationId === null ? null : organizationLoader(context).load(contact.organizationId);
      },
    }),
    createdAt: t.expose('createdAt', { type: 'Time', description: 'Timestamp the contact was created.' }),
    updatedAt: t.expose('updatedAt', { type: 'Time', description: 'Timestamp the contact was last updated.' }),
  }),
});

export const ContactConnectionRef = builder.connectionObject(
  {
    type: ContactRef,
    name: 'CustomerRelationsContactConnection',
    description: 'The connection type for CustomerRelationsContact.',
    fields: (t) => ({
      count: t.int({ description: 'Total count of collection.', resolve: (connection) => countOf(connection) }),
    }),
  },
  { name: 'CustomerRelationsContactEdge' },
);

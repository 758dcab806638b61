import { builder } from '../graphql/builder';
import { countOf } from '../graphql/connections';
import { OrganizationRef } from './organization-type';

export const ContactRef = builder.drizzleNode('contacts', {
  name: 'CustomerRelationsContact',
  description: 'A person a group works with, linked to issues.',
  id: { column: (contact) => contact.id, description: 'Internal ID of the contact.' },
  fields: (t) => ({
    firstName: t.exposeString('firstName', { description: 'First name of the contact.' }),
    lastName: t.exposeString('lastName', { description: 'Last name of the contact.' }),
    email: t.exposeString('email', { nullable: true, description: 'Email address of the contact.' }),
    phone: t.exposeString('phone', { nullable: true, description: 'Phone number of the contact.' }),
    description: t.exposeString('description', { nullable: true, description: 'Description of or notes for the contact.' }),
    active: t.boolean({ description: 'State of the contact.', resolve: (contact) => contact.state === 'active' }),
    organization: t.relation('organization', {
      type: OrganizationRef,
      nullable: true,
      description: 'Organization of the contact.',
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

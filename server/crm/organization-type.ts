import { builder } from '../graphql/builder';
import { countOf } from '../graphql/connections';

export const OrganizationRef = builder.drizzleNode('organizations', {
  name: 'CustomerRelationsOrganization',
  description: 'A company or other organization a group does work for.',
  id: { column: (organization) => organization.id, description: 'Internal ID of the organization.' },
  fields: (t) => ({
    name: t.exposeString('name', { description: 'Name of the organization.' }),
    description: t.exposeString('description', { nullable: true, description: 'Description of or notes for the organization.' }),
    defaultRate: t.float({
      nullable: true,
      description: 'Standard billing rate for the organization.',
      resolve: (organization) => (organization.defaultRate === null ? null : Number(organization.defaultRate)),
    }),
    active: t.boolean({ description: 'State of the organization.', resolve: (organization) => organization.state === 'active' }),
    createdAt: t.expose('createdAt', { type: 'Time', description: 'Timestamp the organization was created.' }),
    updatedAt: t.expose('updatedAt', { type: 'Time', description: 'Timestamp the organization was last updated.' }),
  }),
});

export const OrganizationConnectionRef = builder.connectionObject(
  {
    type: OrganizationRef,
    name: 'CustomerRelationsOrganizationConnection',
    description: 'The connection type for CustomerRelationsOrganization.',
    fields: (t) => ({
      count: t.int({ description: 'Total count of collection.', resolve: (connection) => countOf(connection) }),
    }),
  },
  { name: 'CustomerRelationsOrganizationEdge' },
);

import { builder } from '../graphql/builder';
import { toGlobalId } from '../graphql/global-id';
import type { Organization } from './organization-repository';
import { countOf } from '../graphql/connections';
import { UserRef } from '../users/user-type';
import { CustomerTierRef } from './customer-tier-type';
import { accountOwnerLoader, customerTierLoader, organizationDomainsLoader } from './organization-loader';

/** A plain object type, like CustomerRelationsContact (see there why). */
export const OrganizationRef = builder.objectRef<Organization>('CustomerRelationsOrganization');

OrganizationRef.implement({
  description: 'A company or other organization a group does work for.',
  fields: (t) => ({
    id: t.id({
      description: 'Internal ID of the organization.',
      resolve: (organization) => toGlobalId('CustomerRelations::Organization', organization.id),
    }),
    name: t.exposeString('name', { description: 'Name of the organization.' }),
    description: t.exposeString('description', { nullable: true, description: 'Description of or notes for the organization.' }),
    defaultRate: t.float({
      nullable: true,
      description: 'Standard billing rate for the organization.',
      resolve: (organization) => (organization.defaultRate === null ? null : Number(organization.defaultRate)),
    }),
    domains: t.stringList({
      description: 'Rapport only: email domains of the organization; a contact created without an organization whose email is at one of them (or a subdomain) gets it.',
      resolve: (organization, _args, context) => organizationDomainsLoader(context).load(organization.id),
    }),
    tier: t.field({
      type: CustomerTierRef,
      nullable: true,
      description: "Rapport only: the organization's customer tier.",
      resolve: (organization, _args, context) => (organization.tierId === null ? null : customerTierLoader(context).load(organization.tierId)),
    }),
    annualRevenue: t.float({
      nullable: true,
      description: "Rapport only: the organization's annual revenue, in the currency of the group (`Group.rapportCrmCurrency`).",
      resolve: (organization) => (organization.annualRevenue === null ? null : Number(organization.annualRevenue)),
    }),
    accountOwner: t.field({
      type: UserRef,
      nullable: true,
      description: 'Rapport only: the group member who owns the account.',
      resolve: (organization, _args, context) => (organization.accountOwnerId === null ? null : accountOwnerLoader(context).load(organization.accountOwnerId)),
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

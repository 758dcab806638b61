import { GroupRef } from '../groups/group-type';
import { builder } from '../graphql/builder';
import { nodesSelect } from '../graphql/selection';
import { countedPage, emptyPage } from '../graphql/connections';
import {
  type Contact,
  type ContactFilter,
  type ContactSort,
  contactSortFields,
  countContacts,
  countContactsByState,
  listContacts,
} from './contact-repository';
import { ContactConnectionRef, ContactRef } from './contact-type';
import type { StateCounts } from './state-counts';
import {
  countOrganizations,
  countOrganizationsByState,
  listOrganizations,
  type Organization,
  type OrganizationFilter,
  type OrganizationSort,
  organizationSortFields,
} from './organization-repository';
import { OrganizationConnectionRef, OrganizationRef } from './organization-type';
import { sortEnumValues } from './sort-orders';

export const ContactStateEnum = builder.enumType('CustomerRelationsContactState', {
  values: {
    all: { description: 'All available contacts.' },
    active: { description: 'Active contacts.' },
    inactive: { description: 'Inactive contacts.' },
  },
});

const OrganizationStateEnum = builder.enumType('CustomerRelationsOrganizationState', {
  values: {
    all: { description: 'All available organizations.' },
    active: { description: 'Active organizations.' },
    inactive: { description: 'Inactive organizations.' },
  },
});

export const ContactSortEnum = builder.enumType('ContactSort', {
  description: 'Values for sorting contacts',
  values: sortEnumValues<ContactSort>(contactSortFields),
});

const OrganizationSortEnum = builder.enumType('OrganizationSort', {
  description: 'Values for sorting organizations',
  values: sortEnumValues<OrganizationSort>(organizationSortFields),
});

function stateCountsType(name: string, description: string, records: string) {
  return builder.objectRef<StateCounts>(name).implement({
    description,
    fields: (t) => ({
      all: t.exposeInt('all', { nullable: true, description: `Number of ${records} with state \`ALL\`` }),
      active: t.exposeInt('active', { nullable: true, description: `Number of ${records} with state \`ACTIVE\`` }),
      inactive: t.exposeInt('inactive', { nullable: true, description: `Number of ${records} with state \`INACTIVE\`` }),
    }),
  });
}

const ContactStateCountsRef = stateCountsType(
  'ContactStateCounts',
  'Represents the total number of contacts for the represented states.',
  'contacts',
);
const OrganizationStateCountsRef = stateCountsType(
  'OrganizationStateCounts',
  'Represents the total number of organizations for the represented states.',
  'organizations',
);

/** The filter and sort arguments of every list of contacts (a group's, an organization's). */
export const contactListArgs = builder.args((t) => ({
  search: t.string({ description: 'Search term to find contacts with.' }),
  state: t.field({ type: ContactStateEnum, description: 'State of the contacts to search for.' }),
  sort: t.field({ type: ContactSortEnum, defaultValue: 'LAST_NAME_ASC', description: 'Criteria to sort contacts by.' }),
}));

/** GitLab's `state: all` and no state both mean no filter. */
export const stateFilter = (state: 'all' | 'active' | 'inactive' | null | undefined) => (state === 'all' ? null : state);

builder.objectFields(GroupRef, (t) => ({
  contacts: t.connection(
    {
      type: ContactRef,
      nullable: true,
      description: 'Find contacts of this group.',
      args: {
        ...contactListArgs,
        ids: t.arg({ type: ['CustomerRelationsContactID'], description: 'Filter contacts by IDs.' }),
      },
      resolve: async (group, args, context, info) => {
        const crmGroup = await context.permissions.readableCrmGroup(group);
        if (!crmGroup) return emptyPage<Contact>();
        const filter: ContactFilter = { groupId: crmGroup.id, search: args.search, state: stateFilter(args.state), ids: args.ids };
        const page = await listContacts(context.db, filter, args.sort ?? 'LAST_NAME_ASC', args, {
          organizations: nodesSelect(info, 'organization'),
        });
        return countedPage(page, () => countContacts(context.db, filter));
      },
    },
    ContactConnectionRef,
  ),
  contactStateCounts: t.field({
    type: ContactStateCountsRef,
    nullable: true,
    description: 'Counts of contacts by state for the group.',
    args: {
      search: t.arg.string({ description: 'Search term to find contacts with.' }),
      state: t.arg({ type: ContactStateEnum, description: 'State of the contacts to search for.' }),
    },
    resolve: async (group, args, context) => {
      const crmGroup = await context.permissions.readableCrmGroup(group);
      if (!crmGroup) return null;
      return countContactsByState(context.db, { groupId: crmGroup.id, search: args.search, state: stateFilter(args.state) });
    },
  }),
  organizations: t.connection(
    {
      type: OrganizationRef,
      nullable: true,
      description: 'Find organizations of this group.',
      args: {
        search: t.arg.string({ description: 'Search term used to find organizations with.' }),
        state: t.arg({ type: OrganizationStateEnum, description: 'State of the organization to search for.' }),
        sort: t.arg({ type: OrganizationSortEnum, defaultValue: 'NAME_ASC', description: 'Criteria to sort organizations by.' }),
        ids: t.arg({ type: ['CustomerRelationsOrganizationID'], description: 'Filter organizations by IDs.' }),
        tierId: t.arg({ type: 'RapportCustomerTierID', description: 'Rapport only: filter organizations by customer tier.' }),
      },
      resolve: async (group, args, context) => {
        const crmGroup = await context.permissions.readableCrmGroup(group);
        if (!crmGroup) return emptyPage<Organization>();
        const filter: OrganizationFilter = {
          groupId: crmGroup.id,
          search: args.search,
          state: stateFilter(args.state),
          ids: args.ids,
          tierId: args.tierId,
        };
        const page = await listOrganizations(context.db, filter, args.sort ?? 'NAME_ASC', args);
        return countedPage(page, () => countOrganizations(context.db, filter));
      },
    },
    OrganizationConnectionRef,
  ),
  organizationStateCounts: t.field({
    type: OrganizationStateCountsRef,
    nullable: true,
    description: 'Counts of organizations by status for the group.',
    args: {
      search: t.arg.string({ description: 'Search term to find organizations with.' }),
      state: t.arg({ type: OrganizationStateEnum, description: 'State of the organizations to search for.' }),
      tierId: t.arg({ type: 'RapportCustomerTierID', description: 'Rapport only: count only organizations of this customer tier, as the list filtered by it.' }),
    },
    resolve: async (group, args, context) => {
      const crmGroup = await context.permissions.readableCrmGroup(group);
      if (!crmGroup) return null;
      return countOrganizationsByState(context.db, { groupId: crmGroup.id, search: args.search, state: stateFilter(args.state), tierId: args.tierId });
    },
  }),
}));

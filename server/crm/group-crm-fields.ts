import { GroupRef } from '../groups/group-type';
import { builder } from '../graphql/builder';
import { countedPage, emptyPage } from '../graphql/connections';
import { type Contact, type ContactFilter, contactSorts, countContacts, listContacts } from './contact-queries';
import { ContactConnectionRef, ContactRef } from './contact-type';
import { countOrganizations, listOrganizations, type Organization, type OrganizationFilter, organizationSorts } from './organization-queries';
import { OrganizationConnectionRef, OrganizationRef } from './organization-type';

const ContactStateEnum = builder.enumType('CustomerRelationsContactState', {
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

const ContactSortEnum = builder.enumType('ContactSort', {
  description: 'Values for sorting contacts',
  values: contactSorts,
});

const OrganizationSortEnum = builder.enumType('OrganizationSort', {
  description: 'Values for sorting organizations',
  values: organizationSorts,
});

const stateFilter = (state: 'all' | 'active' | 'inactive' | null | undefined) => (state === 'all' ? null : state);

builder.objectFields(GroupRef, (t) => ({
  contacts: t.connection(
    {
      type: ContactRef,
      description: "Find contacts of this group.",
      args: {
        search: t.arg.string({ description: 'Search term to find contacts with.' }),
        state: t.arg({ type: ContactStateEnum, description: 'State of the contacts to search for.' }),
        sort: t.arg({ type: ContactSortEnum, defaultValue: 'LAST_NAME_ASC', description: 'Criteria to sort contacts by.' }),
        ids: t.arg({ type: ['CustomerRelationsContactID'], description: 'Filter contacts by IDs.' }),
      },
      resolve: async (group, args, context) => {
        if (!(await context.permissions.canReadCrm(group))) return emptyPage<Contact>();
        const filter: ContactFilter = { groupId: group.id, search: args.search, state: stateFilter(args.state), ids: args.ids };
        const page = await listContacts(context.db, filter, args.sort ?? 'LAST_NAME_ASC', args);
        return countedPage(page, () => countContacts(context.db, filter));
      },
    },
    ContactConnectionRef,
  ),
  organizations: t.connection(
    {
      type: OrganizationRef,
      description: 'Find organizations of this group.',
      args: {
        search: t.arg.string({ description: 'Search term used to find organizations with.' }),
        state: t.arg({ type: OrganizationStateEnum, description: 'State of the organization to search for.' }),
        sort: t.arg({ type: OrganizationSortEnum, defaultValue: 'NAME_ASC', description: 'Criteria to sort organizations by.' }),
        ids: t.arg({ type: ['CustomerRelationsOrganizationID'], description: 'Filter organizations by IDs.' }),
      },
      resolve: async (group, args, context) => {
        if (!(await context.permissions.canReadCrm(group))) return emptyPage<Organization>();
        const filter: OrganizationFilter = { groupId: group.id, search: args.search, state: stateFilter(args.state), ids: args.ids };
        const page = await listOrganizations(context.db, filter, args.sort ?? 'NAME_ASC', args);
        return countedPage(page, () => countOrganizations(context.db, filter));
      },
    },
    OrganizationConnectionRef,
  ),
}));

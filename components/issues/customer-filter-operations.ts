import { graphql } from '@/lib/graphql';

/** The issue lists' customer filters search the CRM group's contacts and organizations. */

export const customerFilterContactsQuery = graphql(`
  query RapportCustomerFilterContacts($fullPath: ID!, $search: String) {
    group(fullPath: $fullPath) {
      contacts(search: $search, sort: LAST_NAME_ASC, first: 20) { nodes { id firstName lastName email organization { name } } }
    }
  }
`);

export const customerFilterOrganizationsQuery = graphql(`
  query RapportCustomerFilterOrganizations($fullPath: ID!, $search: String) {
    group(fullPath: $fullPath) {
      organizations(search: $search, sort: NAME_ASC, first: 20) { nodes { id name } }
    }
  }
`);

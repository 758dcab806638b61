import { graphql } from '@/lib/graphql';

/** The GraphQL operations the Customer relations pages send from the browser. */

export const createContactMutation = graphql(`
  mutation RapportCreateContact($input: CustomerRelationsContactCreateInput!) {
    customerRelationsContactCreate(input: $input) {
      contact { id firstName lastName }
      errors
    }
  }
`);

export const updateContactMutation = graphql(`
  mutation RapportUpdateContact($input: CustomerRelationsContactUpdateInput!) {
    customerRelationsContactUpdate(input: $input) {
      errors
    }
  }
`);

export const createOrganizationMutation = graphql(`
  mutation RapportCreateOrganization($input: CustomerRelationsOrganizationCreateInput!) {
    customerRelationsOrganizationCreate(input: $input) {
      organization { ...OrganizationOption }
      errors
    }
  }
`);

export const updateOrganizationMutation = graphql(`
  mutation RapportUpdateOrganization($input: CustomerRelationsOrganizationUpdateInput!) {
    customerRelationsOrganizationUpdate(input: $input) {
      errors
    }
  }
`);

export const deleteContactMutation = graphql(`
  mutation RapportDeleteContact($input: CustomerRelationsContactDeleteInput!) {
    customerRelationsContactDelete(input: $input) {
      errors
    }
  }
`);

export const deleteOrganizationMutation = graphql(`
  mutation RapportDeleteOrganization($input: CustomerRelationsOrganizationDeleteInput!) {
    customerRelationsOrganizationDelete(input: $input) {
      errors
    }
  }
`);

export const organizationOptionsQuery = graphql(`
  query RapportOrganizationOptions($fullPath: ID!, $search: String) {
    group(fullPath: $fullPath) {
      organizations(search: $search, state: active, sort: NAME_ASC, first: 20) {
        nodes { ...OrganizationOption }
      }
    }
  }
`);

export const updateCrmSettingsMutation = graphql(`
  mutation RapportUpdateCrmSettings($input: GroupCrmSettingsUpdateInput!) {
    groupCrmSettingsUpdate(input: $input) {
      crmSettings { enabled sourceGroup { fullPath } }
      errors
    }
  }
`);

export const mergeContactsMutation = graphql(`
  mutation RapportMergeContacts($input: RapportCustomerRelationsContactMergeInput!) {
    rapportCustomerRelationsContactMerge(input: $input) {
      contact { id }
      errors
    }
  }
`);

export const createCustomerTierMutation = graphql(`
  mutation RapportCreateCustomerTier($input: RapportCustomerTierCreateInput!) {
    rapportCustomerTierCreate(input: $input) {
      tier { id }
      errors
    }
  }
`);

export const updateCustomerTierMutation = graphql(`
  mutation RapportUpdateCustomerTier($input: RapportCustomerTierUpdateInput!) {
    rapportCustomerTierUpdate(input: $input) {
      errors
    }
  }
`);

export const deleteCustomerTierMutation = graphql(`
  mutation RapportDeleteCustomerTier($input: RapportCustomerTierDeleteInput!) {
    rapportCustomerTierDelete(input: $input) {
      errors
    }
  }
`);

export const updateCrmCurrencyMutation = graphql(`
  mutation RapportUpdateCrmCurrency($input: RapportCrmCurrencyUpdateInput!) {
    rapportCrmCurrencyUpdate(input: $input) {
      currency
      errors
    }
  }
`);

export const assignContactsByDomainMutation = graphql(`
  mutation RapportAssignContactsByDomain($input: RapportContactsAssignByDomainInput!) {
    rapportContactsAssignByDomain(input: $input) {
      dryRun
      assignments { contact { id firstName lastName email } organization { id name } }
      ambiguous { contact { id firstName lastName email } organizations { id name } }
      errors
    }
  }
`);

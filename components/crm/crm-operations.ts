import { gql } from '@apollo/client';

/** The GraphQL operations the Customer relations pages send from the browser. */

export const createContactMutation = gql`
  mutation RapportCreateContact($input: CustomerRelationsContactCreateInput!) {
    customerRelationsContactCreate(input: $input) {
      contact { id }
      errors
    }
  }
`;

export const updateContactMutation = gql`
  mutation RapportUpdateContact($input: CustomerRelationsContactUpdateInput!) {
    customerRelationsContactUpdate(input: $input) {
      errors
    }
  }
`;

export const createOrganizationMutation = gql`
  mutation RapportCreateOrganization($input: CustomerRelationsOrganizationCreateInput!) {
    customerRelationsOrganizationCreate(input: $input) {
      organization { id }
      errors
    }
  }
`;

export const updateOrganizationMutation = gql`
  mutation RapportUpdateOrganization($input: CustomerRelationsOrganizationUpdateInput!) {
    customerRelationsOrganizationUpdate(input: $input) {
      errors
    }
  }
`;

export const deleteContactMutation = gql`
  mutation RapportDeleteContact($input: CustomerRelationsContactDeleteInput!) {
    customerRelationsContactDelete(input: $input) {
      errors
    }
  }
`;

export const deleteOrganizationMutation = gql`
  mutation RapportDeleteOrganization($input: CustomerRelationsOrganizationDeleteInput!) {
    customerRelationsOrganizationDelete(input: $input) {
      errors
    }
  }
`;

export const organizationOptionsQuery = gql`
  query RapportOrganizationOptions($fullPath: ID!, $search: String) {
    group(fullPath: $fullPath) {
      organizations(search: $search, state: active, sort: NAME_ASC, first: 20) {
        nodes { id name }
      }
    }
  }
`;

export const updateCrmSettingsMutation = gql`
  mutation RapportUpdateCrmSettings($input: GroupCrmSettingsUpdateInput!) {
    groupCrmSettingsUpdate(input: $input) {
      crmSettings { enabled sourceGroup { fullPath } }
      errors
    }
  }
`;

/** Payload shapes: every mutation answers with `errors` (GitLab's field messages). */
export type PayloadOf<Name extends string> = Record<Name, { errors: string[] } | null>;

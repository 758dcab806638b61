import { graphql } from '@/lib/graphql';

/** The GraphQL operations the personal access tokens page sends from the browser. */

export const createPersonalAccessTokenMutation = graphql(`
  mutation RapportCreatePersonalAccessToken($input: PersonalAccessTokenCreateInput!) {
    personalAccessTokenCreate(input: $input) {
      token
      errors
    }
  }
`);

export const revokePersonalAccessTokenMutation = graphql(`
  mutation RapportRevokePersonalAccessToken($input: PersonalAccessTokenRevokeInput!) {
    personalAccessTokenRevoke(input: $input) {
      errors
    }
  }
`);

import { createPersonalAccessTokenFor, revokePersonalAccessTokenOf } from '../auth/personal-access-tokens';
import type { User, Viewer } from '../auth/viewer';
import { DomainError } from '../errors';
import { builder } from '../graphql/builder';
import { PersonalAccessTokenRef } from './personal-access-token-type';

/**
 * GitLab's `personalAccessTokenCreate` and `personalAccessTokenRevoke`, with the scopes Rapport has
 * (`api`, `read_api`, as GitLab's REST API takes them) where GitLab's GraphQL takes granular scopes.
 */

function signedInUser(viewer: Viewer): User {
  if (!viewer.user) throw new DomainError('not_found');
  return viewer.user;
}

builder.relayMutationField(
  'personalAccessTokenCreate',
  {
    name: 'PersonalAccessTokenCreateInput',
    inputFields: (t) => ({
      name: t.string({ required: true, description: 'Name of the token.' }),
      scopes: t.stringList({ required: true, description: 'Scopes of the token: `api` and/or `read_api`.' }),
      expiresAt: t.field({ type: 'Date', description: 'Expiration date of the token; at most 365 days ahead, and 365 days ahead when omitted.' }),
    }),
  },
  {
    nullable: true,
    description:
      'Creates a personal access token for the current user. Only from a signed-in browser session: like GitLab, a token cannot mint tokens with API scopes.',
    resolve: async (_root, { input }, context) => {
      const user = signedInUser(context.viewer);
      if (context.viewer.via !== 'session') throw new DomainError('not_found');
      const result = await createPersonalAccessTokenFor(context.db, user.id, { name: input.name, scopes: input.scopes, expiresAt: input.expiresAt });
      return result.ok ? { ...result.value, errors: [] } : { token: null, record: null, errors: result.errors };
    },
  },
  {
    name: 'PersonalAccessTokenCreatePayload',
    outputFields: (t) => ({
      token: t.string({ nullable: true, description: 'Created personal access token, in clear text: shown this once.', resolve: (payload) => payload.token }),
      personalAccessToken: t.field({
        type: PersonalAccessTokenRef,
        nullable: true,
        description: 'Rapport: the created token.',
        resolve: (payload) => payload.record,
      }),
      errors: t.stringList({ description: 'Errors encountered during execution of the mutation.', resolve: (payload) => payload.errors }),
    }),
  },
);

builder.relayMutationField(
  'personalAccessTokenRevoke',
  {
    name: 'PersonalAccessTokenRevokeInput',
    inputFields: (t) => ({
      id: t.field({ type: 'PersonalAccessTokenID', required: true, description: 'Global ID of the personal access token that will be revoked.' }),
    }),
  },
  {
    nullable: true,
    description: "Revokes one of the current user's personal access tokens.",
    resolve: async (_root, { input }, context) => {
      await revokePersonalAccessTokenOf(context.db, signedInUser(context.viewer).id, input.id);
      return { errors: [] };
    },
  },
  {
    name: 'PersonalAccessTokenRevokePayload',
    outputFields: (t) => ({
      errors: t.stringList({ description: 'Errors encountered during execution of the mutation.', resolve: (payload) => payload.errors }),
    }),
  },
);

import { type PersonalAccessTokenRecord, findActivePersonalAccessTokens } from '../auth/tokens';
import { builder } from '../graphql/builder';
import { toGlobalId } from '../graphql/global-id';

export const PersonalAccessTokenRef = builder.objectRef<PersonalAccessTokenRecord>('PersonalAccessToken').implement({
  description: 'Personal access token.',
  fields: (t) => ({
    id: t.id({ description: 'ID of the personal access token.', resolve: (token) => toGlobalId('PersonalAccessToken', token.id) }),
    name: t.exposeString('name', { description: 'Name of the personal access token.' }),
    scopes: t.stringList({
      description: 'Scopes of the personal access token: `api` or `read_api`.',
      resolve: (token) => token.scopes,
    }),
    revoked: t.exposeBoolean('revoked', { description: 'Whether the personal access token has been revoked.' }),
    active: t.boolean({
      description: 'Whether the personal access token is active.',
      resolve: (token) => !token.revoked && (token.expiresAt === null || token.expiresAt.getTime() > Date.now()),
    }),
    lastUsedAt: t.field({
      type: 'Time',
      nullable: true,
      description: 'Timestamp of when the personal access token was last used.',
      resolve: (token) => token.lastUsedAt,
    }),
    createdAt: t.field({ type: 'Time', description: 'Timestamp of when the personal access token was created.', resolve: (token) => token.createdAt }),
    expiresAt: t.field({
      type: 'Date',
      nullable: true,
      description: 'Date of when the personal access token expires.',
      resolve: (token) => token.expiresAt?.toISOString().slice(0, 10) ?? null,
    }),
  }),
});

builder.queryField('rapportPersonalAccessTokens', (t) =>
  t.field({
    type: [PersonalAccessTokenRef],
    description: "Rapport only: the current user's active personal access tokens (not revoked, not expired), newest first. Empty when not signed in.",
    resolve: (_root, _args, context) => (context.viewer.user ? findActivePersonalAccessTokens(context.db, context.viewer.user.id) : []),
  }),
);

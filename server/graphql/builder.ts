import SchemaBuilder from '@pothos/core';
import DrizzlePlugin from '@pothos/plugin-drizzle';
import RelayPlugin from '@pothos/plugin-relay';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import { getTableConfig } from 'drizzle-orm/pg-core';
import { viewerCanWrite } from '../auth/viewer';
import { relations } from '../db/relations';
import type { Context } from './context';
import { resourceNotAvailable } from './errors';
import { decodeGlobalID, encodeGlobalID } from './global-id';

type GlobalIdScalar = { Input: number; Output: number | string };

export interface SchemaTypes {
  Context: Context;
  DrizzleRelations: typeof relations;
  AuthScopes: { loggedIn: boolean; apiScope: boolean };
  DefaultFieldNullability: false;
  Scalars: {
    ID: { Input: string; Output: string | number };
    Time: { Input: Date; Output: Date };
    GroupID: GlobalIdScalar;
    ProjectID: GlobalIdScalar;
    IssueID: GlobalIdScalar;
    NoteableID: GlobalIdScalar;
    CustomerRelationsContactID: GlobalIdScalar;
    CustomerRelationsOrganizationID: GlobalIdScalar;
  };
}

export const builder = new SchemaBuilder<SchemaTypes>({
  plugins: [ScopeAuthPlugin, RelayPlugin, DrizzlePlugin],
  defaultFieldNullability: false,
  drizzle: {
    client: (context) => context.db,
    getTableConfig,
    relations,
    defaultConnectionSize: 100,
    maxConnectionSize: 100,
  },
  relay: {
    clientMutationId: 'optional',
    cursorType: 'String',
    // GitLab has no Query.node: every record is reached through a path that checks permissions.
    nodeQueryOptions: false,
    nodesQueryOptions: false,
    nodesOnConnection: true,
    encodeGlobalID,
    decodeGlobalID,
  },
  scopeAuth: {
    authScopes: (context) => ({
      loggedIn: context.viewer.user !== null,
      apiScope: viewerCanWrite(context.viewer),
    }),
    unauthorizedError: () => resourceNotAvailable(),
  },
});

builder.queryType({});
builder.mutationType({});

import SchemaBuilder from '@pothos/core';
import DrizzlePlugin from '@pothos/plugin-drizzle';
import RelayPlugin from '@pothos/plugin-relay';
import { getTableConfig } from 'drizzle-orm/pg-core';
import { relations } from '../db/relations';
import type { Context } from './context';
import { decodeGlobalID, encodeGlobalID } from './global-id';

type GlobalIdScalar = { Input: number; Output: number | string };

export interface SchemaTypes {
  Context: Context;
  DrizzleRelations: typeof relations;
  DefaultFieldNullability: false;
  Scalars: {
    ID: { Input: string; Output: string | number };
    Time: { Input: Date; Output: Date };
    /** `YYYY-MM-DD`. */
    Date: { Input: string; Output: string };
    GroupID: GlobalIdScalar;
    ProjectID: GlobalIdScalar;
    IssueID: GlobalIdScalar;
    NoteableID: GlobalIdScalar;
    IssuableID: GlobalIdScalar;
    TimelogID: GlobalIdScalar;
    CustomerRelationsContactID: GlobalIdScalar;
    CustomerRelationsOrganizationID: GlobalIdScalar;
    PersonalAccessTokenID: GlobalIdScalar;
    UserID: GlobalIdScalar;
    RapportCustomerTierID: GlobalIdScalar;
  };
}

export const builder = new SchemaBuilder<SchemaTypes>({
  plugins: [RelayPlugin, DrizzlePlugin],
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
});

builder.queryType({});
builder.mutationType({});

import { GraphQLError, Kind } from 'graphql';
import { builder } from './builder';
import { isIsoDate } from '../validation';
import { coerceGlobalId, type ModelName, toGlobalId } from './global-id';

builder.scalarType('Time', {
  description: 'Time represented in ISO 8601. For example: "2021-03-09T14:58:50+00:00".',
  serialize: (value) => (value instanceof Date ? value : new Date(value as string)).toISOString(),
  parseValue: (value) => {
    const date = typeof value === 'string' ? new Date(value) : null;
    if (!date || Number.isNaN(date.getTime())) throw new GraphQLError(`${JSON.stringify(value)} is not a valid Time`);
    return date;
  },
});

function parseDate(value: unknown): string {
  if (typeof value !== 'string' || !isIsoDate(value)) throw new GraphQLError(`${JSON.stringify(value)} is not a valid ISO 8601 date`);
  return value;
}

builder.scalarType('Date', {
  description: 'Date represented in ISO 8601',
  serialize: (value) => value,
  parseValue: parseDate,
  parseLiteral: (node) => parseDate(node.kind === Kind.STRING ? node.value : null),
});

type GlobalIdScalarName =
  | 'GroupID'
  | 'ProjectID'
  | 'IssueID'
  | 'NoteableID'
  | 'IssuableID'
  | 'TimelogID'
  | 'CustomerRelationsContactID'
  | 'CustomerRelationsOrganizationID'
  | 'PersonalAccessTokenID'
  | 'UserID'
  | 'RapportCustomerTierID';

function globalIdScalar(name: GlobalIdScalarName, modelName: ModelName) {
  const coerce = (value: unknown) => coerceGlobalId(value, modelName);
  builder.scalarType(name, {
    description: `A \`${name}\` is a global ID. It is encoded as a string.\n\nAn example \`${name}\` is: \`"gid://gitlab/${modelName}/1"\`.`,
    serialize: (value) => (typeof value === 'number' ? toGlobalId(modelName, value) : value),
    parseValue: coerce,
    parseLiteral: (node) => {
      if (node.kind !== Kind.STRING) throw new GraphQLError(`${name} must be a string`);
      return coerce(node.value);
    },
  });
}

globalIdScalar('GroupID', 'Group');
globalIdScalar('ProjectID', 'Project');
globalIdScalar('IssueID', 'Issue');
globalIdScalar('NoteableID', 'Issue');
// GitLab's IssuableID also takes merge requests and work items; Rapport's only issuables are issues.
globalIdScalar('IssuableID', 'Issue');
globalIdScalar('TimelogID', 'Timelog');
globalIdScalar('CustomerRelationsContactID', 'CustomerRelations::Contact');
globalIdScalar('CustomerRelationsOrganizationID', 'CustomerRelations::Organization');
globalIdScalar('PersonalAccessTokenID', 'PersonalAccessToken');
globalIdScalar('UserID', 'User');
globalIdScalar('RapportCustomerTierID', 'Rapport::CustomerTier');

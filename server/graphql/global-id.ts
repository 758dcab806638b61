import { GraphQLError } from 'graphql';

/** GraphQL type name → the GitLab model name used in its global IDs. */
export const modelNames = {
  CustomerRelationsContact: 'CustomerRelations::Contact',
  CustomerRelationsOrganization: 'CustomerRelations::Organization',
  Issue: 'Issue',
  Group: 'Group',
  Project: 'Project',
  UserCore: 'User',
  Note: 'Note',
  Timelog: 'Timelog',
  PersonalAccessToken: 'PersonalAccessToken',
  RapportCustomerTier: 'Rapport::CustomerTier',
} as const;

export type ModelName = (typeof modelNames)[keyof typeof modelNames];

const typeNamesByModel = new Map<string, string>(Object.entries(modelNames).map(([type, model]) => [model, type]));

export function toGlobalId(modelName: ModelName, id: number | string | bigint): string {
  return `gid://gitlab/${modelName}/${id}`;
}

const globalIdPattern = /^gid:\/\/gitlab\/([A-Za-z0-9:]+)\/(\d{1,10})$/;

export function parseGlobalId(value: unknown): { modelName: string; id: number } | null {
  if (typeof value !== 'string') return null;
  const match = globalIdPattern.exec(value);
  if (!match?.[1] || !match[2]) return null;
  const id = Number(match[2]);
  // Every ID column is a PostgreSQL integer: a larger number cannot name a record.
  if (id > 2_147_483_647) return null;
  return { modelName: match[1], id };
}

/** GitLab's coercion rules and messages for `GlobalIDType[Model]` arguments. */
export function coerceGlobalId(value: unknown, modelName: ModelName): number {
  const parsed = parseGlobalId(value);
  if (!parsed) throw new GraphQLError(`${JSON.stringify(value)} is not a valid Global ID`);
  if (parsed.modelName !== modelName) {
    throw new GraphQLError(`${JSON.stringify(value)} does not represent an instance of ${modelName}`);
  }
  return parsed.id;
}

export function encodeGlobalID(typename: string, id: string | number | bigint): string {
  const modelName = (modelNames as Record<string, ModelName | undefined>)[typename];
  if (!modelName) throw new Error(`No global ID model for type ${typename}`);
  return toGlobalId(modelName, id);
}

export function decodeGlobalID(globalID: string): { typename: string; id: string } {
  const parsed = parseGlobalId(globalID);
  const typename = parsed ? typeNamesByModel.get(parsed.modelName) : undefined;
  if (!parsed || !typename) throw new GraphQLError(`${JSON.stringify(globalID)} is not a valid Global ID`);
  return { typename, id: String(parsed.id) };
}

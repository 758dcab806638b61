import { execute, type DocumentNode, GraphQLError, parse, validate } from 'graphql';
import type { Viewer } from '../auth/viewer';
import { getDb } from '../db/client';
import { createContext } from './context';
import { schema } from './schema';

const parsedDocuments = new Map<string, DocumentNode>();

function parseOnce(source: string): DocumentNode {
  let document = parsedDocuments.get(source);
  if (!document) {
    document = parse(source);
    const errors = validate(schema, document);
    if (errors.length > 0) throw new Error(`Invalid GraphQL document: ${errors.map((error) => error.message).join('; ')}`);
    parsedDocuments.set(source, document);
  }
  return document;
}

export class GraphQLExecutionError extends Error {
  constructor(readonly errors: readonly GraphQLError[]) {
    super(errors.map((error) => error.message).join('; '));
  }
}

/**
 * Runs a GraphQL document in-process for a server-rendered page, as the viewer. Pages read data this
 * way so they see exactly what the API would show the same person.
 */
export async function executeGraphQL<TData>(
  viewer: Viewer,
  source: string,
  variables: Record<string, unknown> = {},
): Promise<TData> {
  const result = await execute({
    schema,
    document: parseOnce(source),
    variableValues: variables,
    contextValue: createContext(await getDb(), viewer),
  });
  if (result.errors?.length) throw new GraphQLExecutionError(result.errors);
  // graphql-js builds null-prototype objects, which React will not pass to client components.
  return JSON.parse(JSON.stringify(result.data)) as TData;
}

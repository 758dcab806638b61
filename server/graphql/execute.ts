import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { execute, type DocumentNode, GraphQLError, validate } from 'graphql';
import { cache } from 'react';
import type { Viewer } from '../auth/viewer';
import { noteDatabaseFailure } from '../db/availability';
import { getDb } from '../db/client';
import { isDatabaseUnavailable } from '../db/errors';
import { DomainError } from '../errors';
import { retryThisPage } from '../http/retry-page';
import { logError } from '../logging';
import { createContext } from './context';
import { apiError } from './errors';
import { schema } from './schema';

const validDocuments = new WeakSet<DocumentNode>();

/** Generated documents are checked against `schema.graphql` at build time; this checks them against the schema served. */
function validatedOnce(document: DocumentNode): DocumentNode {
  if (!validDocuments.has(document)) {
    const errors = validate(schema, document);
    if (errors.length > 0) throw new Error(`Invalid GraphQL document: ${errors.map((error) => error.message).join('; ')}`);
    validDocuments.add(document);
  }
  return document;
}

export class GraphQLExecutionError extends Error {
  constructor(readonly errors: readonly GraphQLError[]) {
    super(errors.map((error) => error.message).join('; '));
  }
}

/** A resolver's own error (not one it meant to show): its text may hold SQL and parameters. */
function isUnexpected(error: GraphQLError): boolean {
  const original = error.originalError;
  return original !== undefined && !(original instanceof GraphQLError) && !(original instanceof DomainError);
}

/**
 * The page's error: when the database could not be reached, the page is asked for again (answered 503);
 * otherwise the API's errors, with unexpected ones logged once and masked as the API masks them.
 */
async function pageError(errors: readonly GraphQLError[]): Promise<Error> {
  const unavailable = errors.find((error) => isDatabaseUnavailable(error.originalError));
  if (unavailable) {
    noteDatabaseFailure(unavailable.originalError);
    await retryThisPage();
  }
  for (const error of errors.filter(isUnexpected)) logError('Page query failed', error);
  return new GraphQLExecutionError(errors.map((error) => (isUnexpected(error) ? new GraphQLError('Internal server error') : apiError(error))));
}

/** One context per page request and viewer: the documents a page runs share its loaders and permission facts. */
const pageContext = cache(async (viewer: Viewer) => createContext(await getDb(), viewer));

/**
 * Runs a GraphQL document in-process for a server-rendered page, as the viewer. Pages read data this
 * way so they see exactly what the API would show the same person.
 */
export async function executeGraphQL<TData, TVariables extends Record<string, unknown>>(
  viewer: Viewer,
  document: TypedDocumentNode<TData, TVariables>,
  variables: TVariables,
): Promise<TData> {
  const result = await execute({
    schema,
    document: validatedOnce(document),
    variableValues: variables,
    contextValue: await pageContext(viewer),
  });
  if (result.errors?.length) throw await pageError(result.errors);
  // graphql-js builds null-prototype objects, which React will not pass to client components.
  return JSON.parse(JSON.stringify(result.data)) as TData;
}

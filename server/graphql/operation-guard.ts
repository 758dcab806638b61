import { type DocumentNode, getOperationAST, GraphQLError, type GraphQLSchema } from 'graphql';
import { tokenCanWrite } from '../auth/permissions';
import type { Viewer } from '../auth/viewer';
import { resourceNotAvailable } from './errors';
import { limitErrors, limitsFor, measureOperation } from './limits';
import { unstorableTextError } from './unstorable-text';

export interface GuardedOperation {
  schema: GraphQLSchema;
  document: DocumentNode;
  operationName?: string | null;
  variables?: Record<string, unknown> | null;
  viewer: Viewer;
  /** The request's `X-CSRF-Token` header. */
  csrfToken: string | null;
}

/**
 * Why an operation may not run, checked before it does: a token's mutation needs the `api` scope
 * (its one check, `tokenCanWrite`), a session's mutation needs its CSRF token, no text
 * may hold what PostgreSQL cannot store, and every operation stays within the viewer's depth,
 * complexity and alias limits. Empty when it may run.
 */
export function operationGuardErrors({ schema, document, operationName, variables, viewer, csrfToken }: GuardedOperation): GraphQLError[] {
  const operation = getOperationAST(document, operationName);
  if (operation?.operation === 'mutation') {
    if (!tokenCanWrite(viewer)) return [resourceNotAvailable()];
    if (viewer.via === 'session' && csrfToken !== viewer.csrfToken) {
      return [new GraphQLError('The X-CSRF-Token header is missing or invalid', { extensions: { code: 'CSRF' } })];
    }
  }
  const textError = unstorableTextError(document, variables ?? undefined);
  if (textError) return [textError];
  const cost = measureOperation(schema, document, operationName, variables);
  return cost ? limitErrors(cost, limitsFor(viewer)) : [];
}

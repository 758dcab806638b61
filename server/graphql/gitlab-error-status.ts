import type { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';

/**
 * GitLab's GraphqlController renders whatever its schema answers with HTTP 200, errors included: a
 * syntax error, a validation error, a variable that fails coercion, an unknown operation name.
 * Yoga answers the executor's early errors with 400, and parse and validation errors too when the
 * client accepts `application/graphql-response+json`; this plugin takes that status away so the
 * answer is GitLab's. Malformed HTTP requests (broken JSON, `variables` that are not an object) are
 * not GraphQL results and keep their 4xx.
 */

const documentErrorCodes = new Set(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'OPERATION_RESOLUTION_FAILURE']);

function dropHttpStatus(error: GraphQLError): void {
  const { http, ...extensions } = error.extensions ?? {};
  if (http === undefined) return;
  // The executor set `extensions` with defineProperty; replace it the same way.
  Object.defineProperty(error, 'extensions', { value: extensions, configurable: true, enumerable: true, writable: true });
}

function errorsOf(result: unknown): readonly GraphQLError[] {
  if (typeof result !== 'object' || result === null || !('errors' in result)) return [];
  return (result as { errors?: readonly GraphQLError[] }).errors ?? [];
}

export const gitlabErrorStatus: Plugin = {
  onExecute() {
    return {
      onExecuteDone({ result }) {
        // No `data` at all: the operation never started (variables, operation name), a request error in GraphQL's terms.
        if (Symbol.asyncIterator in result || 'data' in result) return;
        for (const error of errorsOf(result)) if (error.extensions?.http?.status === 400) dropHttpStatus(error);
      },
    };
  },
  onResultProcess({ result }) {
    if (Symbol.asyncIterator in result) return;
    for (const one of Array.isArray(result) ? result : [result]) {
      for (const error of errorsOf(one)) if (documentErrorCodes.has(String(error.extensions?.code))) dropHttpStatus(error);
    }
  },
};

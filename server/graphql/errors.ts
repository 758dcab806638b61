import { GraphQLError } from 'graphql';
import { isAsyncIterable, type Plugin } from 'graphql-yoga';
import { DomainError, resourceNotAvailableMessage } from '../errors';

/** GitLab's top-level error for missing records and missing permissions alike. */
export function resourceNotAvailable(message: string = resourceNotAvailableMessage): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'RESOURCE_NOT_AVAILABLE' } });
}

function domainErrorShape(error: DomainError): { message: string; code: string } {
  if (error.code === 'not_found') return { message: resourceNotAvailableMessage, code: 'RESOURCE_NOT_AVAILABLE' };
  if (error.code === 'feature_disabled') return { message: 'Feature disabled', code: 'RESOURCE_NOT_AVAILABLE' };
  return { message: error.message, code: 'ARGUMENT_ERROR' };
}

/**
 * The API's answer to a resolver's error, the one place services' domain errors become GitLab's
 * top-level GraphQL errors (kept at the field they came from); any other error is returned as is.
 */
export function apiError(error: GraphQLError): GraphQLError {
  if (!(error.originalError instanceof DomainError)) return error;
  const { message, code } = domainErrorShape(error.originalError);
  return new GraphQLError(message, { nodes: error.nodes, path: error.path, extensions: { code } });
}

/** Maps the domain errors of each result before Yoga's masking sees them (which would log them as failures). */
export const domainErrors: Plugin = {
  onExecute: () => ({
    onExecuteDone: ({ result, setResult }) => {
      if (isAsyncIterable(result) || !result.errors?.some((error) => error.originalError instanceof DomainError)) return;
      setResult({ ...result, errors: result.errors.map(apiError) });
    },
  }),
};

import { GraphQLError } from 'graphql';
import { DomainError } from '../errors';

export const resourceNotAvailableMessage =
  "The resource that you are attempting to access does not exist or you don't have permission to perform this action";

/** GitLab's top-level error for missing records and missing permissions alike. */
export function resourceNotAvailable(message: string = resourceNotAvailableMessage): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'RESOURCE_NOT_AVAILABLE' } });
}

export function argumentError(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'ARGUMENT_ERROR' } });
}

/** Runs a service and turns its domain errors into GitLab's top-level GraphQL errors. */
export async function runService<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof DomainError) {
      if (error.code === 'not_found') throw resourceNotAvailable();
      if (error.code === 'feature_disabled') throw resourceNotAvailable('Feature disabled');
      throw argumentError(error.message);
    }
    throw error;
  }
}

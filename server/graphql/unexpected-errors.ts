import { GraphQLError } from 'graphql';
import { maskError, type YogaLogger } from 'graphql-yoga';
import { noteDatabaseFailure } from '../db/availability';
import { isDatabaseUnavailable, isStatementTimeout } from '../db/errors';
import { logError } from '../logging';
import { requestTimedOut } from './request-time-limit';

export const serviceUnavailableMessage = 'Service temporarily unavailable, try again later';

export function serviceUnavailable(): GraphQLError {
  return new GraphQLError(serviceUnavailableMessage, { extensions: { code: 'SERVICE_UNAVAILABLE', http: { status: 503 } } });
}

/**
 * What a client sees of an error no resolver expected: GitLab's "Request timed out" (503) for a
 * statement PostgreSQL cancelled, "Service temporarily unavailable" (503) while the database cannot
 * be reached, else Yoga's masked "Internal server error". The details go to the log only.
 */
export function maskUnexpectedError(error: unknown, message: string, isDev?: boolean): Error {
  const original = error instanceof GraphQLError && error.originalError ? error.originalError : error;
  if (isStatementTimeout(original)) return requestTimedOut();
  noteDatabaseFailure(original);
  if (isDatabaseUnavailable(original)) return serviceUnavailable();
  return maskError(error, message, isDev);
}

/** Yoga's log, through the one bounded, parameter-free logging helper. */
export const yogaLogger: YogaLogger = {
  debug: () => {},
  info: () => {},
  warn: (...args: unknown[]) => logError('GraphQL warning', args.length === 1 ? args[0] : args.join(' ')),
  error: (...args: unknown[]) => logError('GraphQL request failed', args.length === 1 ? args[0] : args.join(' ')),
};

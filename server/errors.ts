/** Errors a service raises; one module (graphql/errors.ts) turns them into API errors. */
export type DomainErrorCode = 'not_found' | 'feature_disabled' | 'invalid_argument' | 'rate_limited';

export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message?: string,
  ) {
    super(message ?? code);
  }
}

export type ServiceResult<T> = { ok: true; value: T } | { ok: false; errors: string[] };

export const failure = (...errors: string[]): { ok: false; errors: string[] } => ({ ok: false, errors });

/** GitLab's words for a record that is missing or that the viewer may not see (never saying which). */
export const resourceNotAvailableMessage =
  "The resource that you are attempting to access does not exist or you don't have permission to perform this action";

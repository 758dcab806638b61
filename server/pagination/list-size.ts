import { DomainError } from '../errors';

/** GitLab's argument error for a negative `first` or `last`. */
export function refuseNegative(name: string, value: number | null | undefined): void {
  if (value != null && value < 0) throw new DomainError('invalid_argument', `Argument '${name}' must be a non-negative integer`);
}

/**
 * The size of a plain (non-connection) list from its `first` argument: the default when absent, and
 * GitLab's argument error when negative, as the connections answer (`pageSize`), or above `max`.
 * Refusing instead of clamping tells a client its request was not what it got.
 */
export function listSize(name: string, value: number | null | undefined, { defaultSize, max }: { defaultSize: number; max: number }): number {
  if (value == null) return defaultSize;
  refuseNegative(name, value);
  if (value > max) throw new DomainError('invalid_argument', `Argument '${name}' must be at most ${max}`);
  return value;
}

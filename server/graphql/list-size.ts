import { argumentError } from './errors';

/**
 * The size of a plain (non-connection) list from its `first` argument: the default when absent, and
 * GitLab's argument error when negative, as the connections answer (`pageSize`), or above `max`.
 * Refusing instead of clamping tells a client its request was not what it got.
 */
export function listSize(name: string, value: number | null | undefined, { defaultSize, max }: { defaultSize: number; max: number }): number {
  if (value == null) return defaultSize;
  if (value < 0) throw argumentError(`Argument '${name}' must be a non-negative integer`);
  if (value > max) throw argumentError(`Argument '${name}' must be at most ${max}`);
  return value;
}

import { vi } from 'vitest';
import { countStatements } from '../db/client';

/**
 * The statements of `work` run right after a first, uncounted run: what a client that keeps calling
 * the API costs, with the in-process caches (credentials, access facts) warm. The clock stands still
 * meanwhile, so no cached entry expires between the two runs however slow the machine is.
 */
export async function countWarmStatements<T>(work: () => Promise<T>): Promise<{ result: T; statements: string[] }> {
  vi.useFakeTimers({ toFake: ['Date'], now: Date.now() });
  try {
    await work();
    return await countStatements(work);
  } finally {
    vi.useRealTimers();
  }
}

import { eq, lt, or, sql } from 'drizzle-orm';
import type { Database } from '../db/client';
import { throttleCounters } from '../db/schema/throttles';

/** At most `limit` attempts per key within a fixed window that starts at the key's first attempt. */
export interface ThrottleRule {
  limit: number;
  windowMs: number;
}

export interface ThrottledAttempt {
  key: string;
  rule: ThrottleRule;
}

export type ThrottleDecision = { allowed: true } | { allowed: false; retryAfterMs: number };

/**
 * Counts one attempt against every key in one atomic statement and says whether all of them are
 * still within their limits. Counting before the work (rather than checking, working, then
 * counting) means concurrent attempts cannot all slip through while the first ones are still
 * being checked. Time comes from the database, so every process sees the same windows.
 */
export async function consumeAttempts(db: Database, attempts: readonly ThrottledAttempt[]): Promise<ThrottleDecision> {
  if (attempts.length === 0) return { allowed: true };
  const expired = sql`${throttleCounters.windowEndsAt} <= now()`;
  const rows = await db
    .insert(throttleCounters)
    .values(
      attempts.map(({ key, rule }) => ({
        key,
        attempts: 1,
        windowEndsAt: sql`now() + ${rule.windowMs}::float8 * interval '1 millisecond'`,
      })),
    )
    .onConflictDoUpdate({
      target: throttleCounters.key,
      set: {
        attempts: sql`case when ${expired} then 1 else ${throttleCounters.attempts} + 1 end`,
        windowEndsAt: sql`case when ${expired} then excluded.window_ends_at else ${throttleCounters.windowEndsAt} end`,
      },
    })
    .returning({
      key: throttleCounters.key,
      attempts: throttleCounters.attempts,
      retryAfterMs: sql<number>`greatest(ceil(extract(epoch from ${throttleCounters.windowEndsAt} - now()) * 1000), 0)::integer`,
    });
  let retryAfterMs = 0;
  for (const row of rows) {
    const rule = attempts.find((attempt) => attempt.key === row.key)?.rule;
    if (rule && row.attempts > rule.limit) retryAfterMs = Math.max(retryAfterMs, Number(row.retryAfterMs));
  }
  return retryAfterMs > 0 ? { allowed: false, retryAfterMs } : { allowed: true };
}

/** Gives back one attempt, e.g. when a counted sign-in turned out to be a successful one. */
export async function refundAttempt(db: Database, key: string): Promise<void> {
  await db
    .update(throttleCounters)
    .set({ attempts: sql`greatest(${throttleCounters.attempts} - 1, 0)` })
    .where(eq(throttleCounters.key, key));
}

/**
 * Forgets a key's attempts. Expired rows of every key go in the same statement: keys are made of
 * what clients send, so nothing else would bound the table.
 */
export async function clearAttempts(db: Database, key: string): Promise<void> {
  await db.delete(throttleCounters).where(or(eq(throttleCounters.key, key), lt(throttleCounters.windowEndsAt, sql`now()`)));
}

/** "Try again in 15 minutes." — whole minutes, rounded up, never zero. */
export function tryAgainIn(retryAfterMs: number): string {
  const minutes = Math.max(1, Math.ceil(retryAfterMs / 60_000));
  return `Try again in ${minutes} ${minutes === 1 ? 'minute' : 'minutes'}.`;
}

import { index, integer, text, timestamp } from 'drizzle-orm/pg-core';
import { snakeCase } from 'drizzle-orm/pg-core';

/**
 * Attempts counted per key (e.g. failed sign-ins of one account from one address) within a fixed
 * window. Kept in the database so every server process sharing it enforces the same limits.
 */
export const throttleCounters = snakeCase.table(
  'throttle_counters',
  {
    key: text().primaryKey(),
    attempts: integer().notNull(),
    windowEndsAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [index('throttle_counters_window_ends_at_idx').on(t.windowEndsAt)],
);

import { type AnyColumn, sql } from 'drizzle-orm';

export interface StateCounts {
  all: number;
  active: number;
  inactive: number;
}

export const noStateCounts: StateCounts = { all: 0, active: 0, inactive: 0 };

/** The three tab counts of a contacts or organizations list, as one select list. */
export function stateCountsSelection(state: AnyColumn) {
  return {
    all: sql<number>`count(*)::int`,
    active: sql<number>`(count(*) filter (where ${state} = 'active'))::int`,
    inactive: sql<number>`(count(*) filter (where ${state} = 'inactive'))::int`,
  };
}

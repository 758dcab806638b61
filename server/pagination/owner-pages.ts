import { type SQL, sql } from 'drizzle-orm';
import { buildPage, cursorValue, type KeysetOrder, type KeysetPlan, type KeysetRow, type Page, type PageArgs } from './keyset';

/**
 * Nested connections (an organization's contacts, a contact's issues) are paged for every parent in
 * one statement: rows are numbered within their owner in the page's keyset order, and the outer
 * query keeps the first `plan.limit` of each. Select these columns in the inner query.
 */
export function rankedWithinOwner(owner: SQL, order: KeysetOrder, plan: KeysetPlan) {
  return {
    ownerId: sql<number>`${owner}`.as('owner_id'),
    sortValue: cursorValue(order).as('sort_value'),
    rank: sql<number>`row_number() over (partition by ${owner} order by ${sql.join(plan.orderBy, sql`, `)})`.as('rank'),
  };
}

/** Splits ranked rows (in rank order) into one page per owner; owners without rows get an empty page. */
export function pagesByOwner<T extends KeysetRow>(
  ownerIds: readonly number[],
  rows: { ownerId: number; node: T }[],
  plan: KeysetPlan,
  page: PageArgs,
): Map<number, Page<T>> {
  const grouped = new Map<number, T[]>(ownerIds.map((id) => [id, []]));
  for (const row of rows) grouped.get(Number(row.ownerId))?.push(row.node);
  return new Map([...grouped].map(([ownerId, nodes]) => [ownerId, buildPage(nodes, plan, page)]));
}

import { type SQL, and, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '../db/client';
import { organizations } from '../db/schema/crm';
import { buildPage, type KeysetOrder, type PageArgs, planKeysetPage } from '../pagination/keyset';
import type { RecordState } from './contact-queries';
import { searchCondition } from './search-terms';

export type Organization = typeof organizations.$inferSelect;

export const organizationSorts = [
  'NAME_ASC',
  'NAME_DESC',
  'DESCRIPTION_ASC',
  'DESCRIPTION_DESC',
  'DEFAULT_RATE_ASC',
  'DEFAULT_RATE_DESC',
] as const;
export type OrganizationSort = (typeof organizationSorts)[number];

export interface OrganizationFilter {
  groupId: number;
  search?: string | null;
  state?: RecordState | null;
  ids?: number[] | null;
}

function organizationOrder(sort: OrganizationSort): KeysetOrder {
  const direction = sort.endsWith('_DESC') ? 'desc' : 'asc';
  if (sort.startsWith('DEFAULT_RATE')) {
    return { key: organizations.defaultRate, nullFill: sql`0`, direction, id: organizations.id };
  }
  const key = sort.startsWith('DESCRIPTION') ? organizations.description : organizations.name;
  return { key, nullFill: sql`''`, direction, id: organizations.id };
}

export function organizationFilterCondition(filter: OrganizationFilter): SQL | undefined {
  return and(
    eq(organizations.groupId, filter.groupId),
    filter.state ? eq(organizations.state, filter.state) : undefined,
    filter.ids ? inArray(organizations.id, filter.ids) : undefined,
    searchCondition(
      filter.search,
      sql`(${organizations.name} || ' ' || coalesce(${organizations.description}, ''))`,
      [sql`${organizations.name}`, sql`${organizations.description}`],
    ),
  );
}

export async function listOrganizations(db: Database, filter: OrganizationFilter, sort: OrganizationSort, page: PageArgs) {
  const order = organizationOrder(sort);
  const plan = planKeysetPage(order, page);
  const rows = await db
    .select({ organization: organizations, sortValue: sql<string | null>`${order.key}` })
    .from(organizations)
    .where(and(organizationFilterCondition(filter), plan.where))
    .orderBy(...plan.orderBy)
    .limit(plan.limit);
  return buildPage(
    rows.map((row) => ({ ...row.organization, sortValue: row.sortValue })),
    plan,
    page,
  );
}

export async function countOrganizations(db: Database, filter: OrganizationFilter): Promise<number> {
  const [row] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(organizations)
    .where(organizationFilterCondition(filter));
  return row?.count ?? 0;
}

import type { AuditedRecord } from '../audit/audit-repository';
import { type SQL, and, eq, getColumns, sql } from 'drizzle-orm';
import type { GroupRef } from '../auth/access-lookups';
import { type Bound, Bindings, executeShaped, inlineLimit, isAnyOf, prepared } from '../db/statements';
import type { Database } from '../db/client';
import { organizations } from '../db/schema/crm';
import { groups } from '../db/schema/groups';
import { buildPage, cursorValue, type KeysetOrder, keysetOrder, type Page, type PageArgs, planKeysetPage } from '../pagination/keyset';
import type { RecordState } from './contact-repository';
import { bindSearch, searchCondition } from '../db/search-terms';
import { noStateCounts, type StateCounts, stateCountsSelection } from './state-counts';
import { type SortField, splitSort, timestampSorts } from './sort-orders';

export type Organization = typeof organizations.$inferSelect;

export const organizationSortFields = [
  { name: 'NAME', label: 'Name' },
  { name: 'DESCRIPTION', label: 'Description' },
  { name: 'DEFAULT_RATE', label: 'Default Rate' },
] as const satisfies readonly SortField[];

export const organizationSorts = [
  ...organizationSortFields.flatMap((field) => [`${field.name}_ASC`, `${field.name}_DESC`] as const),
  ...timestampSorts,
] as const;
export type OrganizationSort = (typeof organizationSorts)[number];

export interface OrganizationFilter {
  groupId: number;
  search?: string | null;
  state?: RecordState | null;
  ids?: readonly number[] | null;
}

const sortKeys = {
  NAME: { key: organizations.name, kind: 'text' },
  DESCRIPTION: { key: organizations.description, kind: 'text' },
  DEFAULT_RATE: { key: organizations.defaultRate, kind: 'numeric' },
  CREATED: { key: organizations.createdAt, kind: 'timestamp' },
  UPDATED: { key: organizations.updatedAt, kind: 'timestamp' },
} as const;

export function organizationOrder(sort: OrganizationSort): KeysetOrder {
  const { field, direction } = splitSort(sort);
  const { key, kind } = sortKeys[field as keyof typeof sortKeys] ?? sortKeys.NAME;
  return keysetOrder(key, kind, direction, organizations.id);
}

function bindOrganizationFilter(filter: OrganizationFilter, bindings: Bindings): Bound<OrganizationFilter> {
  return {
    groupId: bindings.bind('groupId', filter.groupId),
    state: bindings.bindOptional('state', filter.state || null),
    ids: bindings.bindOptional('ids', filter.ids),
    search: bindSearch(filter.search, bindings),
  };
}

export function organizationFilterCondition(filter: Bound<OrganizationFilter>): SQL | undefined {
  return and(
    eq(organizations.groupId, filter.groupId),
    filter.state ? eq(organizations.state, filter.state) : undefined,
    filter.ids ? isAnyOf(organizations.id, filter.ids) : undefined,
    searchCondition(
      filter.search,
      sql`(${organizations.name} || ' ' || coalesce(${organizations.description}, ''))`,
      [sql`${organizations.name}`, sql`${organizations.description}`],
    ),
  );
}

export type OrganizationRow = Organization & { sortValue: string | null };

export async function listOrganizations(
  db: Database,
  filter: OrganizationFilter,
  sort: OrganizationSort,
  page: PageArgs,
): Promise<Page<OrganizationRow>> {
  const order = organizationOrder(sort);
  const bindings = new Bindings();
  const plan = planKeysetPage(order, page, bindings);
  const bound = bindOrganizationFilter(filter, bindings);
  bindings.note(sort);
  const rows = await executeShaped(db, 'organizations_page', bindings, () =>
    db
      .select({ ...getColumns(organizations), sortValue: cursorValue(order) })
      .from(organizations)
      .where(and(organizationFilterCondition(bound), plan.where))
      .orderBy(...plan.orderBy)
      .limit(inlineLimit(plan.limit)),
  );
  return buildPage(rows, plan, page);
}

export async function countOrganizations(db: Database, filter: OrganizationFilter): Promise<number> {
  const bindings = new Bindings();
  const bound = bindOrganizationFilter(filter, bindings);
  const [row] = await executeShaped(db, 'organization_count', bindings, () =>
    db.select({ count: sql<number>`count(*)::int` }).from(organizations).where(organizationFilterCondition(bound)),
  );
  return row?.count ?? 0;
}

/** `Group.organizationStateCounts`: the three tab counts in one statement. */
export async function countOrganizationsByState(db: Database, filter: OrganizationFilter): Promise<StateCounts> {
  const bindings = new Bindings();
  const bound = bindOrganizationFilter(filter, bindings);
  const [row] = await executeShaped(db, 'organization_state_counts', bindings, () =>
    db.select(stateCountsSelection(organizations.state)).from(organizations).where(organizationFilterCondition(bound)),
  );
  return row ?? noStateCounts;
}

export async function findOrganizationWithGroup(db: Database, id: number): Promise<{ organization: Organization; group: GroupRef } | null> {
  const [row] = await db
    .select({ organization: organizations, group: { id: groups.id, fullPath: groups.fullPath } })
    .from(organizations)
    .innerJoin(groups, eq(groups.id, organizations.groupId))
    .where(eq(organizations.id, id))
    .limit(1);
  return row ?? null;
}

/** Organizations by id, in one prepared statement (the per-request loader's batch). */
export async function organizationsByIds(db: Database, ids: readonly number[]): Promise<Organization[]> {
  const statement = prepared(db, 'organizations_by_ids', (db, name) =>
    db.select().from(organizations).where(isAnyOf(organizations.id, sql.placeholder('ids'))).prepare(name),
  );
  return statement.execute({ ids });
}

/**
 * Whether the organization is in the group, holding a share lock on it until the transaction ends
 * so it cannot disappear between this check and the write that refers to it.
 */
export async function organizationInGroupLocked(tx: Database, organizationId: number, groupId: number): Promise<boolean> {
  const [row] = await tx
    .select({ id: organizations.id })
    .from(organizations)
    .where(and(eq(organizations.id, organizationId), eq(organizations.groupId, groupId)))
    .for('key share');
  return row !== undefined;
}

export type OrganizationValues = Omit<typeof organizations.$inferInsert, 'id' | 'createdAt' | 'updatedAt'>;

export async function insertOrganization(tx: Database, values: OrganizationValues): Promise<Organization> {
  const [created] = await tx.insert(organizations).values(values).returning();
  if (!created) throw new Error('Organization insert returned no row');
  return created;
}

/**
 * The organization, its row locked until the transaction ends: concurrent changes to it run one after
 * the other, and a contact being added to it waits (its foreign key check needs a share lock).
 */
export async function lockOrganization(tx: Database, id: number): Promise<Organization | null> {
  const [organization] = await tx.select().from(organizations).where(eq(organizations.id, id)).for('update');
  return organization ?? null;
}

/** Applies `values` and touches `updated_at`. */
export async function updateOrganizationRow(tx: Database, id: number, values: Partial<OrganizationValues>): Promise<Organization> {
  const [updated] = await tx
    .update(organizations)
    .set({ ...values, updatedAt: sql`now()` })
    .where(eq(organizations.id, id))
    .returning();
  if (!updated) throw new Error('Organization update returned no row');
  return updated;
}

export async function deleteOrganizationRow(tx: Database, id: number): Promise<void> {
  await tx.delete(organizations).where(eq(organizations.id, id));
}

/** The organization as its audit events name it. */
export const organizationAudited = (organization: Pick<Organization, 'id' | 'groupId'>): AuditedRecord => ({
  type: 'CustomerRelations::Organization',
  id: organization.id,
  groupId: organization.groupId,
});

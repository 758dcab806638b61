import { type SQL, and, eq, getColumns, sql } from 'drizzle-orm';
import type { Database } from '../db/client';
import { type Bound, Bindings, executeShaped, inlineLimit, isAnyOf } from '../db/statements';
import { contacts, organizations } from '../db/schema/crm';
import type { Organization } from './organization-repository';
import { buildPage, cursorValue, type KeysetOrder, keysetOrder, type Page, type PageArgs, planKeysetPage } from '../pagination/keyset';
import { pagesByOwner, rankedWithinOwner } from '../pagination/owner-pages';
import { bindSearch, searchCondition } from './search-terms';
import { noStateCounts, type StateCounts, stateCountsSelection } from './state-counts';
import { type SortField, splitSort, timestampSorts } from './sort-orders';

/** A contact row; lists that show organizations join them in (left undefined otherwise). */
export type Contact = typeof contacts.$inferSelect & { organization?: Organization | null };
export type RecordState = 'active' | 'inactive';

export const contactSortFields = [
  { name: 'FIRST_NAME', label: 'First name' },
  { name: 'LAST_NAME', label: 'Last name' },
  { name: 'EMAIL', label: 'Email' },
  { name: 'PHONE', label: 'Phone' },
  { name: 'DESCRIPTION', label: 'Description' },
  { name: 'ORGANIZATION', label: 'Organization' },
] as const satisfies readonly SortField[];

export const contactSorts = [
  ...contactSortFields.flatMap((field) => [`${field.name}_ASC`, `${field.name}_DESC`] as const),
  ...timestampSorts,
] as const;
export type ContactSort = (typeof contactSorts)[number];

export interface ContactFilter {
  /** The CRM group; may be left out only when `organizationIds` scopes the list. */
  groupId?: number;
  organizationIds?: readonly number[];
  search?: string | null;
  state?: RecordState | null;
  ids?: readonly number[] | null;
}

function bindContactFilter(filter: ContactFilter, bindings: Bindings): Bound<ContactFilter> {
  return {
    groupId: bindings.bindOptional('groupId', filter.groupId),
    organizationIds: bindings.bindOptional('organizationIds', filter.organizationIds),
    state: bindings.bindOptional('state', filter.state || null),
    ids: bindings.bindOptional('ids', filter.ids),
    search: bindSearch(filter.search, bindings),
  };
}

const organizationName = sql<string | null>`(select ${organizations.name} from ${organizations} where ${organizations.id} = ${contacts.organizationId})`;

const sortKeys = {
  FIRST_NAME: { key: contacts.firstName, kind: 'text' },
  LAST_NAME: { key: contacts.lastName, kind: 'text' },
  EMAIL: { key: contacts.email, kind: 'text' },
  PHONE: { key: contacts.phone, kind: 'text' },
  DESCRIPTION: { key: contacts.description, kind: 'text' },
  ORGANIZATION: { key: organizationName, kind: 'text' },
  CREATED: { key: contacts.createdAt, kind: 'timestamp' },
  UPDATED: { key: contacts.updatedAt, kind: 'timestamp' },
} as const;

export function contactOrder(sort: ContactSort): KeysetOrder {
  const { field, direction } = splitSort(sort);
  const { key, kind } = sortKeys[field as keyof typeof sortKeys] ?? sortKeys.LAST_NAME;
  return keysetOrder(key, kind, direction, contacts.id);
}

export function contactFilterCondition(filter: Bound<ContactFilter>): SQL | undefined {
  return and(
    filter.groupId === undefined ? undefined : eq(contacts.groupId, filter.groupId),
    filter.organizationIds ? isAnyOf(contacts.organizationId, filter.organizationIds) : undefined,
    filter.state ? eq(contacts.state, filter.state) : undefined,
    filter.ids ? isAnyOf(contacts.id, filter.ids) : undefined,
    searchCondition(
      filter.search,
      sql`(${contacts.firstName} || ' ' || ${contacts.lastName} || ' ' || ${contacts.email} || ' ' || coalesce(${contacts.description}, ''))`,
      [sql`${contacts.firstName}`, sql`${contacts.lastName}`, sql`${contacts.email}`, sql`${contacts.description}`],
    ),
  );
}

export type ContactRow = Contact & { sortValue: string | null };

/** A page of contacts, with their organizations joined in when the list will show them. */
export async function listContacts(
  db: Database,
  filter: ContactFilter,
  sort: ContactSort,
  page: PageArgs,
  include: { organizations?: boolean } = {},
): Promise<Page<ContactRow>> {
  const order = contactOrder(sort);
  const bindings = new Bindings();
  const plan = planKeysetPage(order, page, bindings);
  const bound = bindContactFilter(filter, bindings);
  bindings.note(`${sort}:${include.organizations ? 'organizations' : ''}`);
  const rows: ContactRow[] = await executeShaped(db, 'contacts_page', bindings, () => {
    const columns = { ...getColumns(contacts), sortValue: cursorValue(order) };
    const query = include.organizations
      ? db
          .select({ ...columns, organization: organizations })
          .from(contacts)
          .leftJoin(organizations, eq(organizations.id, contacts.organizationId))
          .$dynamic()
      : db.select(columns).from(contacts).$dynamic();
    return query
      .where(and(contactFilterCondition(bound), plan.where))
      .orderBy(...plan.orderBy)
      .limit(inlineLimit(plan.limit));
  });
  return buildPage(rows, plan, page);
}

/** One page of contacts for each of many organizations, in one statement. */
export async function listContactsOfOrganizations(
  db: Database,
  organizationIds: readonly number[],
  filter: Omit<ContactFilter, 'groupId' | 'organizationIds'>,
  sort: ContactSort,
  page: PageArgs,
): Promise<Map<number, Page<ContactRow>>> {
  const order = contactOrder(sort);
  const plan = planKeysetPage(order, page);
  const ranked = db
    .select({
      id: sql<number>`${contacts.id}`.as('ranked_id'),
      ...rankedWithinOwner(sql`${contacts.organizationId}`, order, plan),
    })
    .from(contacts)
    .where(and(contactFilterCondition({ ...filter, organizationIds }), plan.where))
    .as('ranked');
  const rows = await db
    .select({ contact: contacts, ownerId: ranked.ownerId, sortValue: ranked.sortValue, rank: ranked.rank })
    .from(ranked)
    .innerJoin(contacts, eq(contacts.id, ranked.id))
    .where(sql`${ranked.rank} <= ${plan.limit}`)
    .orderBy(ranked.ownerId, ranked.rank);
  return pagesByOwner(
    organizationIds,
    rows.map((row) => ({ ownerId: row.ownerId, node: { ...row.contact, sortValue: row.sortValue } })),
    plan,
    page,
  );
}

export async function countContacts(db: Database, filter: ContactFilter): Promise<number> {
  const bindings = new Bindings();
  const bound = bindContactFilter(filter, bindings);
  const [row] = await executeShaped(db, 'contact_count', bindings, () =>
    db.select({ count: sql<number>`count(*)::int` }).from(contacts).where(contactFilterCondition(bound)),
  );
  return row?.count ?? 0;
}

/** `Group.contactStateCounts`: the three tab counts in one statement. */
export async function countContactsByState(db: Database, filter: ContactFilter): Promise<StateCounts> {
  const bindings = new Bindings();
  const bound = bindContactFilter(filter, bindings);
  const [row] = await executeShaped(db, 'contact_state_counts', bindings, () =>
    db.select(stateCountsSelection(contacts.state)).from(contacts).where(contactFilterCondition(bound)),
  );
  return row ?? noStateCounts;
}

/** Contacts per organization matching `filter` (all of them when it is empty), in one statement. */
export async function countContactsOfOrganizations(
  db: Database,
  organizationIds: readonly number[],
  filter: Omit<ContactFilter, 'groupId' | 'organizationIds'> = {},
): Promise<Map<number, number>> {
  const rows = await db
    .select({ organizationId: sql<number>`${contacts.organizationId}`, count: sql<number>`count(*)::int` })
    .from(contacts)
    .where(contactFilterCondition({ ...filter, organizationIds }))
    .groupBy(contacts.organizationId);
  return new Map(rows.map((row) => [row.organizationId, row.count]));
}

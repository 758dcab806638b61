import type { AuditedRecord } from '../audit/audit-repository';
import { type SQL, and, asc, eq, getColumns, sql } from 'drizzle-orm';
import type { GroupRef } from '../auth/access-lookups';
import type { Database } from '../db/client';
import { type Bound, Bindings, executeShaped, inlineLimit, isAnyOf } from '../db/statements';
import { contacts, organizations } from '../db/schema/crm';
import { groups } from '../db/schema/groups';
import { issueContacts } from '../db/schema/issues';
import type { Organization } from './organization-repository';
import { buildPage, cursorValue, type KeysetOrder, keysetOrder, type Page, type PageArgs, planKeysetPage } from '../pagination/keyset';
import { pagesByOwner, rankedWithinOwner } from '../pagination/owner-pages';
import { bindSearch, searchCondition } from '../db/search-terms';
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
      sql`(${contacts.firstName} || ' ' || ${contacts.lastName} || ' ' || coalesce(${contacts.email}, '') || ' ' || coalesce(${contacts.description}, ''))`,
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

/** A contact and the group that owns it, by id: the first step of every change to a contact. */
export async function findContactWithGroup(db: Database, id: number): Promise<{ contact: Contact; group: GroupRef } | null> {
  const [row] = await db
    .select({ contact: contacts, group: { id: groups.id, fullPath: groups.fullPath } })
    .from(contacts)
    .innerJoin(groups, eq(groups.id, contacts.groupId))
    .where(eq(contacts.id, id))
    .limit(1);
  return row ?? null;
}

/** Contacts of the CRM group among `ids`; an id of another group is simply not found. */
export async function contactsOfGroupByIds(db: Database, groupId: number, ids: readonly number[]): Promise<Contact[]> {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(contacts)
    .where(and(eq(contacts.groupId, groupId), isAnyOf(contacts.id, ids)));
}

/** Contacts of the CRM group whose email matches one of `emails`, ignoring case. */
export async function contactsOfGroupByEmails(db: Database, groupId: number, emails: readonly string[]): Promise<Contact[]> {
  if (emails.length === 0) return [];
  return db
    .select()
    .from(contacts)
    .where(and(eq(contacts.groupId, groupId), isAnyOf(sql`lower(${contacts.email})`, emails.map((email) => email.toLowerCase()))));
}

/**
 * Active contacts of the CRM group matching `search`, leaving out those already on the issue,
 * by last name then first name: the picker's list and the `/add_contacts` autocomplete.
 */
export async function contactCandidates(
  db: Database,
  { crmGroupId, issueId, search, limit }: { crmGroupId: number; issueId: number; search: string | null | undefined; limit: number },
): Promise<Contact[]> {
  return db
    .select()
    .from(contacts)
    .where(
      and(
        contactFilterCondition({ groupId: crmGroupId, state: 'active', search }),
        sql`not exists (select 1 from ${issueContacts} where ${issueContacts.issueId} = ${issueId} and ${issueContacts.contactId} = ${contacts.id})`,
      ),
    )
    .orderBy(asc(contacts.lastName), asc(contacts.firstName), asc(contacts.id))
    .limit(limit);
}

export type ContactValues = Omit<typeof contacts.$inferInsert, 'id' | 'createdAt' | 'updatedAt'>;

export async function insertContact(tx: Database, values: ContactValues): Promise<Contact> {
  const [created] = await tx.insert(contacts).values(values).returning();
  if (!created) throw new Error('Contact insert returned no row');
  return created;
}

/** The contact, its row locked until the transaction ends so concurrent changes to it run one after the other. */
export async function lockContact(tx: Database, id: number): Promise<Contact | null> {
  const [contact] = await tx.select().from(contacts).where(eq(contacts.id, id)).for('update');
  return contact ?? null;
}

/** Several contacts, locked in id order (so two transactions locking the same ones cannot deadlock). */
export async function lockContacts(tx: Database, ids: readonly number[]): Promise<Contact[]> {
  return tx.select().from(contacts).where(isAnyOf(contacts.id, ids)).orderBy(asc(contacts.id)).for('update');
}

/** Applies `values` and touches `updated_at`. */
export async function updateContactRow(tx: Database, id: number, values: Partial<ContactValues>): Promise<Contact> {
  const [updated] = await tx
    .update(contacts)
    .set({ ...values, updatedAt: sql`now()` })
    .where(eq(contacts.id, id))
    .returning();
  if (!updated) throw new Error('Contact update returned no row');
  return updated;
}

export async function deleteContactRow(tx: Database, id: number): Promise<void> {
  await tx.delete(contacts).where(eq(contacts.id, id));
}

/** The contact as its audit events name it. */
export const contactAudited = (contact: Pick<Contact, 'id' | 'groupId'>): AuditedRecord => ({
  type: 'CustomerRelations::Contact',
  id: contact.id,
  groupId: contact.groupId,
});

import { type SQL, and, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '../db/client';
import { contacts, organizations } from '../db/schema/crm';
import { buildPage, type KeysetOrder, type PageArgs, planKeysetPage } from '../pagination/keyset';
import { searchCondition } from './search-terms';

export type Contact = typeof contacts.$inferSelect;
export type RecordState = 'active' | 'inactive';

export const contactSorts = [
  'FIRST_NAME_ASC',
  'FIRST_NAME_DESC',
  'LAST_NAME_ASC',
  'LAST_NAME_DESC',
  'EMAIL_ASC',
  'EMAIL_DESC',
  'PHONE_ASC',
  'PHONE_DESC',
  'DESCRIPTION_ASC',
  'DESCRIPTION_DESC',
  'ORGANIZATION_ASC',
  'ORGANIZATION_DESC',
] as const;
export type ContactSort = (typeof contactSorts)[number];

export interface ContactFilter {
  groupId: number;
  search?: string | null;
  state?: RecordState | null;
  ids?: number[] | null;
}

const organizationName = sql<string | null>`(select ${organizations.name} from ${organizations} where ${organizations.id} = ${contacts.organizationId})`;

const sortKeys: Record<string, SQL | typeof contacts.firstName> = {
  FIRST_NAME: sql`${contacts.firstName}`,
  LAST_NAME: sql`${contacts.lastName}`,
  EMAIL: sql`${contacts.email}`,
  PHONE: sql`${contacts.phone}`,
  DESCRIPTION: sql`${contacts.description}`,
  ORGANIZATION: organizationName,
};

function contactOrder(sort: ContactSort): KeysetOrder {
  const field = sort.replace(/_(ASC|DESC)$/, '');
  return {
    key: sortKeys[field] ?? sql`${contacts.lastName}`,
    nullFill: sql`''`,
    direction: sort.endsWith('_DESC') ? 'desc' : 'asc',
    id: contacts.id,
  };
}

export function contactFilterCondition(filter: ContactFilter): SQL | undefined {
  return and(
    eq(contacts.groupId, filter.groupId),
    filter.state ? eq(contacts.state, filter.state) : undefined,
    filter.ids ? inArray(contacts.id, filter.ids) : undefined,
    searchCondition(
      filter.search,
      sql`(${contacts.firstName} || ' ' || ${contacts.lastName} || ' ' || ${contacts.email} || ' ' || coalesce(${contacts.description}, ''))`,
      [sql`${contacts.firstName}`, sql`${contacts.lastName}`, sql`${contacts.email}`, sql`${contacts.description}`],
    ),
  );
}

export async function listContacts(db: Database, filter: ContactFilter, sort: ContactSort, page: PageArgs) {
  const order = contactOrder(sort);
  const plan = planKeysetPage(order, page);
  const rows = await db
    .select({ contact: contacts, sortValue: sql<string | null>`${order.key}` })
    .from(contacts)
    .where(and(contactFilterCondition(filter), plan.where))
    .orderBy(...plan.orderBy)
    .limit(plan.limit);
  return buildPage(
    rows.map((row) => ({ ...row.contact, sortValue: row.sortValue })),
    plan,
    page,
  );
}

export async function countContacts(db: Database, filter: ContactFilter): Promise<number> {
  const [row] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(contacts)
    .where(contactFilterCondition(filter));
  return row?.count ?? 0;
}

import DataLoader from 'dataloader';
import { and, asc, eq, getColumns, sql } from 'drizzle-orm';
import type { Contact } from '../crm/contact-queries';
import type { Database } from '../db/client';
import { contacts, organizations } from '../db/schema/crm';
import { isAnyOf, prepared } from '../db/statements';
import { issueContacts } from '../db/schema/issues';

function issueContactsQuery(db: Database) {
  return db
    .select({ ...getColumns(contacts), issueId: issueContacts.issueId })
    .from(issueContacts)
    .innerJoin(contacts, eq(contacts.id, issueContacts.contactId))
    .where(isAnyOf(issueContacts.issueId, sql.placeholder('issueIds')))
    .orderBy(asc(issueContacts.createdAt), asc(contacts.id));
}

function issueContactsWithOrganizationsQuery(db: Database) {
  return db
    .select({ ...getColumns(contacts), issueId: issueContacts.issueId, organization: organizations })
    .from(issueContacts)
    .innerJoin(contacts, eq(contacts.id, issueContacts.contactId))
    .leftJoin(organizations, eq(organizations.id, contacts.organizationId))
    .where(isAnyOf(issueContacts.issueId, sql.placeholder('issueIds')))
    .orderBy(asc(issueContacts.createdAt), asc(contacts.id));
}

/**
 * The contacts of many issues in one prepared statement, in the order they were added, with their
 * organizations joined in when the caller will show them. (Each contact keeps the `issueId` of the
 * link it came with.)
 */
export async function contactsOfIssues(
  db: Database,
  issueIds: readonly number[],
  include: { organizations: boolean },
): Promise<Map<number, Contact[]>> {
  const rows: (Contact & { issueId: number })[] = include.organizations
    ? await prepared(db, 'issue_contacts_with_organizations', (db, name) => issueContactsWithOrganizationsQuery(db).prepare(name)).execute({ issueIds })
    : await prepared(db, 'issue_contacts', (db, name) => issueContactsQuery(db).prepare(name)).execute({ issueIds });
  const byIssue = new Map<number, Contact[]>(issueIds.map((id) => [id, []]));
  for (const row of rows) byIssue.get(row.issueId)?.push(row);
  return byIssue;
}

export function createIssueContactsLoader(db: Database, include: { organizations: boolean }) {
  return new DataLoader<number, Contact[]>(async (issueIds) => {
    const byIssue = await contactsOfIssues(db, issueIds, include);
    return issueIds.map((id) => byIssue.get(id) ?? []);
  });
}

export async function linkedContactIds(db: Database, issueId: number): Promise<number[]> {
  const rows = await db.select({ contactId: issueContacts.contactId }).from(issueContacts).where(eq(issueContacts.issueId, issueId));
  return rows.map((row) => row.contactId);
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

/** Links contacts; a link that already exists is left alone. Returns the contacts actually linked. */
export async function linkContacts(db: Database, issueId: number, contactIds: readonly number[]): Promise<number[]> {
  if (contactIds.length === 0) return [];
  const rows = await db
    .insert(issueContacts)
    .values(contactIds.map((contactId) => ({ issueId, contactId })))
    .onConflictDoNothing()
    .returning({ contactId: issueContacts.contactId });
  return rows.map((row) => row.contactId);
}

/** Unlinks contacts. Returns the contacts actually unlinked. */
export async function unlinkContacts(db: Database, issueId: number, contactIds: readonly number[]): Promise<number[]> {
  if (contactIds.length === 0) return [];
  const rows = await db
    .delete(issueContacts)
    .where(and(eq(issueContacts.issueId, issueId), isAnyOf(issueContacts.contactId, contactIds)))
    .returning({ contactId: issueContacts.contactId });
  return rows.map((row) => row.contactId);
}

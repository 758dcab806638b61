import DataLoader from 'dataloader';
import { asc, eq, inArray } from 'drizzle-orm';
import type { Contact } from '../crm/contact-queries';
import type { Database } from '../db/client';
import { contacts } from '../db/schema/crm';
import { issueContacts } from '../db/schema/issues';

/** The contacts of many issues in one statement, in the order they were added. */
export async function contactsOfIssues(db: Database, issueIds: readonly number[]): Promise<Map<number, Contact[]>> {
  const rows = await db
    .select({ issueId: issueContacts.issueId, contact: contacts })
    .from(issueContacts)
    .innerJoin(contacts, eq(contacts.id, issueContacts.contactId))
    .where(inArray(issueContacts.issueId, [...issueIds]))
    .orderBy(asc(issueContacts.createdAt), asc(contacts.id));
  const byIssue = new Map<number, Contact[]>(issueIds.map((id) => [id, []]));
  for (const row of rows) byIssue.get(row.issueId)?.push(row.contact);
  return byIssue;
}

export function createIssueContactsLoader(db: Database) {
  return new DataLoader<number, Contact[]>(async (issueIds) => {
    const byIssue = await contactsOfIssues(db, issueIds);
    return issueIds.map((id) => byIssue.get(id) ?? []);
  });
}

import DataLoader from 'dataloader';
import { and, asc, eq, getColumns, ne, sql } from 'drizzle-orm';
import type { PgSelect } from 'drizzle-orm/pg-core';
import type { Contact } from '../crm/contact-repository';
import type { Database } from '../db/client';
import { contacts, organizations } from '../db/schema/crm';
import { projects } from '../db/schema/groups';
import { isAnyOf, prepared, rowsOf } from '../db/statements';
import { issueContacts, issues } from '../db/schema/issues';
import type { Issue } from './issue-repository';

/**
 * Which columns an issue contacts query brings. Lean rows carry only the columns of the fields in
 * `leanContactFields` (and `leanOrganizationFields`), the ones an issue's sidebar shows; anything
 * else asked of the contacts takes whole rows. Organizations are joined in only when shown.
 */
export interface IssueContactsShape {
  contacts: 'lean' | 'full';
  organizations: 'none' | 'lean' | 'full';
}

const leanContactFields: ReadonlySet<string> = new Set(['__typename', 'id', 'firstName', 'lastName', 'email', 'phone', 'description', 'organization']);
const leanOrganizationFields: ReadonlySet<string> = new Set(['__typename', 'id', 'name']);

const leanContactColumns = {
  id: contacts.id,
  organizationId: contacts.organizationId,
  firstName: contacts.firstName,
  lastName: contacts.lastName,
  email: contacts.email,
  phone: contacts.phone,
  description: contacts.description,
};
const leanOrganizationColumns = { id: organizations.id, name: organizations.name };

const isSubsetOf = (names: ReadonlySet<string>, allowed: ReadonlySet<string>) => [...names].every((name) => allowed.has(name));

/** The shape for contacts whose nodes ask for `contactFields`, and of their organization for `organizationFields`. */
export function issueContactsShape(contactFields: ReadonlySet<string>, organizationFields: ReadonlySet<string>): IssueContactsShape {
  const organizationsShown = contactFields.has('organization');
  return {
    contacts: isSubsetOf(contactFields, leanContactFields) ? 'lean' : 'full',
    organizations: !organizationsShown ? 'none' : isSubsetOf(organizationFields, leanOrganizationFields) ? 'lean' : 'full',
  };
}

const contactsRank = { lean: 0, full: 1 } as const;
const organizationsRank = { none: 0, lean: 1, full: 2 } as const;

/** Whether rows of shape `loaded` can show what `wanted` asks for. */
export function shapeCovers(loaded: IssueContactsShape, wanted: IssueContactsShape): boolean {
  return contactsRank[loaded.contacts] >= contactsRank[wanted.contacts] && organizationsRank[loaded.organizations] >= organizationsRank[wanted.organizations];
}

export const shapeName = (shape: IssueContactsShape) => `${shape.contacts}_${shape.organizations}`;

function contactColumns(shape: IssueContactsShape) {
  return shape.contacts === 'full' ? getColumns(contacts) : leanContactColumns;
}

function organizationColumns(shape: IssueContactsShape) {
  return shape.organizations === 'full' ? getColumns(organizations) : leanOrganizationColumns;
}

/** Joins each contact's organization when shown; contacts come in the order they were linked. */
function withOrganizationsInLinkOrder<Query extends PgSelect>(query: Query, shape: IssueContactsShape) {
  return (shape.organizations === 'none' ? query : query.leftJoin(organizations, eq(organizations.id, contacts.organizationId))).orderBy(
    asc(issueContacts.createdAt),
    asc(contacts.id),
  );
}

function issueContactsQuery(db: Database, shape: IssueContactsShape, oneIssue: boolean) {
  const fields = { ...contactColumns(shape), issueId: issueContacts.issueId };
  const query = db
    .select(shape.organizations === 'none' ? fields : { ...fields, organization: organizationColumns(shape) })
    .from(issueContacts)
    .innerJoin(contacts, eq(contacts.id, issueContacts.contactId))
    .where(oneIssue ? eq(issueContacts.issueId, sql.placeholder('issueId')) : isAnyOf(issueContacts.issueId, sql.placeholder('issueIds')))
    .$dynamic();
  return withOrganizationsInLinkOrder(query, shape);
}

/** An issue by project and iid, one row per contact (none: one row without), each contact's organization beside it. */
function issueWithContactsQuery(db: Database, shape: IssueContactsShape) {
  const fields = { issue: issues, contact: contactColumns(shape) };
  const query = db
    .select(shape.organizations === 'none' ? fields : { ...fields, organization: organizationColumns(shape) })
    .from(issues)
    .leftJoin(issueContacts, eq(issueContacts.issueId, issues.id))
    // Every link has its contact (a foreign key): this join only keeps the issue's row when it has no links.
    .leftJoin(contacts, eq(contacts.id, issueContacts.contactId))
    .where(and(eq(issues.projectId, sql.placeholder('projectId')), eq(issues.iid, sql.placeholder('iid'))))
    .$dynamic();
  return withOrganizationsInLinkOrder(query, shape);
}

/**
 * An issue by project and iid with its contacts (of `shape`), in one statement instead of two:
 * what `Project.issue` needs when its contacts are asked for.
 */
export async function issueByIidWithContacts(
  db: Database,
  projectId: number,
  iid: number,
  shape: IssueContactsShape,
): Promise<{ issue: Issue; contacts: Contact[] } | null> {
  const name = `issue_by_iid_with_contacts_${shapeName(shape)}`;
  const rows = await prepared(db, name, (db, name) => issueWithContactsQuery(db, shape).prepare(name)).execute({ projectId, iid });
  const [first] = rows;
  if (!first) return null;
  const linked = rows.flatMap((row) => (row.contact ? [row] : []));
  // Lean rows are typed as whole contacts: only the fields their shape was chosen for are resolved on them.
  const contactsOfIssue = linked.map((row) => ('organization' in row ? { ...row.contact, organization: row.organization } : row.contact)) as Contact[];
  return { issue: first.issue, contacts: contactsOfIssue };
}

/**
 * The contacts of many issues in one prepared statement (one per shape), in the order they were
 * added. (Each contact keeps the `issueId` of the link it came with.) Lean rows are typed as whole
 * contacts: only the fields their shape was chosen for are resolved on them. One issue's have a
 * statement of their own: PostgreSQL never settles on a generic plan for `= any($1)` (it prices
 * one for 25 rows against a custom plan's 2), so it planned that one again on every execution
 * (0.3 ms, ten times its run).
 */
export async function contactsOfIssues(db: Database, issueIds: readonly number[], shape: IssueContactsShape): Promise<Map<number, Contact[]>> {
  const oneIssue = issueIds.length === 1;
  const name = `issue_contacts_${shapeName(shape)}${oneIssue ? '_of_one' : ''}`;
  const statement = prepared(db, name, (db, name) => issueContactsQuery(db, shape, oneIssue).prepare(name));
  const rows = (await statement.execute(oneIssue ? { issueId: issueIds[0] } : { issueIds })) as (Contact & { issueId: number })[];
  const byIssue = new Map<number, Contact[]>(issueIds.map((id) => [id, []]));
  for (const row of rows) byIssue.get(row.issueId)?.push(row);
  return byIssue;
}

export function createIssueContactsLoader(db: Database, shape: IssueContactsShape) {
  return new DataLoader<number, Contact[]>(async (issueIds) => {
    const byIssue = await contactsOfIssues(db, issueIds, shape);
    return issueIds.map((id) => byIssue.get(id) ?? []);
  });
}

export async function linkedContactIds(db: Database, issueId: number): Promise<number[]> {
  const rows = await db.select({ contactId: issueContacts.contactId }).from(issueContacts).where(eq(issueContacts.issueId, issueId));
  return rows.map((row) => row.contactId);
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

/** Unlinks the contact from every issue. Returns the issues that lost it, in id order. */
export async function unlinkContactEverywhere(db: Database, contactId: number): Promise<number[]> {
  const rows = await db.delete(issueContacts).where(eq(issueContacts.contactId, contactId)).returning({ issueId: issueContacts.issueId });
  return rows.map((row) => row.issueId).sort((a, b) => a - b);
}

/**
 * Moves every issue link of contact `fromId` to contact `toId` in one statement: an issue that had
 * both keeps only its link to `toId`, and a moved link keeps its `created_at` (its place in the
 * issue's contact order). Returns the issues `fromId` was on, in id order.
 */
export async function moveContactLinks(db: Database, fromId: number, toId: number): Promise<number[]> {
  const rows = await rowsOf<{ issue_id: number }>(
    db,
    sql`with moved as (
          delete from ${issueContacts} where ${issueContacts.contactId} = ${fromId}
          returning ${issueContacts.issueId}, ${issueContacts.createdAt}
        ), relinked as (
          insert into ${issueContacts} (issue_id, contact_id, created_at)
          select moved.issue_id, ${toId}, moved.created_at from moved
          on conflict do nothing
        )
        select issue_id from moved order by issue_id`,
  );
  return rows.map((row) => row.issue_id);
}

/** Whether an issue of a project under `rootPath` has a contact that is not from `groupId`. */
export async function issuesUnderHaveContactsOutside(db: Database, rootPath: string, groupId: number): Promise<boolean> {
  const [row] = await db
    .select({ found: sql<number>`1` })
    .from(issueContacts)
    .innerJoin(issues, eq(issues.id, issueContacts.issueId))
    .innerJoin(projects, eq(projects.id, issues.projectId))
    .innerJoin(contacts, eq(contacts.id, issueContacts.contactId))
    .where(and(sql`starts_with(lower(${projects.fullPath}), ${`${rootPath.toLowerCase()}/`})`, ne(contacts.groupId, groupId)))
    .limit(1);
  return row !== undefined;
}

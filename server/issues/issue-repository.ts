import { type SQL, and, eq, sql } from 'drizzle-orm';
import type { Permissions } from '../auth/permissions';
import type { Database } from '../db/client';
import { projects } from '../db/schema/groups';
import { issueContacts, issues, notes } from '../db/schema/issues';
import { executeNamed, inlineLimit, isAnyOf, prepared } from '../db/statements';
import { searchCondition } from '../db/search-terms';
import { contacts } from '../db/schema/crm';
import { DomainError } from '../errors';
import { linkedToTierCondition } from './customer-weight-repository';
import type { Project } from '../groups/group-repository';

export type Issue = typeof issues.$inferSelect;
export type Note = typeof notes.$inferSelect;

export interface IssueInProject {
  issue: Issue;
  project: Project;
}

/** Loaders are scoped by their owner: an issue is found by project and iid, never by id alone. */
export async function findIssueByIid(db: Database, projectId: number, iid: number): Promise<Issue | null> {
  const statement = prepared(db, 'issue_by_iid', (db, name) =>
    db
      .select()
      .from(issues)
      .where(and(eq(issues.projectId, sql.placeholder('projectId')), eq(issues.iid, sql.placeholder('iid'))))
      .limit(inlineLimit(1))
      .prepare(name),
  );
  const [issue] = await statement.execute({ projectId, iid });
  return issue ?? null;
}

/** Parses GitLab's `iid: String!` argument; anything but a positive integer finds nothing. */
export function parseIid(iid: string): number | null {
  return /^\d{1,9}$/.test(iid) && Number(iid) > 0 ? Number(iid) : null;
}

/** A project the viewer can see, or the not-found error that hides whether it exists. */
export async function getReadableProjectOrThrow(permissions: Permissions, fullPath: string): Promise<Project> {
  return permissions.assertCanReadProject(await permissions.projectByPath(fullPath));
}

/** GitLab's `projectPath` + `iid` lookup, scoped by the project and hidden from non-members. */
export async function getReadableIssueOrThrow(
  db: Database,
  permissions: Permissions,
  { projectPath, iid }: { projectPath: string; iid: string },
): Promise<IssueInProject> {
  const project = await getReadableProjectOrThrow(permissions, projectPath);
  const number = parseIid(iid);
  const issue = number === null ? null : await findIssueByIid(db, project.id, number);
  if (!issue) throw new DomainError('not_found');
  return { issue, project };
}

/** An issue by its global ID (a `NoteableID`), hidden from people who cannot see its project. */
export async function getReadableIssueByIdOrThrow(db: Database, permissions: Permissions, issueId: number): Promise<IssueInProject> {
  const issue = await findIssueById(db, issueId);
  if (!issue) throw new DomainError('not_found');
  const project = await permissions.assertCanReadProject(await permissions.projectById(issue.projectId));
  return { issue, project };
}

/**
 * Locks the issue row until the transaction ends, so concurrent changes to one issue (its contacts,
 * its state) run one after the other and each sees what the previous one wrote.
 */
export async function lockIssue(tx: Database, issueId: number): Promise<Issue | null> {
  const [issue] = await tx.select().from(issues).where(eq(issues.id, issueId)).for('update');
  return issue ?? null;
}

/** Next iid of the project: the row lock taken by the UPDATE makes concurrent creates queue up. */
export async function allocateIssueIid(tx: Database, projectId: number): Promise<number> {
  const [row] = await tx
    .update(projects)
    .set({ lastIssueIid: sql`${projects.lastIssueIid} + 1` })
    .where(eq(projects.id, projectId))
    .returning({ iid: projects.lastIssueIid });
  if (!row) throw new DomainError('not_found');
  return row.iid;
}

export async function touchIssues(tx: Database, issueIds: readonly number[]): Promise<void> {
  await tx.update(issues).set({ updatedAt: sql`now()` }).where(isAnyOf(issues.id, issueIds));
}

/**
 * `clock_timestamp()` rather than the column default `now()`: notes written in one transaction (a
 * comment, then the system note its quick actions produce) keep the order they were written in.
 */
export async function insertNote(
  tx: Database,
  note: { issueId: number; authorId: number; body: string; system: boolean },
): Promise<Note> {
  const [created] = await tx
    .insert(notes)
    .values({ ...note, createdAt: sql`clock_timestamp()` })
    .returning();
  if (!created) throw new Error('Note insert returned no row');
  return created;
}

/** The same system note on each of `issueIds`, in one statement. */
export async function insertSystemNotes(tx: Database, issueIds: readonly number[], authorId: number, body: string): Promise<void> {
  if (issueIds.length === 0) return;
  await tx.insert(notes).values(issueIds.map((issueId) => ({ issueId, authorId, body, system: true, createdAt: sql`clock_timestamp()` })));
}

export async function insertIssue(
  tx: Database,
  issue: { projectId: number; iid: number; title: string; description: string | null; authorId: number },
): Promise<Issue> {
  const [created] = await tx.insert(issues).values(issue).returning();
  if (!created) throw new Error('Issue insert returned no row');
  return created;
}

export type IssuePatch = Partial<Pick<Issue, 'title' | 'description' | 'state'>> & { closedAt?: Date | null | 'now' };

/** Applies `patch` and touches `updated_at`; `closedAt: 'now'` stamps the database's clock. */
export async function updateIssueRow(tx: Database, issueId: number, patch: IssuePatch): Promise<Issue> {
  const { closedAt, ...fields } = patch;
  const [updated] = await tx
    .update(issues)
    .set({
      ...fields,
      ...(closedAt === undefined ? {} : { closedAt: closedAt === 'now' ? sql`now()` : closedAt }),
      updatedAt: sql`now()`,
    })
    .where(eq(issues.id, issueId))
    .returning();
  if (!updated) throw new DomainError('not_found');
  return updated;
}

export async function findIssueById(db: Database, issueId: number): Promise<Issue | null> {
  const [issue] = await db.select().from(issues).where(eq(issues.id, issueId)).limit(1);
  return issue ?? null;
}

/**
 * Whose issues a list shows: one project's, or those of the projects of a group (with its
 * subgroups' when asked) that satisfy `readableProjects`, a condition on the `projects` table.
 */
export type IssueListOwner =
  | { projectId: number }
  | { groupId: number; groupPath: string; includeSubgroups: boolean; readableProjects: SQL };

function ownerCondition(table: typeof issues, owner: IssueListOwner): SQL {
  if ('projectId' in owner) return sql`${table.projectId} = ${owner.projectId}`;
  const inGroup = owner.includeSubgroups
    ? sql`starts_with(lower(${projects.fullPath}), ${`${owner.groupPath.toLowerCase()}/`})`
    : sql`${projects.groupId} = ${owner.groupId}`;
  return sql`${table.projectId} in (select ${projects.id} from ${projects} where ${inGroup} and ${owner.readableProjects})`;
}

export interface IssueFilter {
  owner: IssueListOwner;
  /** A filter that cannot match (a malformed id, or one the viewer may not filter by). */
  findsNothing?: boolean;
  state?: 'opened' | 'closed' | 'locked' | 'all' | null;
  search?: string | null;
  iids?: readonly number[] | null;
  contactId?: number;
  organizationId?: number;
  /** A tier's name: issues with a linked organization in that tier. */
  customerTier?: string;
}

/** The issue list's condition on `table` (the issues table, or the alias the drizzle plugin queries). */
export function issueFilterCondition(table: typeof issues, filter: IssueFilter): SQL {
  const conditions: SQL[] = [ownerCondition(table, filter.owner)];
  if (filter.findsNothing) conditions.push(sql`false`);
  if (filter.state === 'opened' || filter.state === 'closed') conditions.push(sql`${table.state} = ${filter.state}`);
  if (filter.iids) conditions.push(filter.iids.length > 0 ? isAnyOf(table.iid, filter.iids) : sql`false`);
  const search = searchCondition(filter.search, sql`(${table.title} || ' ' || coalesce(${table.description}, ''))`, [
    sql`${table.title}`,
    sql`${table.description}`,
  ]);
  if (search) conditions.push(search);
  if (filter.contactId !== undefined) {
    conditions.push(
      sql`exists (select 1 from ${issueContacts} where ${issueContacts.issueId} = ${table.id} and ${issueContacts.contactId} = ${filter.contactId})`,
    );
  }
  if (filter.organizationId !== undefined) {
    conditions.push(
      sql`exists (select 1 from ${issueContacts} inner join ${contacts} on ${contacts.id} = ${issueContacts.contactId} where ${issueContacts.issueId} = ${table.id} and ${contacts.organizationId} = ${filter.organizationId})`,
    );
  }
  if (filter.customerTier !== undefined) conditions.push(linkedToTierCondition(table.id, filter.customerTier));
  return sql.join(conditions, sql` and `);
}

export async function countIssues(db: Database, filter: IssueFilter): Promise<number> {
  const [row] = await executeNamed(
    db
      .select({ count: sql<number>`count(*)::int` })
      .from(issues)
      .where(issueFilterCondition(issues, filter)),
    { named: !filter.search },
  );
  return row?.count ?? 0;
}

import { eq, sql } from 'drizzle-orm';
import type { Permissions } from '../auth/permissions';
import type { Database } from '../db/client';
import { projects } from '../db/schema/groups';
import { issues, notes } from '../db/schema/issues';
import { DomainError } from '../errors';
import {
  findIssueByIid,
  parseIid,
  type Issue,
  type Project,
} from '../groups/group-queries';

export type Note = typeof notes.$inferSelect;

export interface IssueInProject {
  issue: Issue;
  project: Project;
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

export async function touchIssue(tx: Database, issueId: number): Promise<void> {
  await tx.update(issues).set({ updatedAt: sql`now()` }).where(eq(issues.id, issueId));
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

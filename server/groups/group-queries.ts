import { and, eq, sql } from 'drizzle-orm';
import { DomainError } from '../errors';
import type { Database } from '../db/client';
import { groups, projects } from '../db/schema/groups';
import { issues } from '../db/schema/issues';
import { inlineLimit, prepared } from '../db/statements';

export type Group = typeof groups.$inferSelect;
export type Project = typeof projects.$inferSelect;
export type Issue = typeof issues.$inferSelect;

export async function findGroupByFullPath(db: Database, fullPath: string): Promise<Group | null> {
  const [group] = await db
    .select()
    .from(groups)
    .where(sql`lower(${groups.fullPath}) = ${fullPath.toLowerCase()}`)
    .limit(1);
  return group ?? null;
}

export async function findProjectByFullPath(db: Database, fullPath: string): Promise<Project | null> {
  const [project] = await db
    .select()
    .from(projects)
    .where(sql`lower(${projects.fullPath}) = ${fullPath.toLowerCase()}`)
    .limit(1);
  return project ?? null;
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

export async function findGroupById(db: Database, id: number): Promise<Group | null> {
  const [group] = await db.select().from(groups).where(eq(groups.id, id)).limit(1);
  return group ?? null;
}

/** The group with this id, or the not-found domain error (which hides whether it exists). */
export async function getGroupOrThrow(db: Database, id: number): Promise<Group> {
  const group = await findGroupById(db, id);
  if (!group) throw new DomainError('not_found');
  return group;
}

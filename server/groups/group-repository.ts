import { eq, sql } from 'drizzle-orm';
import { DomainError } from '../errors';
import type { Database } from '../db/client';
import { groups, projects } from '../db/schema/groups';

export type Group = typeof groups.$inferSelect;
export type Project = typeof projects.$inferSelect;

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

import { eq, sql } from 'drizzle-orm';
import { DomainError } from '../errors';
import type { Database } from '../db/client';
import { groupCrmSettings, groups, projects } from '../db/schema/groups';

export type Group = typeof groups.$inferSelect;
export type Project = typeof projects.$inferSelect;
export type CrmSettingsRow = typeof groupCrmSettings.$inferSelect;

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

/** A group's stored CRM setting with its source group; null when none was ever saved. */
export async function findCrmSettings(db: Database, groupId: number): Promise<{ enabled: boolean; source: Group | null } | null> {
  const [row] = await db
    .select({ enabled: groupCrmSettings.enabled, source: groups })
    .from(groupCrmSettings)
    .leftJoin(groups, eq(groups.id, groupCrmSettings.sourceGroupId))
    .where(eq(groupCrmSettings.groupId, groupId))
    .limit(1);
  return row ?? null;
}

/**
 * The group's CRM setting row, created with the defaults if missing and locked until the
 * transaction ends: concurrent changes of one group's setting run one after the other.
 */
export async function lockCrmSettings(tx: Database, groupId: number): Promise<CrmSettingsRow | null> {
  await tx.insert(groupCrmSettings).values({ groupId }).onConflictDoNothing();
  const [row] = await tx.select().from(groupCrmSettings).where(eq(groupCrmSettings.groupId, groupId)).for('update');
  return row ?? null;
}

export async function saveCrmSettings(tx: Database, groupId: number, values: { enabled: boolean; sourceGroupId: number | null }): Promise<void> {
  await tx.update(groupCrmSettings).set(values).where(eq(groupCrmSettings.groupId, groupId));
}

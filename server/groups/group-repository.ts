import { type SQL, and, asc, eq, exists, sql } from 'drizzle-orm';
import { isAnyOf } from '../db/statements';
import { DomainError } from '../errors';
import type { Database } from '../db/client';
import { groupCrmSettings, groups, members, projects } from '../db/schema/groups';
import { users } from '../db/schema/users';

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

export type User = typeof users.$inferSelect;

/** The user is a member of the group or of one of its ancestors (GitLab's inherited membership). */
function memberOfGroup(group: { fullPath: string }) {
  const path = group.fullPath.toLowerCase();
  return exists(
    sql`(select 1 from ${members} inner join ${groups} on ${groups.id} = ${members.groupId}
      where ${members.userId} = ${users.id}
        and (lower(${groups.fullPath}) = ${path} or starts_with(${path}, lower(${groups.fullPath}) || '/')))`,
  );
}

/** Whether the user is a direct or inherited member of the group. */
export async function isGroupMember(db: Database, group: { fullPath: string }, userId: number): Promise<boolean> {
  const [row] = await db.select({ id: users.id }).from(users).where(and(eq(users.id, userId), memberOfGroup(group)));
  return row !== undefined;
}

/** The group's direct and inherited members' ids and usernames, as a subquery for set-based writers (the CSV import). */
export function groupMemberUsernames(group: { fullPath: string }): SQL {
  return sql`select ${users.id} as id, ${users.username} as username from ${users} where ${memberOfGroup(group)}`;
}

/** The group's direct and inherited members, by name. */
export async function listGroupMembers(db: Database, group: { fullPath: string }): Promise<User[]> {
  return db.select().from(users).where(memberOfGroup(group)).orderBy(asc(users.name), asc(users.id));
}

/** Users by id, in one statement (the account owners of a page of organizations). */
export async function usersByIds(db: Database, ids: readonly number[]): Promise<User[]> {
  return db.select().from(users).where(isAnyOf(users.id, ids));
}

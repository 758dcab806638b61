import { type SQL, type SQLWrapper, and, eq, getColumns, isNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Database } from '../db/client';
import { prepared } from '../db/statements';
import { accessLevels, groupCrmSettings, groups, members, projects } from '../db/schema/groups';

export type GroupRow = typeof groups.$inferSelect;
export type ProjectRow = typeof projects.$inferSelect;

/** What one access statement tells about a group or project besides its row. */
export interface AccessFacts {
  /** The viewer's highest membership level there (inherited from ancestor groups), null if none. */
  level: number | null;
  /** The root group's id (null if the root is missing) and its CRM setting as stored (null: defaults). */
  crmRootId: number | null;
  crmEnabled: boolean | null;
  crmSourceGroupId: number | null;
  /** The CRM group's full path: the source group's when set, else the root's. */
  crmGroupPath: string | null;
  /** The viewer's level in the CRM group itself, which contact details are gated on. */
  crmGroupLevel: number | null;
}

const memberGroups = alias(groups, 'member_groups');
/** In a `sql` template an alias renders as its bare name, so the FROM item is spelled out. */
const memberGroupsTable = sql`${groups} as ${sql.identifier('member_groups')}`;
const crmRoots = alias(groups, 'crm_roots');
const crmSources = alias(groups, 'crm_sources');
const userId = sql.placeholder('userId');

/** `path` lies under (or is) the member group's path: the membership reaches it. */
function reachedBy(path: SQL, includeSelf: boolean): SQL {
  const below = sql`starts_with(${path}, lower(${memberGroups.fullPath}) || '/')`;
  return includeSelf ? sql`(${path} = lower(${memberGroups.fullPath}) or ${below})` : below;
}

const groupLevel = sql<number | null>`(select max(${members.accessLevel}) from ${members}
  inner join ${memberGroupsTable} on ${memberGroups.id} = ${members.groupId}
  where ${members.userId} = ${userId} and ${reachedBy(sql`lower(${groups.fullPath})`, true)})`;

const projectLevel = sql<number | null>`(select max(${members.accessLevel}) from ${members}
  left join ${memberGroupsTable} on ${memberGroups.id} = ${members.groupId}
  where ${members.userId} = ${userId} and (${members.projectId} = ${projects.id} or ${reachedBy(sql`lower(${projects.fullPath})`, false)}))`;

const crmGroupPath = sql<string | null>`coalesce(${crmSources.fullPath}, ${crmRoots.fullPath})`;

const crmGroupLevel = sql<number | null>`(select max(${members.accessLevel}) from ${members}
  inner join ${memberGroupsTable} on ${memberGroups.id} = ${members.groupId}
  where ${members.userId} = ${userId} and ${reachedBy(sql`lower(${crmGroupPath})`, true)})`;

const crmFacts = {
  crmRootId: crmRoots.id,
  crmEnabled: groupCrmSettings.enabled,
  crmSourceGroupId: groupCrmSettings.sourceGroupId,
  crmGroupPath,
  crmGroupLevel,
};

/** The root group of `path` (its first segment) and its CRM setting. */
function rootOf(path: SQL): SQL | undefined {
  return and(isNull(crmRoots.parentId), sql`lower(${crmRoots.fullPath}) = split_part(${path}, '/', 1)`);
}

function groupAccessQuery(db: Database, where: SQL) {
  return db
    .select({ ...getColumns(groups), level: groupLevel, ...crmFacts })
    .from(groups)
    .leftJoin(crmRoots, rootOf(sql`lower(${groups.fullPath})`))
    .leftJoin(groupCrmSettings, eq(groupCrmSettings.groupId, crmRoots.id))
    .leftJoin(crmSources, eq(crmSources.id, groupCrmSettings.sourceGroupId))
    .where(where);
}

const byPath = (column: typeof groups.fullPath | typeof projects.fullPath) => sql`lower(${column}) = ${sql.placeholder('path')}`;

/**
 * Group by full path (any case), the viewer's level in it and its root's CRM setting, in one
 * statement: everything a permission check on the group needs.
 */
export async function groupAccessByPath(db: Database, viewerId: number | null, fullPath: string): Promise<(GroupRow & AccessFacts) | null> {
  const statement = prepared(db, 'group_access_by_path', (db, name) => groupAccessQuery(db, byPath(groups.fullPath)).prepare(name));
  const [row] = await statement.execute({ userId: viewerId, path: fullPath.toLowerCase() });
  return row ?? null;
}

/** `groupAccessByPath` for many groups by id (records carry their group's id). */
export function groupAccessByIds(db: Database, viewerId: number | null, ids: readonly number[]): Promise<(GroupRow & AccessFacts)[]> {
  const statement = prepared(db, 'group_access_by_ids', (db, name) =>
    groupAccessQuery(db, sql`${groups.id} = any(${sql.placeholder('ids')})`).prepare(name),
  );
  return statement.execute({ userId: viewerId, ids });
}

function projectAccessQuery(db: Database, where: SQL) {
  return db
    .select({ ...getColumns(projects), level: projectLevel, ...crmFacts })
    .from(projects)
    .leftJoin(crmRoots, rootOf(sql`lower(${projects.fullPath})`))
    .leftJoin(groupCrmSettings, eq(groupCrmSettings.groupId, crmRoots.id))
    .leftJoin(crmSources, eq(crmSources.id, groupCrmSettings.sourceGroupId))
    .where(where);
}

/** Project by full path (any case), the viewer's level in it and its root group's CRM setting, in one statement. */
export async function projectAccessByPath(
  db: Database,
  viewerId: number | null,
  fullPath: string,
): Promise<(ProjectRow & AccessFacts) | null> {
  const statement = prepared(db, 'project_access_by_path', (db, name) => projectAccessQuery(db, byPath(projects.fullPath)).prepare(name));
  const [row] = await statement.execute({ userId: viewerId, path: fullPath.toLowerCase() });
  return row ?? null;
}

/** `projectAccessByPath` for many projects by id (issues carry their project's id). */
export function projectAccessByIds(db: Database, viewerId: number | null, ids: readonly number[]): Promise<(ProjectRow & AccessFacts)[]> {
  const statement = prepared(db, 'project_access_by_ids', (db, name) =>
    projectAccessQuery(db, sql`${projects.id} = any(${sql.placeholder('ids')})`).prepare(name),
  );
  return statement.execute({ userId: viewerId, ids });
}

/**
 * The groups `user` may open, as a condition on the `groups` table of the query it is used in: a
 * membership of the group or of one of its ancestors; every group for an admin. `fullPath` is the
 * group's column as that query names it.
 */
export function groupsReadableBy(user: { id: number; admin: boolean } | null, fullPath: SQLWrapper = groups.fullPath): SQL {
  if (!user) return sql`false`;
  if (user.admin) return sql`true`;
  return sql`exists (select 1 from ${members} inner join ${memberGroupsTable} on ${memberGroups.id} = ${members.groupId}
    where ${members.userId} = ${user.id} and ${members.accessLevel} >= ${accessLevels.guest}
    and ${reachedBy(sql`lower(${fullPath})`, true)})`;
}

/**
 * The projects `user` may read, as a condition on the `projects` table of the query it is used in:
 * a membership of the project or of one of its ancestor groups.
 */
export function projectsReadableBy(user: { id: number; admin: boolean } | null): SQL {
  if (!user) return sql`false`;
  if (user.admin) return sql`true`;
  return sql`exists (select 1 from ${members} left join ${groups} on ${groups.id} = ${members.groupId}
    where ${members.userId} = ${user.id} and ${members.accessLevel} >= ${accessLevels.guest}
    and (${members.projectId} = ${projects.id}
      or starts_with(lower(${projects.fullPath}), lower(${groups.fullPath}) || '/')))`;
}

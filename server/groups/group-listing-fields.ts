import { type SQL, and, sql } from 'drizzle-orm';
import { members } from '../db/schema/groups';
import { builder } from '../graphql/builder';
import { UserRef } from '../users/user-type';
import { GroupRef } from './group-type';
import { ProjectRef } from './project-type';

/**
 * Lists that lead from one namespace to the next: a group's subgroups and projects, and the current
 * user's groups. Names and arguments follow GitLab's schema.
 *
 * No per-row permission checks are needed below a group: access is inherited down the group tree, so
 * whoever can see a group (its resolver checked) can see every subgroup and project under it.
 */

export const GroupConnectionRef = builder.connectionObject(
  { type: GroupRef, name: 'GroupConnection', description: 'The connection type for Group.' },
  { name: 'GroupEdge' },
);

export const ProjectConnectionRef = builder.connectionObject(
  { type: ProjectRef, name: 'ProjectConnection', description: 'The connection type for Project.' },
  { name: 'ProjectEdge' },
);

/** `lower(full_path)` starts with `prefix/`: the namespaces below one group. */
function below(fullPath: SQL, ancestorPath: string): SQL {
  return sql`starts_with(lower(${fullPath}), ${`${ancestorPath.toLowerCase()}/`})`;
}

builder.drizzleObjectFields(GroupRef, (t) => ({
  descendantGroups: t.drizzleConnection(
    {
      type: GroupRef,
      description: 'List of descendant groups of this group.',
      args: {
        includeParentDescendants: t.arg.boolean({
          defaultValue: true,
          description: 'List of descendant groups of the parent group.',
        }),
      },
      resolve: (query, group, args, context) =>
        context.db.query.groups.findMany(
          query({
            where: {
              RAW: (table) =>
                args.includeParentDescendants === false
                  ? sql`${table.parentId} = ${group.id}`
                  : below(sql`${table.fullPath}`, group.fullPath),
            },
            orderBy: { name: 'asc' },
          }),
        ),
    },
    GroupConnectionRef,
  ),
  projects: t.drizzleConnection(
    {
      type: ProjectRef,
      description: 'Projects within this namespace.',
      args: {
        includeSubgroups: t.arg.boolean({ defaultValue: false, description: 'Include also subgroup projects.' }),
      },
      resolve: (query, group, args, context) =>
        context.db.query.projects.findMany(
          query({
            where: {
              RAW: (table) =>
                args.includeSubgroups
                  ? sql`(${table.groupId} = ${group.id} or ${below(sql`${table.fullPath}`, group.fullPath)})`
                  : sql`${table.groupId} = ${group.id}`,
            },
            orderBy: { name: 'asc' },
          }),
        ),
    },
    ProjectConnectionRef,
  ),
}));

/** One of `columns` holds the search, in any case; no condition for an empty search. */
function anyHolds(columns: unknown[], search: string | null | undefined): SQL | undefined {
  const term = search?.trim().toLowerCase();
  if (!term) return undefined;
  return sql`(${sql.join(
    columns.map((column) => sql`strpos(lower(${column}), ${term}) > 0`),
    sql` or `,
  )})`;
}

builder.queryField('groups', (t) =>
  t.drizzleConnection(
    {
      type: GroupRef,
      nullable: true,
      description: 'Find groups visible to the current user (every group for an admin). Rapport orders them by full path, so subgroups follow their parent.',
      args: {
        search: t.arg.string({ description: 'Search query for group name or group full path.' }),
        topLevelOnly: t.arg.boolean({ defaultValue: false, description: 'Only include top-level groups.' }),
      },
      resolve: (query, _root, args, context) =>
        context.db.query.groups.findMany(
          query({
            where: {
              RAW: (table) =>
                and(
                  context.permissions.readableGroupsCondition(table.fullPath),
                  args.topLevelOnly ? sql`${table.parentId} is null` : undefined,
                  anyHolds([table.name, table.fullPath], args.search),
                )!,
            },
            orderBy: { fullPath: 'asc', id: 'asc' },
          }),
        ),
    },
    GroupConnectionRef,
  ),
);

builder.objectFields(UserRef, (t) => ({
  groups: t.drizzleConnection(
    {
      type: GroupRef,
      nullable: true,
      description:
        'Groups where the user is a member. Rapport lists them only for the current user (anyone else gets an empty list), so memberships never leak.',
      args: { search: t.arg.string({ description: 'Search by group name or path.' }) },
      resolve: (query, user, args, context) => {
        const userId = context.viewer.user?.id === user.id ? user.id : -1;
        return context.db.query.groups.findMany(
          query({
            where: {
              RAW: (table) =>
                and(sql`${table.id} in (select ${members.groupId} from ${members} where ${members.userId} = ${userId})`, anyHolds([table.name, table.path], args.search))!,
            },
            orderBy: { name: 'asc' },
          }),
        );
      },
    },
    GroupConnectionRef,
  ),
}));

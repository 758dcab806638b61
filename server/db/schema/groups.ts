import { sql } from 'drizzle-orm';
import { snakeCase } from 'drizzle-orm/pg-core';
import { boolean, check, index, integer, text, timestamp, uniqueIndex, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { users } from './users';

export const groups = snakeCase.table(
  'groups',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    parentId: integer().references((): AnyPgColumn => groups.id, { onDelete: 'cascade' }),
    path: text().notNull(),
    name: text().notNull(),
    fullPath: text().notNull(),
    description: text().notNull().default(''),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('groups_full_path_lower_idx').on(sql`lower(${t.fullPath})`),
    uniqueIndex('groups_sibling_path_idx').on(sql`coalesce(${t.parentId}, 0)`, sql`lower(${t.path})`),
    index('groups_parent_id_idx').on(t.parentId),
    check('groups_path_format', sql`${t.path} ~ '^[A-Za-z0-9_.-]{2,255}$'`),
    check('groups_name_length', sql`char_length(${t.name}) between 1 and 255`),
  ],
);

export const groupCrmSettings = snakeCase.table(
  'group_crm_settings',
  {
    groupId: integer()
      .primaryKey()
      .references(() => groups.id, { onDelete: 'cascade' }),
    enabled: boolean().notNull().default(true),
    sourceGroupId: integer().references(() => groups.id, { onDelete: 'set null' }),
    // ISO 4217 code of the group's organizations' annualRevenue (issue 15).
    currency: text().notNull().default('USD'),
  },
  (t) => [check('group_crm_settings_currency', sql`${t.currency} ~ '^[A-Z]{3}$'`)],
);

export const projects = snakeCase.table(
  'projects',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    groupId: integer()
      .notNull()
      .references(() => groups.id, { onDelete: 'cascade' }),
    path: text().notNull(),
    name: text().notNull(),
    fullPath: text().notNull(),
    description: text().notNull().default(''),
    lastIssueIid: integer().notNull().default(0),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('projects_full_path_lower_idx').on(sql`lower(${t.fullPath})`),
    index('projects_group_id_idx').on(t.groupId),
    check('projects_path_format', sql`${t.path} ~ '^[A-Za-z0-9_.-]{2,255}$'`),
  ],
);

/** Access levels as GitLab numbers them. */
export const accessLevels = {
  guest: 10,
  planner: 15,
  reporter: 20,
  developer: 30,
  maintainer: 40,
  owner: 50,
} as const;

export const members = snakeCase.table(
  'members',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    userId: integer()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    groupId: integer().references(() => groups.id, { onDelete: 'cascade' }),
    projectId: integer().references(() => projects.id, { onDelete: 'cascade' }),
    accessLevel: integer().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('members_user_group_idx').on(t.userId, t.groupId),
    uniqueIndex('members_user_project_idx').on(t.userId, t.projectId),
    index('members_group_id_idx').on(t.groupId),
    index('members_project_id_idx').on(t.projectId),
    check('members_one_source', sql`(${t.groupId} is null) <> (${t.projectId} is null)`),
    check('members_access_level', sql`${t.accessLevel} in (10, 15, 20, 30, 40, 50)`),
  ],
);

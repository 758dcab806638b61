import { type SQL, and, eq, inArray, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { customerRelationsEnabled } from '../config';
import type { Database } from '../db/client';
import { accessLevels, groupCrmSettings, groups, members, projects } from '../db/schema/groups';
import DataLoader from 'dataloader';
import { accessCache, type AccessSource, groupAccess, projectAccess } from './access-cache';
import type { AccessFacts, GroupRow, ProjectRow } from './access-queries';
import type { User, Viewer } from './viewer';

type Level = number;

/** Admins can do everything: they rank above Owner. */
const adminLevel = accessLevels.owner + 10;
const noAccess = 0;

export interface GroupRef {
  id: number;
  fullPath: string;
}

export interface ProjectRef {
  id: number;
  fullPath: string;
}

export interface CrmSetting {
  rootGroupId: number;
  enabled: boolean;
  /** The group whose contacts and organizations serve every group and project under the root. */
  crmGroupId: number;
  crmGroupPath: string;
}

const sourceGroups = alias(groups, 'source_groups');

function rootPathOf(fullPath: string): string {
  return fullPath.toLowerCase().split('/')[0] ?? '';
}

function ancestorPaths(fullPath: string, includeSelf: boolean): string[] {
  const segments = fullPath.toLowerCase().split('/');
  const count = includeSelf ? segments.length : segments.length - 1;
  return Array.from({ length: count }, (_, index) => segments.slice(0, index + 1).join('/'));
}

/**
 * Mutations need a signed-in viewer whose token has the `api` scope; a session grants it. Checked
 * once, before any mutation runs (`graphql/operation-guard.ts`).
 */
export function viewerCanWrite(viewer: Viewer): boolean {
  return viewer.user !== null && viewer.scopes.includes('api');
}

/**
 * The one policy module (SPEC §3): every page, query and mutation asks it. Lookups are memoized for
 * the life of one request, so listing 50 issues of one project costs one membership query; a group
 * or project looked up through it (`groupByPath`, `projectByPath`, `groupsByIds`) brings the
 * viewer's level and the CRM setting along in the same statement, which the access cache spares
 * for a few seconds across requests (`access-cache.ts`).
 */
export class Permissions {
  private readonly groupLevels = new Map<number, Promise<Level>>();
  private readonly projectLevels = new Map<number, Promise<Level>>();
  private readonly crmSettings = new Map<string, Promise<CrmSetting | null>>();
  private readonly groupsByPath = new Map<string, Promise<GroupRow | null>>();
  private readonly projectsByPath = new Map<string, Promise<ProjectRow | null>>();
  private readonly groupsById = new DataLoader<number, GroupRow | null>(async (ids) => {
    const rows = await accessCache().byIds(groupAccess, this.db, this.user?.id ?? null, ids);
    return rows.map((row) => row && this.remember(row, this.groupLevels));
  });
  private readonly projectsById = new DataLoader<number, ProjectRow | null>(async (ids) => {
    const rows = await accessCache().byIds(projectAccess, this.db, this.user?.id ?? null, ids);
    return rows.map((row) => row && this.remember(row, this.projectLevels));
  });
  private crmFeature: boolean | undefined;

  constructor(
    private readonly db: Database,
    readonly user: User | null,
  ) {}

  get isAdmin(): boolean {
    return this.user?.admin === true;
  }

  /** The instance-wide feature flag, read once per request (tests flip it between requests). */
  get crmFeatureEnabled(): boolean {
    this.crmFeature ??= customerRelationsEnabled();
    return this.crmFeature;
  }

  /** The group at `fullPath` (any case), or null; its level and CRM setting are then known too. */
  groupByPath(fullPath: string): Promise<GroupRow | null> {
    return this.lookUpByPath(fullPath, this.groupsByPath, groupAccess, this.groupLevels, this.groupsById);
  }

  /** The project at `fullPath` (any case), or null; its level and CRM setting are then known too. */
  projectByPath(fullPath: string): Promise<ProjectRow | null> {
    return this.lookUpByPath(fullPath, this.projectsByPath, projectAccess, this.projectLevels, this.projectsById);
  }

  /**
   * At most one access statement per path and request, none while the access cache holds the path;
   * the row found is then known by id as well.
   */
  private lookUpByPath<T extends { id: number; fullPath: string }>(
    fullPath: string,
    memo: Map<string, Promise<T | null>>,
    source: AccessSource<T>,
    levels: Map<number, Promise<Level>>,
    byId: DataLoader<number, T | null>,
  ): Promise<T | null> {
    const key = fullPath.toLowerCase();
    let record = memo.get(key);
    if (!record) {
      record = accessCache().byPath(source, this.db, this.user?.id ?? null, key).then((row) => {
        if (!row) return null;
        const found = this.remember(row, levels);
        byId.prime(found.id, found);
        return found;
      });
      memo.set(key, record);
    }
    return record;
  }

  /**
   * The project with this id (issues carry it), batched and memoized: the project of every issue in
   * a list comes from the request's first lookup, by path or by id.
   */
  projectById(id: number): Promise<ProjectRow | null> {
    return this.projectsById.load(id);
  }

  /**
   * The group with this id (CRM records carry it), batched and memoized like `projectById`: a group
   * already looked up by path costs nothing more.
   */
  groupById(id: number): Promise<GroupRow | null> {
    return this.groupsById.load(id);
  }

  /** Keeps the facts an access statement brought along, and returns the bare row. */
  private remember<T extends { id: number; fullPath: string }>(row: T & AccessFacts, levels: Map<number, Promise<Level>>): T {
    const { level, crmRootId, crmEnabled, crmSourceGroupId, crmGroupPath, crmGroupLevel, ...record } = row;
    if (!levels.has(record.id)) levels.set(record.id, Promise.resolve(this.levelFrom(level)));
    const crmGroupId = crmSourceGroupId ?? crmRootId;
    if (crmGroupId !== null && !this.groupLevels.has(crmGroupId)) this.groupLevels.set(crmGroupId, Promise.resolve(this.levelFrom(crmGroupLevel)));
    const rootPath = rootPathOf(record.fullPath);
    if (!this.crmSettings.has(rootPath)) {
      const setting =
        crmRootId === null || crmGroupPath === null
          ? null
          : { rootGroupId: crmRootId, enabled: crmEnabled ?? true, crmGroupId: crmSourceGroupId ?? crmRootId, crmGroupPath };
      this.crmSettings.set(rootPath, Promise.resolve(setting));
    }
    return record as unknown as T;
  }

  private levelFrom(memberLevel: number | null): Level {
    if (!this.user) return noAccess;
    if (this.user.admin) return adminLevel;
    return Number(memberLevel ?? noAccess);
  }

  accessLevelInGroup(group: GroupRef): Promise<Level> {
    let level = this.groupLevels.get(group.id);
    if (!level) {
      level = this.highestLevel(ancestorPaths(group.fullPath, true), null);
      this.groupLevels.set(group.id, level);
    }
    return level;
  }

  accessLevelInProject(project: ProjectRef): Promise<Level> {
    let level = this.projectLevels.get(project.id);
    if (!level) {
      level = this.highestLevel(ancestorPaths(project.fullPath, false), project.id);
      this.projectLevels.set(project.id, level);
    }
    return level;
  }

  private async highestLevel(groupPaths: string[], projectId: number | null): Promise<Level> {
    if (!this.user || this.user.admin) return this.levelFrom(null);
    const inGroups = and(
      eq(members.groupId, groups.id),
      inArray(sql`lower(${groups.fullPath})`, groupPaths),
    );
    const [row] = await this.db
      .select({ level: sql<number | null>`max(${members.accessLevel})` })
      .from(members)
      .leftJoin(groups, eq(groups.id, members.groupId))
      .where(
        and(eq(members.userId, this.user.id), projectId === null ? inGroups : or(inGroups, eq(members.projectId, projectId))),
      );
    return Number(row?.level ?? noAccess);
  }

  /** The CRM setting of the root group above `fullPath` (a group's or a project's). */
  crmSettingFor(fullPath: string): Promise<CrmSetting | null> {
    const rootPath = rootPathOf(fullPath);
    let setting = this.crmSettings.get(rootPath);
    if (!setting) {
      setting = this.loadCrmSetting(rootPath);
      this.crmSettings.set(rootPath, setting);
    }
    return setting;
  }

  private async loadCrmSetting(rootPath: string): Promise<CrmSetting | null> {
    const [row] = await this.db
      .select({ id: groups.id, fullPath: groups.fullPath, enabled: groupCrmSettings.enabled, source: { id: sourceGroups.id, fullPath: sourceGroups.fullPath } })
      .from(groups)
      .leftJoin(groupCrmSettings, eq(groupCrmSettings.groupId, groups.id))
      .leftJoin(sourceGroups, eq(sourceGroups.id, groupCrmSettings.sourceGroupId))
      .where(and(sql`lower(${groups.fullPath}) = ${rootPath}`, sql`${groups.parentId} is null`))
      .limit(1);
    if (!row) return null;
    const crmGroup = row.source ?? row;
    return { rootGroupId: row.id, enabled: row.enabled ?? true, crmGroupId: crmGroup.id, crmGroupPath: crmGroup.fullPath };
  }

  async canReadGroup(group: GroupRef): Promise<boolean> {
    return (await this.accessLevelInGroup(group)) >= accessLevels.guest;
  }

  async canReadProject(project: ProjectRef): Promise<boolean> {
    return (await this.accessLevelInProject(project)) >= accessLevels.guest;
  }

  /**
   * `canReadProject` for many projects at once: an SQL condition on the `projects` table of the
   * query it is used in (a membership of the project or of one of its ancestor groups).
   */
  readableProjectsCondition(): SQL {
    if (!this.user) return sql`false`;
    if (this.user.admin) return sql`true`;
    return sql`exists (select 1 from ${members} left join ${groups} on ${groups.id} = ${members.groupId}
      where ${members.userId} = ${this.user.id} and ${members.accessLevel} >= ${accessLevels.guest}
      and (${members.projectId} = ${projects.id}
        or starts_with(lower(${projects.fullPath}), lower(${groups.fullPath}) || '/')))`;
  }

  /** CRM is usable under this path: the feature flag is on and the root group has CRM enabled. */
  async crmEnabledFor(fullPath: string): Promise<CrmSetting | null> {
    if (!this.crmFeatureEnabled) return null;
    const setting = await this.crmSettingFor(fullPath);
    return setting?.enabled ? setting : null;
  }

  /** Whether `group` is a CRM group (it holds contacts) with CRM enabled. */
  async isCrmGroup(group: GroupRef): Promise<boolean> {
    const setting = await this.crmEnabledFor(group.fullPath);
    return setting?.crmGroupId === group.id;
  }

  async canReadCrm(group: GroupRef): Promise<boolean> {
    return (await this.isCrmGroup(group)) && (await this.accessLevelInGroup(group)) >= accessLevels.planner;
  }

  async canAdminCrm(group: GroupRef): Promise<boolean> {
    return (await this.isCrmGroup(group)) && (await this.accessLevelInGroup(group)) >= accessLevels.developer;
  }

  async canDeleteCrm(group: GroupRef): Promise<boolean> {
    return (await this.isCrmGroup(group)) && (await this.accessLevelInGroup(group)) >= accessLevels.maintainer;
  }

  /**
   * One rule for every field that shows contact or organization details (an issue's contacts, the
   * hover card, the picker's candidates, the customer filters): the viewer reads the CRM group
   * itself, Planner or Reporter there (GitLab's `can_read_crm_contacts`). A role in a subgroup or
   * project only is not enough, just as it shows nothing in `Group.contacts`.
   */
  async canReadIssueContacts(project: ProjectRef): Promise<boolean> {
    const setting = await this.crmEnabledFor(project.fullPath);
    return setting !== null && (await this.accessLevelInGroup({ id: setting.crmGroupId, fullPath: setting.crmGroupPath })) >= accessLevels.planner;
  }

  /** GitLab lets Guests open issues and comment on the projects they can see. */
  async canCreateIssue(project: ProjectRef): Promise<boolean> {
    return this.canReadProject(project);
  }

  async canCreateNote(project: ProjectRef): Promise<boolean> {
    return this.canReadProject(project);
  }

  /** Edit, close or reopen: Planner and above, or the issue's author (GitLab's `update_issue`). */
  async canUpdateIssue(project: ProjectRef, issue: { authorId: number }): Promise<boolean> {
    const level = await this.accessLevelInProject(project);
    if (level >= accessLevels.planner) return true;
    return level >= accessLevels.guest && this.user?.id === issue.authorId;
  }

  /** Developer on the issue's project, and a reader of its contacts (GitLab's `set_issue_crm_contacts`). */
  async canSetIssueContacts(project: ProjectRef): Promise<boolean> {
    return (await this.accessLevelInProject(project)) >= accessLevels.developer && (await this.canReadIssueContacts(project));
  }
}

import DataLoader from 'dataloader';
import { customerRelationsEnabled } from '../config';
import type { Database } from '../db/client';
import { accessLevels } from '../db/schema/groups';
import { accessCache, type AccessSource, groupAccess, projectAccess } from './access-cache';
import type { AccessFacts, GroupRow, ProjectRow } from './access-queries';
import type { User } from './viewer';

export type Level = number;

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

function rootPathOf(fullPath: string): string {
  return fullPath.toLowerCase().split('/')[0] ?? '';
}

/**
 * What the policy (`permissions.ts`) decides on, looked up once per request: groups and projects,
 * the viewer's level in them and their root group's CRM setting. Every lookup goes through the
 * access cache (`access-cache.ts`), whose one statement brings all three along, so listing 50 issues
 * of one project costs at most one access statement, and none while the cache holds the project.
 */
export class AccessLookups {
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
    protected readonly db: Database,
    readonly user: User | null,
  ) {}

  /** The instance-wide feature flag, read once per request (tests flip it between requests). */
  protected get crmFeatureEnabled(): boolean {
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

  protected accessLevelInGroup(group: GroupRef): Promise<Level> {
    return this.levelOf(group.id, this.groupLevels, this.groupsById);
  }

  protected accessLevelInProject(project: ProjectRef): Promise<Level> {
    return this.levelOf(project.id, this.projectLevels, this.projectsById);
  }

  /** The level an access lookup of the record brought along; anonymous viewers and admins need none. */
  private async levelOf<T>(id: number, levels: Map<number, Promise<Level>>, byId: DataLoader<number, T | null>): Promise<Level> {
    if (!this.user || this.user.admin) return this.levelFrom(null);
    const known = levels.get(id);
    if (known) return known;
    await byId.load(id);
    return levels.get(id) ?? noAccess;
  }

  /** The CRM setting of the root group above `fullPath` (a group's or a project's). */
  private async crmSettingFor(fullPath: string): Promise<CrmSetting | null> {
    const rootPath = rootPathOf(fullPath);
    const known = this.crmSettings.get(rootPath);
    if (known) return known;
    // The root group's access lookup brings its CRM setting along.
    await this.groupByPath(rootPath);
    return this.crmSettings.get(rootPath) ?? null;
  }

  /** CRM is usable under this path: the feature flag is on and the root group has CRM enabled. */
  async crmEnabledFor(fullPath: string): Promise<CrmSetting | null> {
    if (!this.crmFeatureEnabled) return null;
    const setting = await this.crmSettingFor(fullPath);
    return setting?.enabled ? setting : null;
  }
}

import { type SQL, sql } from 'drizzle-orm';
import { accessLevels, groups, members, projects } from '../db/schema/groups';
import { AccessLookups, type GroupRef, type ProjectRef } from './access-lookups';
import type { Viewer } from './viewer';

/**
 * Mutations need a signed-in viewer whose token has the `api` scope; a session grants it. Checked
 * once, before any mutation runs (`graphql/operation-guard.ts`).
 */
export function viewerCanWrite(viewer: Viewer): boolean {
  return viewer.user !== null && viewer.scopes.includes('api');
}

/**
 * The one policy module (SPEC §3): every page, query and mutation asks it, and it asks nothing but
 * the request's access lookups (`access-lookups.ts`), memoized for the request and cached across
 * requests.
 */
export class Permissions extends AccessLookups {
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

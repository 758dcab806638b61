import type { SQL, SQLWrapper } from 'drizzle-orm';
import { accessLevels } from '../db/schema/groups';
import { DomainError } from '../errors';
import { AccessLookups, type GroupRef, type Level, type ProjectRef } from './access-lookups';
import { groupsReadableBy, projectsReadableBy } from './access-queries';
import type { Viewer } from './viewer';

/**
 * Why the policy refused: `not_found` hides whether the thing exists at all (GitLab's "does not
 * exist or you don't have permission"); `feature_disabled` tells a viewer who can see the group or
 * project that customer relations are off there. `graphql/errors.ts` turns either into GitLab's
 * top-level error, and the contact quick actions into their messages.
 */
export type Refusal = 'not_found' | 'feature_disabled';

/** The one way a refusal leaves the policy. */
function refuse(refusal: Refusal): never {
  throw new DomainError(refusal);
}

/** A refused CRM action: "Feature disabled" for a viewer who sees the place while CRM is off there. */
async function crmRefusal(crmOff: boolean, visible: () => Promise<boolean>): Promise<Refusal> {
  return crmOff && (await visible()) ? 'feature_disabled' : 'not_found';
}

/**
 * A token's mutations need the `api` scope (a session grants it). Checked once, before any mutation
 * runs (`graphql/operation-guard.ts`); an anonymous viewer is refused by each mutation's own rule, so
 * its answer keeps GitLab's shape (`data: { field: null }` beside the error).
 */
export function tokenCanWrite(viewer: Viewer): boolean {
  return viewer.via !== 'token' || viewer.scopes.includes('api');
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

  /** The project, when the viewer can see it; otherwise (and for none) the not-found refusal. */
  async assertCanReadProject<T extends ProjectRef>(project: T | null): Promise<T> {
    if (!project || !(await this.canReadProject(project))) refuse('not_found');
    return project;
  }

  /** The signed-in viewer's id, who is recorded as having made a change; anonymous viewers make none. */
  actorId(): number {
    return this.user?.id ?? refuse('not_found');
  }

  /** `canReadGroup` for many groups at once: an SQL condition on the `groups` table of the query it is used in. */
  readableGroupsCondition(fullPath?: SQLWrapper): SQL {
    return groupsReadableBy(this.user, fullPath);
  }

  /**
   * `canReadProject` for many projects at once: an SQL condition on the `projects` table of the
   * query it is used in (a membership of the project or of one of its ancestor groups).
   */
  readableProjectsCondition(): SQL {
    return projectsReadableBy(this.user);
  }

  /** `group` is a CRM group (it holds contacts) with CRM enabled, and the viewer has at least `least` there. */
  private async hasCrmRole(group: GroupRef, least: Level): Promise<boolean> {
    const setting = await this.crmEnabledFor(group.fullPath);
    return setting?.crmGroupId === group.id && (await this.accessLevelInGroup(group)) >= least;
  }

  async canReadCrm(group: GroupRef): Promise<boolean> {
    return this.hasCrmRole(group, accessLevels.planner);
  }

  /**
   * The CRM group serving `group` (GitLab's `Group#crm_group`: its root's contact source group, or
   * the root), when the viewer reads its contacts there; null otherwise. GitLab's CRM finders
   * answer a subgroup's `contacts` and counts with it, on the same permission rule.
   */
  async readableCrmGroup(group: GroupRef): Promise<GroupRef | null> {
    const setting = await this.crmEnabledFor(group.fullPath);
    if (!setting) return null;
    const crmGroup = { id: setting.crmGroupId, fullPath: setting.crmGroupPath };
    return (await this.accessLevelInGroup(crmGroup)) >= accessLevels.planner ? crmGroup : null;
  }

  /** `canReadCrm` for the group with this id (CRM records carry it). */
  async canReadCrmOfGroup(groupId: number): Promise<boolean> {
    const group = await this.groupById(groupId);
    return group !== null && this.canReadCrm(group);
  }

  /** The customer report of a CRM group: Reporters and above there (Rapport's own rule). */
  async canReadCustomerReport(group: GroupRef): Promise<boolean> {
    return this.hasCrmRole(group, accessLevels.reporter);
  }

  async canAdminCrm(group: GroupRef): Promise<boolean> {
    return this.hasCrmRole(group, accessLevels.developer);
  }

  /** Exporting a group's contacts or organizations as CSV: Developer, like changing them (SPEC §3). */
  async canExportCrm(group: GroupRef): Promise<boolean> {
    return this.hasCrmRole(group, accessLevels.developer);
  }

  /**
   * Refuses a CRM change the viewer may not make: "Feature disabled" only when the instance feature
   * flag is off; CRM disabled for the root group answers not-found, as GitLab's group policy does.
   */
  async assertCanAdminCrm(group: GroupRef): Promise<void> {
    if (await this.canAdminCrm(group)) return;
    refuse(await crmRefusal(!this.crmFeatureEnabled, () => this.canReadGroup(group)));
  }

  /**
   * Creating a record in a group that does not hold contacts: GitLab authorizes a Developer of any
   * group under a CRM-enabled root and then fails validation with this message (a payload error).
   * Anyone else is refused as by `assertCanAdminCrm`.
   */
  async crmTargetError(group: GroupRef, records: 'contacts' | 'organizations'): Promise<string | null> {
    if (await this.canAdminCrm(group)) return null;
    const crmEnabled = (await this.crmEnabledFor(group.fullPath)) !== null;
    if (crmEnabled && (await this.accessLevelInGroup(group)) >= accessLevels.developer) {
      return `${records} can only be added to root groups and groups configured as CRM targets`;
    }
    await this.assertCanAdminCrm(group);
    return null;
  }

  async canDeleteCrm(group: GroupRef): Promise<boolean> {
    return this.hasCrmRole(group, accessLevels.maintainer);
  }

  /** Deleting is beyond GitLab (Maintainer and above, SPEC §3); CRM off anyhow is "Feature disabled". */
  async assertCanDeleteCrm(group: GroupRef): Promise<void> {
    if (await this.canDeleteCrm(group)) return;
    const crmOff = (await this.crmEnabledFor(group.fullPath)) === null;
    refuse(await crmRefusal(crmOff, () => this.canReadGroup(group)));
  }

  /** Merging two contacts deletes one of them: the delete rule (Maintainer and above, beyond GitLab). */
  async canMergeContacts(group: GroupRef): Promise<boolean> {
    return this.canDeleteCrm(group);
  }

  async assertCanMergeContacts(group: GroupRef): Promise<void> {
    await this.assertCanDeleteCrm(group);
  }

  /**
   * Rapport's CRM group settings beyond GitLab (issue 15): the customer tiers, the revenue currency
   * and assigning contacts to organizations by domain. Maintainers and above, like deleting.
   */
  async canManageCrmGroup(group: GroupRef): Promise<boolean> {
    return this.canDeleteCrm(group);
  }

  async assertCanManageCrmGroup(group: GroupRef): Promise<void> {
    await this.assertCanDeleteCrm(group);
  }

  /** Why the viewer may not change the CRM setting of `group` (null: no such group), or null when they may. */
  private async crmSettingsRefusal(group: GroupRef | null): Promise<Refusal | null> {
    if (!this.crmFeatureEnabled) return 'feature_disabled';
    if (!group || (await this.accessLevelInGroup(group)) < accessLevels.owner) return 'not_found';
    return null;
  }

  /** Owners of a top-level group (and admins) manage its CRM setting (SPEC §3). */
  async canAdminCrmSettings(group: GroupRef & { parentId: number | null }): Promise<boolean> {
    return group.parentId === null && (await this.crmSettingsRefusal(group)) === null;
  }

  /**
   * The group, once the viewer may change its CRM setting: "Feature disabled" to everyone while the
   * flag is off. A subgroup passes: its Owner is told in the payload that only top-level groups have one.
   */
  async assertCanAdminCrmSettings<T extends GroupRef>(group: T | null): Promise<T> {
    const refusal = await this.crmSettingsRefusal(group);
    if (refusal || !group) refuse(refusal ?? 'not_found');
    return group;
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

  async assertCanCreateIssue(project: ProjectRef): Promise<void> {
    if (!(await this.canCreateIssue(project))) refuse('not_found');
  }

  async assertCanCreateNote(project: ProjectRef): Promise<void> {
    if (!(await this.canCreateNote(project))) refuse('not_found');
  }

  /** Edit, close or reopen: Planner and above, or the issue's author (GitLab's `update_issue`). */
  async canUpdateIssue(project: ProjectRef, issue: { authorId: number }): Promise<boolean> {
    const level = await this.accessLevelInProject(project);
    if (level >= accessLevels.planner) return true;
    return level >= accessLevels.guest && this.user?.id === issue.authorId;
  }

  async assertCanUpdateIssue(project: ProjectRef, issue: { authorId: number }): Promise<void> {
    if (!(await this.canUpdateIssue(project, issue))) refuse('not_found');
  }

  /** Developer on the issue's project, and a reader of its contacts (GitLab's `set_issue_crm_contacts`). */
  async canSetIssueContacts(project: ProjectRef): Promise<boolean> {
    return (await this.accessLevelInProject(project)) >= accessLevels.developer && (await this.canReadIssueContacts(project));
  }

  /**
   * The CRM group whose contacts the viewer may put on the project's issues, or why they may not:
   * "Feature disabled" when customer relations are off for a project the viewer can see.
   */
  async issueContactsTarget(project: ProjectRef): Promise<{ crmGroupId: number } | { refusal: Refusal }> {
    const setting = await this.crmEnabledFor(project.fullPath);
    if (setting && (await this.canSetIssueContacts(project))) return { crmGroupId: setting.crmGroupId };
    return { refusal: await crmRefusal(!setting, () => this.canReadProject(project)) };
  }

  /** `issueContactsTarget`, its refusal thrown. */
  async assertCanSetIssueContacts(project: ProjectRef): Promise<number> {
    const target = await this.issueContactsTarget(project);
    if ('refusal' in target) refuse(target.refusal);
    return target.crmGroupId;
  }

  /** Log time and set estimates: Reporter and above (GitLab's `create_timelog` and `admin_issue`). */
  async canTrackTime(project: ProjectRef): Promise<boolean> {
    return (await this.accessLevelInProject(project)) >= accessLevels.reporter;
  }

  /** Delete a timelog: whoever logged it, while they can see the project, or a Maintainer (GitLab's `admin_timelog`). */
  async canAdminTimelog(project: ProjectRef, timelog: { userId: number }): Promise<boolean> {
    const level = await this.accessLevelInProject(project);
    if (level >= accessLevels.maintainer) return true;
    return level >= accessLevels.guest && this.user?.id === timelog.userId;
  }
}

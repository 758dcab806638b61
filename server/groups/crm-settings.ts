import { and, eq, ne, sql } from 'drizzle-orm';
import type { Permissions } from '../auth/permissions';
import { recordAuditEvent } from '../audit/audit-events';
import type { Database } from '../db/client';
import { contacts } from '../db/schema/crm';
import { groupCrmSettings, groups, projects } from '../db/schema/groups';
import { issueContacts, issues } from '../db/schema/issues';
import { failure, type ServiceResult } from '../errors';
import { findGroupByFullPath, type Group } from './group-repository';

export const sourceChangeRefusedMessage =
  'Contact source cannot be changed when issues already have contacts assigned from a different source.';
export const topLevelGroupOnlyMessage = 'Customer relations settings can only be changed on a top-level group.';
export const sourceOutsideGroupMessage = 'Contact source must be this group or one of its subgroups.';

export interface GroupCrmSettings {
  group: Group;
  enabled: boolean;
  /** The CRM group: the source group when one is set, else the root group itself. */
  sourceGroup: Group;
}

export interface GroupCrmSettingsInput {
  fullPath: string;
  /** Omitted: unchanged. */
  enabled?: boolean | null;
  /** Full path of the root group or one of its descendants; omitted: unchanged. */
  sourceGroupPath?: string | null;
}

function isSameOrBelow(candidate: Group, root: Group): boolean {
  const rootPath = root.fullPath.toLowerCase();
  const path = candidate.fullPath.toLowerCase();
  return path === rootPath || path.startsWith(`${rootPath}/`);
}

/** The setting as stored, with GitLab's defaults (enabled, the root group as its own source). */
export async function readGroupCrmSettings(db: Database, root: Group): Promise<GroupCrmSettings> {
  const [row] = await db
    .select({ enabled: groupCrmSettings.enabled, source: groups })
    .from(groupCrmSettings)
    .leftJoin(groups, eq(groups.id, groupCrmSettings.sourceGroupId))
    .where(eq(groupCrmSettings.groupId, root.id))
    .limit(1);
  return { group: root, enabled: row?.enabled ?? true, sourceGroup: row?.source ?? root };
}

/** Whether an issue under `root` has a contact that is not from `sourceGroupId`. */
async function issuesHaveContactsOutside(db: Database, root: Group, sourceGroupId: number): Promise<boolean> {
  const rootPath = root.fullPath.toLowerCase();
  const [row] = await db
    .select({ found: sql<number>`1` })
    .from(issueContacts)
    .innerJoin(issues, eq(issues.id, issueContacts.issueId))
    .innerJoin(projects, eq(projects.id, issues.projectId))
    .innerJoin(contacts, eq(contacts.id, issueContacts.contactId))
    .where(and(sql`starts_with(lower(${projects.fullPath}), ${`${rootPath}/`})`, ne(contacts.groupId, sourceGroupId)))
    .limit(1);
  return row !== undefined;
}

/**
 * Changes a top-level group's CRM setting: enables or disables customer relations for everything
 * under it, and chooses the group whose contacts serve it (SPEC §2). Owners only.
 */
export async function updateGroupCrmSettings(
  db: Database,
  permissions: Permissions,
  input: GroupCrmSettingsInput,
): Promise<ServiceResult<GroupCrmSettings>> {
  const group = await permissions.assertCanAdminCrmSettings(await permissions.groupByPath(input.fullPath));
  if (group.parentId !== null) return failure(topLevelGroupOnlyMessage);

  let requestedSource: Group | null = null;
  if (input.sourceGroupPath != null) {
    requestedSource = await findGroupByFullPath(db, input.sourceGroupPath);
    if (!requestedSource || !isSameOrBelow(requestedSource, group)) return failure(sourceOutsideGroupMessage);
  }

  const outcome = await db.transaction(async (tx) => {
    // Serializes concurrent changes of one group's setting: the check below sees the last one.
    await tx.insert(groupCrmSettings).values({ groupId: group.id }).onConflictDoNothing();
    const [current] = await tx.select().from(groupCrmSettings).where(eq(groupCrmSettings.groupId, group.id)).for('update');
    const before = { enabled: current?.enabled ?? true, sourceGroupId: current?.sourceGroupId ?? group.id };
    const after = {
      enabled: input.enabled ?? before.enabled,
      sourceGroupId: requestedSource ? requestedSource.id : before.sourceGroupId,
    };
    if (after.sourceGroupId !== before.sourceGroupId && (await issuesHaveContactsOutside(tx, group, after.sourceGroupId))) {
      return 'source_in_use' as const;
    }
    await tx
      .update(groupCrmSettings)
      .set({ enabled: after.enabled, sourceGroupId: after.sourceGroupId === group.id ? null : after.sourceGroupId })
      .where(eq(groupCrmSettings.groupId, group.id));
    // The shape the CRM services record for updates: `{ field: { before, after } }`.
    const changes: Record<string, unknown> = {};
    if (after.enabled !== before.enabled) changes.enabled = { before: before.enabled, after: after.enabled };
    if (after.sourceGroupId !== before.sourceGroupId) {
      const [from] = await tx.select({ fullPath: groups.fullPath }).from(groups).where(eq(groups.id, before.sourceGroupId));
      changes.sourceGroup = { before: from?.fullPath ?? null, after: requestedSource?.fullPath ?? null };
    }
    if (Object.keys(changes).length > 0) {
      await recordAuditEvent(tx, {
        actorId: permissions.user?.id ?? null,
        groupId: group.id,
        action: 'crm_settings_updated',
        targetType: 'Group',
        targetId: group.id,
        changes,
      });
    }
    return 'saved' as const;
  });
  if (outcome === 'source_in_use') return failure(sourceChangeRefusedMessage);
  return { ok: true, value: await readGroupCrmSettings(db, group) };
}

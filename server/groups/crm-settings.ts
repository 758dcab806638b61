import type { Permissions } from '../auth/permissions';
import { recordAuditEvent } from '../audit/audit-repository';
import type { Database } from '../db/client';
import { failure, type ServiceResult } from '../errors';
import { issuesUnderHaveContactsOutside } from '../issues/issue-contacts-repository';
import { findCrmSettings, findGroupByFullPath, findGroupById, type Group, lockCrmSettings, saveCrmSettings } from './group-repository';

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
  const row = await findCrmSettings(db, root.id);
  return { group: root, enabled: row?.enabled ?? true, sourceGroup: row?.source ?? root };
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
    const current = await lockCrmSettings(tx, group.id);
    const before = { enabled: current?.enabled ?? true, sourceGroupId: current?.sourceGroupId ?? group.id };
    const after = {
      enabled: input.enabled ?? before.enabled,
      sourceGroupId: requestedSource ? requestedSource.id : before.sourceGroupId,
    };
    if (after.sourceGroupId !== before.sourceGroupId && (await issuesUnderHaveContactsOutside(tx, group.fullPath, after.sourceGroupId))) {
      return 'source_in_use' as const;
    }
    await saveCrmSettings(tx, group.id, { enabled: after.enabled, sourceGroupId: after.sourceGroupId === group.id ? null : after.sourceGroupId });
    // The shape the CRM services record for updates: `{ field: { before, after } }`.
    const changes: Record<string, unknown> = {};
    if (after.enabled !== before.enabled) changes.enabled = { before: before.enabled, after: after.enabled };
    if (after.sourceGroupId !== before.sourceGroupId) {
      const from = await findGroupById(tx, before.sourceGroupId);
      changes.sourceGroup = { before: from?.fullPath ?? null, after: requestedSource?.fullPath ?? null };
    }
    if (Object.keys(changes).length > 0) {
      await recordAuditEvent(tx, permissions.user?.id ?? null, 'crm_settings_updated', { type: 'Group', id: group.id, groupId: group.id }, changes);
    }
    return 'saved' as const;
  });
  if (outcome === 'source_in_use') return failure(sourceChangeRefusedMessage);
  return { ok: true, value: await readGroupCrmSettings(db, group) };
}

import type { GroupRef } from '../auth/access-lookups';
import type { Permissions } from '../auth/permissions';
import { accessLevels } from '../db/schema/groups';
import { DomainError } from '../errors';

/**
 * Refuses a CRM change the viewer may not make: "Feature disabled" when the instance feature flag is
 * off and the viewer can see the group; otherwise (including CRM disabled for the root group, as
 * GitLab's group policy does) the not-found error that hides whether the group exists.
 */
export async function assertCanAdminCrm(permissions: Permissions, group: GroupRef): Promise<void> {
  if (await permissions.canAdminCrm(group)) return;
  if (!permissions.crmFeatureEnabled && (await permissions.canReadGroup(group))) {
    throw new DomainError('feature_disabled', 'Feature disabled');
  }
  throw new DomainError('not_found');
}

/**
 * Creating a record in a group that does not hold contacts: GitLab authorizes a Developer of any
 * group under a CRM-enabled root and then fails validation with this message (a payload error).
 * Anyone else gets the top-level error from `assertCanAdminCrm`.
 */
export async function crmTargetError(
  permissions: Permissions,
  group: GroupRef,
  records: 'contacts' | 'organizations',
): Promise<string | null> {
  if (await permissions.canAdminCrm(group)) return null;
  const crmEnabled = (await permissions.crmEnabledFor(group.fullPath)) !== null;
  if (crmEnabled && (await permissions.accessLevelInGroup(group)) >= accessLevels.developer) {
    return `${records} can only be added to root groups and groups configured as CRM targets`;
  }
  await assertCanAdminCrm(permissions, group);
  return null;
}

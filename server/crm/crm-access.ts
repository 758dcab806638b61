import type { GroupRef, Permissions } from '../auth/permissions';
import { DomainError } from '../errors';

/**
 * Refuses a CRM change the viewer may not make: "Feature disabled" when CRM is off for a group the
 * viewer can see, otherwise the not-found error that hides whether the group exists.
 */
export async function assertCanAdminCrm(permissions: Permissions, group: GroupRef): Promise<void> {
  if (await permissions.canAdminCrm(group)) return;
  const crmOff = (await permissions.crmEnabledFor(group.fullPath)) === null;
  if (crmOff && (await permissions.canReadGroup(group))) throw new DomainError('feature_disabled', 'Feature disabled');
  throw new DomainError('not_found');
}

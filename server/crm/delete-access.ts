import type { GroupRef } from '../auth/access-lookups';
import type { Permissions } from '../auth/permissions';
import { DomainError } from '../errors';

/**
 * Refuses a delete the viewer may not make (Maintainer and above, SPEC §3): "Feature disabled" when
 * CRM is off for a group the viewer can see, otherwise the not-found error that hides whether the
 * record exists.
 */
export async function assertCanDeleteCrm(permissions: Permissions, group: GroupRef): Promise<void> {
  if (await permissions.canDeleteCrm(group)) return;
  const crmOff = (await permissions.crmEnabledFor(group.fullPath)) === null;
  if (crmOff && (await permissions.canReadGroup(group))) throw new DomainError('feature_disabled', 'Feature disabled');
  throw new DomainError('not_found');
}

import type { Permissions } from '../auth/permissions';
import { recordAuditEvent } from '../audit/audit-repository';
import type { Database } from '../db/client';
import { DomainError, failure, type ServiceResult } from '../errors';
import { countContactsOfOrganizations } from './contact-repository';
import { deleteOrganizationRow, findOrganizationWithGroup, lockOrganization, organizationAudited } from './organization-repository';

export const organizationHasContactsMessage = 'Organization cannot be deleted while it has contacts.';

export interface DeletedOrganization {
  id: number;
  groupId: number;
}

/**
 * Deletes an organization (beyond GitLab; Maintainer and above). Refused while any contact, active
 * or not, belongs to it: the contacts would silently lose their organization and their billing rate.
 */
export async function deleteOrganization(
  db: Database,
  permissions: Permissions,
  organizationId: number,
): Promise<ServiceResult<DeletedOrganization>> {
  const found = await findOrganizationWithGroup(db, organizationId);
  if (!found) throw new DomainError('not_found');
  await permissions.assertCanDeleteCrm(found.group);

  const outcome = await db.transaction(async (tx) => {
    // Locked first: a contact being added to this organization concurrently waits for us, then
    // fails because the row is gone.
    const locked = await lockOrganization(tx, organizationId);
    if (!locked) return null;
    const members = await countContactsOfOrganizations(tx, [organizationId]);
    if ((members.get(organizationId) ?? 0) > 0) return 'has_contacts' as const;
    await deleteOrganizationRow(tx, organizationId);
    await recordAuditEvent(tx, permissions.user?.id ?? null, 'organization_deleted', organizationAudited(locked), {
      name: locked.name,
      defaultRate: locked.defaultRate,
      description: locked.description,
    });
    return { id: organizationId, groupId: locked.groupId };
  });
  if (outcome === null) throw new DomainError('not_found');
  if (outcome === 'has_contacts') return failure(organizationHasContactsMessage);
  return { ok: true, value: outcome };
}

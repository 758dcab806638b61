import { and, count, eq } from 'drizzle-orm';
import type { Permissions } from '../auth/permissions';
import { recordAuditEvent } from '../audit/audit-events';
import type { Database } from '../db/client';
import { contacts, organizations } from '../db/schema/crm';
import { groups } from '../db/schema/groups';
import { DomainError, failure, type ServiceResult } from '../errors';

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
  const [found] = await db
    .select({ group: { id: groups.id, fullPath: groups.fullPath } })
    .from(organizations)
    .innerJoin(groups, eq(groups.id, organizations.groupId))
    .where(eq(organizations.id, organizationId))
    .limit(1);
  if (!found) throw new DomainError('not_found');
  await permissions.assertCanDeleteCrm(found.group);

  const outcome = await db.transaction(async (tx) => {
    // Locked first: a contact being added to this organization concurrently waits for us (its
    // foreign key check needs a share lock on this row), then fails because the row is gone.
    const [locked] = await tx
      .select()
      .from(organizations)
      .where(and(eq(organizations.id, organizationId), eq(organizations.groupId, found.group.id)))
      .for('update');
    if (!locked) return null;
    const [members] = await tx.select({ total: count() }).from(contacts).where(eq(contacts.organizationId, organizationId));
    if ((members?.total ?? 0) > 0) return 'has_contacts' as const;
    await tx.delete(organizations).where(eq(organizations.id, organizationId));
    await recordAuditEvent(tx, {
      actorId: permissions.user?.id ?? null,
      groupId: found.group.id,
      action: 'organization_deleted',
      targetType: 'CustomerRelations::Organization',
      targetId: organizationId,
      changes: { name: locked.name, defaultRate: locked.defaultRate, description: locked.description },
    });
    return { id: organizationId, groupId: found.group.id };
  });
  if (outcome === null) throw new DomainError('not_found');
  if (outcome === 'has_contacts') return failure(organizationHasContactsMessage);
  return { ok: true, value: outcome };
}

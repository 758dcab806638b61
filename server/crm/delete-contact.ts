import type { Permissions } from '../auth/permissions';
import { recordAuditEvent } from '../audit/audit-repository';
import type { Database } from '../db/client';
import { DomainError, type ServiceResult } from '../errors';
import { removeContactFromAllIssues } from '../issues/set-issue-contacts';
import { contactAudited, deleteContactRow, findContactWithGroup, lockContact } from './contact-repository';

export interface DeletedContact {
  id: number;
  groupId: number;
  /** Issues that lost the contact; each got a system note. */
  issueIds: number[];
}

/**
 * Deletes a contact (beyond GitLab; Maintainer and above). Its issue links go with it, each affected
 * issue gets a system note and a new `updatedAt`, and an audit event records what was deleted — all
 * in one transaction, so a failure leaves everything as it was.
 */
export async function deleteContact(db: Database, permissions: Permissions, contactId: number): Promise<ServiceResult<DeletedContact>> {
  // A contact of a group the viewer cannot see is "not found", exactly like one that never existed.
  const found = await findContactWithGroup(db, contactId);
  if (!found) throw new DomainError('not_found');
  await permissions.assertCanDeleteCrm(found.group);
  const actorId = permissions.actorId();

  const deleted = await db.transaction(async (tx) => {
    // The row lock makes a concurrent link to this contact wait (its foreign key check needs a share
    // lock), so no issue loses the contact without its system note.
    const locked = await lockContact(tx, contactId);
    if (!locked) return null;
    const issueIds = await removeContactFromAllIssues(tx, contactId, actorId);
    await deleteContactRow(tx, contactId);
    const { firstName, lastName, email, organizationId } = locked;
    await recordAuditEvent(tx, actorId, 'contact_deleted', contactAudited(locked), { firstName, lastName, email, organizationId, issueIds });
    return { id: contactId, groupId: locked.groupId, issueIds };
  });
  // Deleted by someone else between the permission check and the lock.
  if (!deleted) throw new DomainError('not_found');
  return { ok: true, value: deleted };
}

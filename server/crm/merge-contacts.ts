import { fieldsToFill } from '@/lib/crm/contact-merge';
import type { Permissions } from '../auth/permissions';
import { recordAuditEvent } from '../audit/audit-repository';
import type { Database } from '../db/client';
import { DomainError, failure, type ServiceResult } from '../errors';
import { moveContactToMergedContact } from '../issues/set-issue-contacts';
import { type Contact, contactAudited, deleteContactRow, findContactWithGroup, lockContacts, updateContactRow } from './contact-repository';
import { changedFields } from './record-changes';

export const mergeWithItselfMessage = 'A contact cannot be merged with itself';
export const duplicateNotFoundMessage = 'The contact to merge was not found or does not belong to this group';

/** The optional fields a merge may fill on the kept contact; first and last names are never empty. */
const mergedFields = ['email', 'phone', 'organizationId', 'description'] as const satisfies readonly (keyof Contact)[];

export interface MergedContact {
  contact: Contact;
  /** Issues the merged contact was on; each got a system note. */
  issueIds: number[];
}

/** "Jane Doe <jane@example.com>": how the audit event names the contact that was merged away. */
const describedContact = (contact: Contact) => `${contact.firstName} ${contact.lastName}${contact.email ? ` <${contact.email}>` : ''}`;

/**
 * Merges contact `duplicateId` into contact `keptId` (beyond GitLab; Maintainer and above, as it
 * deletes a contact): the duplicate's issue links move to the kept contact (an issue that had both
 * keeps one link) and each of those issues gets a system note, the kept contact's empty fields are
 * filled from the duplicate (a value it has is never overwritten), the duplicate is deleted, and one
 * audit event on the kept contact records it all — in one transaction, so a refusal or a failure
 * leaves everything as it was.
 *
 * An unknown kept contact, or one the viewer may not merge, is GitLab's top-level not-found error;
 * a duplicate that is the kept contact itself, unknown, or of another group is refused in the payload.
 */
export async function mergeContacts(db: Database, permissions: Permissions, keptId: number, duplicateId: number): Promise<ServiceResult<MergedContact>> {
  const found = await findContactWithGroup(db, keptId);
  if (!found) throw new DomainError('not_found');
  await permissions.assertCanMergeContacts(found.group);
  const actorId = permissions.actorId();
  if (duplicateId === keptId) return failure(mergeWithItselfMessage);

  const merged = await db.transaction(async (tx) => {
    // Both rows locked: a concurrent change or link to either waits until the merge is done.
    const locked = await lockContacts(tx, [keptId, duplicateId]);
    const kept = locked.find((contact) => contact.id === keptId);
    const duplicate = locked.find((contact) => contact.id === duplicateId);
    if (!kept) return null;
    if (!duplicate || duplicate.groupId !== kept.groupId) return failure(duplicateNotFoundMessage);

    const issueIds = await moveContactToMergedContact(tx, duplicate.id, kept.id, actorId);
    // Deleted before the kept contact takes its email, which is unique in the group.
    await deleteContactRow(tx, duplicate.id);
    const filled = Object.fromEntries(fieldsToFill(kept, duplicate, mergedFields).map((field) => [field, duplicate[field]]));
    const { values, changes } = changedFields<Contact>(kept, filled);
    const contact = await updateContactRow(tx, kept.id, values);
    await recordAuditEvent(tx, actorId, 'contact_merged', contactAudited(kept), {
      mergedContact: describedContact(duplicate),
      mergedContactId: duplicate.id,
      ...changes,
      issueIds,
    });
    return { ok: true as const, value: { contact, issueIds } };
  });
  // Deleted by someone else between the permission check and the lock.
  if (!merged) throw new DomainError('not_found');
  return merged;
}

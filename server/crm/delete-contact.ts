import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Permissions } from '../auth/permissions';
import { recordAuditEvent } from '../audit/audit-events';
import type { Database } from '../db/client';
import { contacts } from '../db/schema/crm';
import { groups } from '../db/schema/groups';
import { issueContacts, issues, notes } from '../db/schema/issues';
import { DomainError, type ServiceResult } from '../errors';

/** GitLab's system note for one contact leaving an issue (it names counts, not people). */
export const contactRemovedNote = 'removed 1 contact';

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
  const [found] = await db
    .select({ contact: contacts, group: { id: groups.id, fullPath: groups.fullPath } })
    .from(contacts)
    .innerJoin(groups, eq(groups.id, contacts.groupId))
    .where(eq(contacts.id, contactId))
    .limit(1);
  // A contact of a group the viewer cannot see is "not found", exactly like one that never existed.
  if (!found) throw new DomainError('not_found');
  await permissions.assertCanDeleteCrm(found.group);
  const actorId = permissions.user?.id ?? null;

  const deleted = await db.transaction(async (tx) => {
    // The row lock makes a concurrent link to this contact wait (its foreign key check needs a share
    // lock), so no issue loses the contact without its system note.
    const [locked] = await tx
      .select()
      .from(contacts)
      .where(and(eq(contacts.id, contactId), eq(contacts.groupId, found.group.id)))
      .for('update');
    if (!locked) return null;
    const unlinked = await tx.delete(issueContacts).where(eq(issueContacts.contactId, contactId)).returning({ issueId: issueContacts.issueId });
    const issueIds = unlinked.map((row) => row.issueId).sort((a, b) => a - b);
    if (issueIds.length > 0 && actorId !== null) {
      await tx.insert(notes).values(issueIds.map((issueId) => ({ issueId, authorId: actorId, body: contactRemovedNote, system: true })));
    }
    if (issueIds.length > 0) await tx.update(issues).set({ updatedAt: sql`now()` }).where(inArray(issues.id, issueIds));
    await tx.delete(contacts).where(eq(contacts.id, contactId));
    await recordAuditEvent(tx, {
      actorId,
      groupId: found.group.id,
      action: 'contact_deleted',
      targetType: 'CustomerRelations::Contact',
      targetId: contactId,
      changes: {
        firstName: locked.firstName,
        lastName: locked.lastName,
        email: locked.email,
        organizationId: locked.organizationId,
        issueIds,
      },
    });
    return { id: contactId, groupId: found.group.id, issueIds };
  });
  // Deleted by someone else between the permission check and the lock.
  if (!deleted) throw new DomainError('not_found');
  return { ok: true, value: deleted };
}

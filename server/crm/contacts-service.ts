import { and, eq } from 'drizzle-orm';
import type { GroupRef, Permissions } from '../auth/permissions';
import { recordAuditEvent } from '../audit/audit-events';
import type { Database } from '../db/client';
import { violatedUniqueConstraint } from '../db/errors';
import { contacts, organizations } from '../db/schema/crm';
import { failure, type ServiceResult } from '../errors';
import type { Contact } from './contact-queries';
import { assertCanAdminCrm } from './crm-access';
import { contactFieldsSchema, validationMessages } from './validation';

export const organizationNotInGroupMessage = 'The specified organization was not found or does not belong to this group';
export const emailTakenMessage = 'Email has already been taken';

export interface ContactCreateInput {
  firstName?: string | null;
  lastName?: string | null;
  email?: string | null;
  phone?: string | null;
  description?: string | null;
  organizationId?: number | null;
}

async function organizationInGroup(db: Database, organizationId: number, groupId: number): Promise<boolean> {
  const [row] = await db
    .select({ id: organizations.id })
    .from(organizations)
    .where(and(eq(organizations.id, organizationId), eq(organizations.groupId, groupId)))
    .limit(1);
  return row !== undefined;
}

/** Creates a contact in a CRM group: the service behind the mutation and the "New contact" form. */
export async function createContact(
  db: Database,
  permissions: Permissions,
  group: GroupRef,
  input: ContactCreateInput,
): Promise<ServiceResult<Contact>> {
  await assertCanAdminCrm(permissions, group);
  const parsed = contactFieldsSchema.safeParse({ ...input, email: input.email ?? '' , firstName: input.firstName ?? '', lastName: input.lastName ?? '' });
  if (!parsed.success) return failure(...validationMessages(parsed.error));
  const fields = parsed.data;
  if (fields.organizationId != null && !(await organizationInGroup(db, fields.organizationId, group.id))) {
    return failure(organizationNotInGroupMessage);
  }
  try {
    const contact = await db.transaction(async (tx) => {
      const [created] = await tx
        .insert(contacts)
        .values({ ...fields, groupId: group.id })
        .returning();
      if (!created) throw new Error('Contact insert returned no row');
      await recordAuditEvent(tx, {
        actorId: permissions.user?.id ?? null,
        groupId: group.id,
        action: 'contact_created',
        targetType: 'CustomerRelations::Contact',
        targetId: created.id,
        changes: { ...fields },
      });
      return created;
    });
    return { ok: true, value: contact };
  } catch (error) {
    // The database decides uniqueness, so two concurrent creates cannot both succeed.
    if (violatedUniqueConstraint(error) === 'crm_contacts_group_email_idx') return failure(emailTakenMessage);
    throw error;
  }
}

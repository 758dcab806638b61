import type { GroupRef } from '../auth/access-lookups';
import type { Permissions } from '../auth/permissions';
import { recordAuditEvent } from '../audit/audit-repository';
import type { Database } from '../db/client';
import { violatedUniqueConstraint } from '../db/errors';
import { DomainError, failure, type ServiceResult } from '../errors';
import { type Contact, contactAudited, findContactWithGroup, insertContact, lockContact, updateContactRow } from './contact-repository';
import { organizationIdForEmail, organizationInGroupLocked } from './organization-repository';
import { changedFields, stateFromActive } from './record-changes';
import { givenFields, validationMessages } from '../validation';
import { type ContactFields, contactFieldsSchema, contactUpdateSchema } from './validation';

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

export interface ContactUpdateInput extends ContactCreateInput {
  active?: boolean | null;
}

/** The database decides uniqueness, so two concurrent writes cannot both take an address. */
function uniqueEmailFailure(error: unknown) {
  if (violatedUniqueConstraint(error) === 'crm_contacts_group_email_idx') return failure(emailTakenMessage);
  throw error;
}

/**
 * The organization a contact created without one gets from its email's domain (issue 15): the one
 * organization of the group listing that domain or a parent of it, locked like a given one; null
 * when none or several do.
 */
async function organizationFromDomain(tx: Database, groupId: number, fields: ContactFields): Promise<number | null> {
  if (fields.organizationId != null || !fields.email) return fields.organizationId ?? null;
  const organizationId = await organizationIdForEmail(tx, groupId, fields.email);
  return organizationId !== null && (await organizationInGroupLocked(tx, organizationId, groupId)) ? organizationId : null;
}

/**
 * Creates a contact in a CRM group: the service behind the mutation and the "New contact" form.
 * A contact without an organization gets the one its email domain belongs to.
 */
export async function createContact(
  db: Database,
  permissions: Permissions,
  group: GroupRef,
  input: ContactCreateInput,
): Promise<ServiceResult<Contact>> {
  const notCrmGroup = await permissions.crmTargetError(group, 'contacts');
  const parsed = contactFieldsSchema.safeParse(input);
  try {
    return await db.transaction(async (tx) => {
      // GitLab checks the organization before the fields.
      if (input.organizationId != null && !(await organizationInGroupLocked(tx, input.organizationId, group.id))) {
        return failure(organizationNotInGroupMessage);
      }
      // Rails lists the group's message after the field messages.
      const messages = [...(parsed.success ? [] : validationMessages(parsed.error)), ...(notCrmGroup ? [notCrmGroup] : [])];
      if (!parsed.success || messages.length > 0) return failure(...messages);
      const fields = { ...parsed.data, organizationId: await organizationFromDomain(tx, group.id, parsed.data) };
      const created = await insertContact(tx, { ...fields, groupId: group.id });
      await recordAuditEvent(tx, permissions.user?.id ?? null, 'contact_created', contactAudited(created), { ...fields });
      return { ok: true as const, value: created };
    });
  } catch (error) {
    return uniqueEmailFailure(error);
  }
}

/**
 * Updates the given fields of a contact (GitLab's `customerRelationsContactUpdate`): `active` sets
 * the state, an explicit null clears an optional field. Unknown contacts and contacts in groups the
 * viewer may not administer are the same top-level not-found error.
 */
export async function updateContact(
  db: Database,
  permissions: Permissions,
  contactId: number,
  input: ContactUpdateInput,
): Promise<ServiceResult<Contact>> {
  const found = await findContactWithGroup(db, contactId);
  if (!found) throw new DomainError('not_found');
  const { group } = found;
  await permissions.assertCanAdminCrm(group);
  const parsed = contactUpdateSchema.safeParse(givenFields(input));
  try {
    return await db.transaction(async (tx) => {
      if (input.organizationId != null && !(await organizationInGroupLocked(tx, input.organizationId, group.id))) {
        return failure(organizationNotInGroupMessage);
      }
      if (!parsed.success) return failure(...validationMessages(parsed.error));
      const { active, ...fields } = parsed.data;
      const current = await lockContact(tx, contactId);
      if (!current) throw new DomainError('not_found');
      const { values, changes } = changedFields(current, { ...fields, ...stateFromActive(active) });
      if (Object.keys(changes).length === 0) return { ok: true as const, value: current };
      const updated = await updateContactRow(tx, contactId, values);
      await recordAuditEvent(tx, permissions.user?.id ?? null, 'contact_updated', contactAudited(updated), changes);
      return { ok: true as const, value: updated };
    });
  } catch (error) {
    return uniqueEmailFailure(error);
  }
}

import type { GroupRef } from '../auth/access-lookups';
import type { Permissions } from '../auth/permissions';
import { recordAuditEvent } from '../audit/audit-repository';
import type { Database } from '../db/client';
import { violatedUniqueConstraint } from '../db/errors';
import { DomainError, failure, type ServiceResult } from '../errors';
import {
  findOrganizationWithGroup,
  insertOrganization,
  lockOrganization,
  type Organization,
  organizationAudited,
  updateOrganizationRow,
} from './organization-repository';
import { changedFields, stateFromActive } from './record-changes';
import { givenFields, validationMessages } from '../validation';
import { organizationFieldsSchema, organizationUpdateSchema } from './validation';

export const nameTakenMessage = 'Name has already been taken';

export interface OrganizationCreateInput {
  name?: string | null;
  defaultRate?: number | null;
  description?: string | null;
}

export interface OrganizationUpdateInput extends OrganizationCreateInput {
  active?: boolean | null;
}

/** numeric columns take and give strings; String() keeps the shortest exact form of the float. */
function storedRate(rate: number | null | undefined): string | null | undefined {
  return rate == null ? rate : String(rate);
}

/** The database decides uniqueness (case-insensitive, per group), so concurrent writes cannot both win. */
function uniqueNameFailure(error: unknown) {
  if (violatedUniqueConstraint(error) === 'crm_organizations_group_name_idx') return failure(nameTakenMessage);
  throw error;
}

/** Creates an organization in a CRM group: the service behind the mutation and the "New organization" form. */
export async function createOrganization(
  db: Database,
  permissions: Permissions,
  group: GroupRef,
  input: OrganizationCreateInput,
): Promise<ServiceResult<Organization>> {
  const notCrmGroup = await permissions.crmTargetError(group, 'organizations');
  const parsed = organizationFieldsSchema.safeParse(input);
  const messages = [...(parsed.success ? [] : validationMessages(parsed.error)), ...(notCrmGroup ? [notCrmGroup] : [])];
  if (!parsed.success || messages.length > 0) return failure(...messages);
  const { defaultRate, ...fields } = parsed.data;
  try {
    const organization = await db.transaction(async (tx) => {
      const created = await insertOrganization(tx, { ...fields, defaultRate: storedRate(defaultRate), groupId: group.id });
      const changes = { name: created.name, description: created.description, defaultRate: created.defaultRate };
      await recordAuditEvent(tx, permissions.user?.id ?? null, 'organization_created', organizationAudited(created), changes);
      return created;
    });
    return { ok: true, value: organization };
  } catch (error) {
    return uniqueNameFailure(error);
  }
}

/** Updates the given fields of an organization (GitLab's `customerRelationsOrganizationUpdate`). */
export async function updateOrganization(
  db: Database,
  permissions: Permissions,
  organizationId: number,
  input: OrganizationUpdateInput,
): Promise<ServiceResult<Organization>> {
  const found = await findOrganizationWithGroup(db, organizationId);
  if (!found) throw new DomainError('not_found');
  const { group } = found;
  await permissions.assertCanAdminCrm(group);
  const parsed = organizationUpdateSchema.safeParse(givenFields(input));
  if (!parsed.success) return failure(...validationMessages(parsed.error));
  const { active, defaultRate, ...fields } = parsed.data;
  try {
    return await db.transaction(async (tx) => {
      const current = await lockOrganization(tx, organizationId);
      if (!current) throw new DomainError('not_found');
      const update = { ...fields, ...stateFromActive(active), ...(defaultRate === undefined ? {} : { defaultRate: storedRate(defaultRate) }) };
      // Compare rates as numbers: the column gives back "120.00" for 120.
      if (update.defaultRate != null && current.defaultRate != null && Number(update.defaultRate) === Number(current.defaultRate)) {
        delete update.defaultRate;
      }
      const { values, changes } = changedFields(current, update);
      if (Object.keys(changes).length === 0) return { ok: true as const, value: current };
      const updated = await updateOrganizationRow(tx, organizationId, values);
      await recordAuditEvent(tx, permissions.user?.id ?? null, 'organization_updated', organizationAudited(updated), changes);
      return { ok: true as const, value: updated };
    });
  } catch (error) {
    return uniqueNameFailure(error);
  }
}

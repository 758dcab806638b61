import type { GroupRef } from '../auth/access-lookups';
import type { Permissions } from '../auth/permissions';
import { recordAuditEvent } from '../audit/audit-repository';
import type { Database } from '../db/client';
import { violatedUniqueConstraint } from '../db/errors';
import { DomainError, failure, type ServiceResult } from '../errors';
import { isGroupMember } from '../groups/group-repository';
import { findCustomerTierInGroup } from './customer-tier-repository';
import {
  domainsClaimedByOthers,
  findOrganizationWithGroup,
  insertOrganization,
  lockOrganization,
  type Organization,
  organizationAudited,
  replaceOrganizationDomains,
  updateOrganizationRow,
} from './organization-repository';
import { changedFields, type FieldChanges, stateFromActive } from './record-changes';
import { givenFields, validationMessages } from '../validation';
import { type OrganizationFields, organizationFieldsSchema, organizationUpdateSchema } from './validation';

export const nameTakenMessage = 'Name has already been taken';
export const unknownTierMessage = 'Tier does not exist or does not belong to this group';
export const accountOwnerNotMemberMessage = 'Account owner must be a member of the group';
export const domainTakenMessage = (domain: string, organizationName: string) => `Domain ${domain} is already used by organization ${organizationName}`;
const domainTakenConcurrentlyMessage = 'Domain is already used by another organization of the group';

export interface OrganizationCreateInput {
  name?: string | null;
  defaultRate?: number | null;
  description?: string | null;
  /** Rapport only (issue 15): replaces the list when given. */
  domains?: string[] | null;
  tierId?: number | null;
  annualRevenue?: number | null;
  accountOwnerId?: number | null;
}

export interface OrganizationUpdateInput extends OrganizationCreateInput {
  active?: boolean | null;
}

/** numeric columns take and give strings; String() keeps the shortest exact form of the float. */
export function storedRate(rate: number | null | undefined): string | null | undefined {
  return rate == null ? rate : String(rate);
}

/** The database decides uniqueness (case-insensitive, per group), so concurrent writes cannot both win. */
function uniqueNameFailure(error: unknown) {
  const constraint = violatedUniqueConstraint(error);
  if (constraint === 'crm_organizations_group_name_idx') return failure(nameTakenMessage);
  if (constraint === 'customer_relations_organization_domains_pkey') return failure(domainTakenConcurrentlyMessage);
  throw error;
}

type AttributeFields = Pick<OrganizationFields, 'domains' | 'tierId' | 'accountOwnerId'>;

/**
 * The Rapport-only attributes' rules that need the database: the tier is one of the group's (held
 * with a share lock until the write), the account owner a member, no domain another organization's.
 */
async function attributeMessages(tx: Database, group: GroupRef, organizationId: number | null, fields: AttributeFields): Promise<string[]> {
  const messages: string[] = [];
  if (fields.domains) {
    for (const claim of await domainsClaimedByOthers(tx, group.id, organizationId, fields.domains)) {
      messages.push(domainTakenMessage(claim.domain, claim.organizationName));
    }
  }
  if (fields.tierId != null && !(await findCustomerTierInGroup(tx, fields.tierId, group.id))) messages.push(unknownTierMessage);
  if (fields.accountOwnerId != null && !(await isGroupMember(tx, group, fields.accountOwnerId))) messages.push(accountOwnerNotMemberMessage);
  return messages;
}

/** Writes the domains when given and adds their change to `changes`. */
async function saveDomains(tx: Database, organization: Organization, domains: string[] | null | undefined, changes: FieldChanges): Promise<void> {
  if (domains == null) return;
  const after = [...domains].sort();
  const before = await replaceOrganizationDomains(tx, organization, after);
  if (before.join(' ') !== after.join(' ')) changes.domains = { before, after };
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
  const { defaultRate, annualRevenue, domains, ...fields } = parsed.data;
  try {
    return await db.transaction(async (tx) => {
      const refused = await attributeMessages(tx, group, null, parsed.data);
      if (refused.length > 0) return failure(...refused);
      const created = await insertOrganization(tx, {
        ...fields,
        defaultRate: storedRate(defaultRate),
        annualRevenue: storedRate(annualRevenue),
        groupId: group.id,
      });
      if (domains?.length) await replaceOrganizationDomains(tx, created, domains);
      const changes = {
        name: created.name,
        description: created.description,
        defaultRate: created.defaultRate,
        ...(domains?.length ? { domains: [...domains].sort() } : {}),
        ...(created.tierId === null ? {} : { tierId: created.tierId }),
        ...(created.annualRevenue === null ? {} : { annualRevenue: created.annualRevenue }),
        ...(created.accountOwnerId === null ? {} : { accountOwnerId: created.accountOwnerId }),
      };
      await recordAuditEvent(tx, permissions.user?.id ?? null, 'organization_created', organizationAudited(created), changes);
      return { ok: true as const, value: created };
    });
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
  const { active, defaultRate, annualRevenue, domains, ...fields } = parsed.data;
  try {
    return await db.transaction(async (tx) => {
      const current = await lockOrganization(tx, organizationId);
      if (!current) throw new DomainError('not_found');
      const refused = await attributeMessages(tx, group, organizationId, parsed.data);
      if (refused.length > 0) return failure(...refused);
      const update = {
        ...fields,
        ...stateFromActive(active),
        ...(defaultRate === undefined ? {} : { defaultRate: storedRate(defaultRate) }),
        ...(annualRevenue === undefined ? {} : { annualRevenue: storedRate(annualRevenue) }),
      };
      // Compare amounts as numbers: the column gives back "120.00" for 120.
      for (const key of ['defaultRate', 'annualRevenue'] as const) {
        if (update[key] != null && current[key] != null && Number(update[key]) === Number(current[key])) delete update[key];
      }
      const { values, changes } = changedFields(current, update);
      await saveDomains(tx, current, domains, changes);
      if (Object.keys(changes).length === 0) return { ok: true as const, value: current };
      const updated = await updateOrganizationRow(tx, organizationId, values);
      await recordAuditEvent(tx, permissions.user?.id ?? null, 'organization_updated', organizationAudited(updated), changes);
      return { ok: true as const, value: updated };
    });
  } catch (error) {
    return uniqueNameFailure(error);
  }
}

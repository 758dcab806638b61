import { z } from 'zod';
import type { GroupRef } from '../auth/access-lookups';
import type { Permissions } from '../auth/permissions';
import { recordAuditEvent } from '../audit/audit-repository';
import type { Database } from '../db/client';
import { violatedUniqueConstraint } from '../db/errors';
import { DomainError, failure, type ServiceResult } from '../errors';
import { findGroupById } from '../groups/group-repository';
import { blank, tooLong, validationMessages } from '../validation';
import {
  type CustomerTier,
  deleteCustomerTierRow,
  findCustomerTier,
  insertCustomerTier,
  lockCustomerTiers,
  renameCustomerTier,
  renumberCustomerTiers,
  saveCrmCurrency,
} from './customer-tier-repository';

export const tierNameTakenMessage = 'Name has already been taken';
export const positionOutOfRangeMessage = (count: number) => `Position must be between 1 and ${count}`;
export const invalidCurrencyMessage = 'Currency must be a three-letter ISO 4217 code, like USD or EUR';

const tierName = z.string().trim().min(1, blank('Name')).max(64, tooLong('Name', 64));
const currency = z
  .string()
  .trim()
  .transform((value) => value.toUpperCase())
  .pipe(z.string().regex(/^[A-Z]{3}$/, invalidCurrencyMessage));

const groupAudited = (groupId: number) => ({ type: 'Group' as const, id: groupId, groupId });

function uniqueTierNameFailure(error: unknown) {
  if (violatedUniqueConstraint(error) === 'crm_organization_tiers_group_name_idx') return failure(tierNameTakenMessage);
  throw error;
}

/** The tier and its group, once the viewer may manage the group's tiers; otherwise not found. */
async function tierToManage(db: Database, permissions: Permissions, id: number): Promise<{ tier: CustomerTier; group: GroupRef }> {
  const tier = await findCustomerTier(db, id);
  const group = tier ? await findGroupById(db, tier.groupId) : null;
  if (!tier || !group) throw new DomainError('not_found');
  await permissions.assertCanManageCrmGroup(group);
  return { tier, group };
}

/** Adds a tier below the group's others (the lowest). Maintainers of the CRM group. */
export async function createCustomerTier(db: Database, permissions: Permissions, group: GroupRef, name: string): Promise<ServiceResult<CustomerTier>> {
  await permissions.assertCanManageCrmGroup(group);
  const parsed = tierName.safeParse(name);
  if (!parsed.success) return failure(...validationMessages(parsed.error));
  try {
    return await db.transaction(async (tx) => {
      const tiers = await lockCustomerTiers(tx, group.id);
      const created = await insertCustomerTier(tx, { groupId: group.id, name: parsed.data, position: tiers.length + 1 });
      await recordAuditEvent(tx, permissions.user?.id ?? null, 'customer_tier_created', groupAudited(group.id), { tier: created.name, position: created.position });
      return { ok: true as const, value: created };
    });
  } catch (error) {
    return uniqueTierNameFailure(error);
  }
}

/** Renames a tier and/or moves it to `position` (1 is the highest); the others keep their order. */
export async function updateCustomerTier(
  db: Database,
  permissions: Permissions,
  id: number,
  input: { name?: string | null; position?: number | null },
): Promise<ServiceResult<CustomerTier>> {
  const { group } = await tierToManage(db, permissions, id);
  const parsedName = input.name == null ? null : tierName.safeParse(input.name);
  if (parsedName && !parsedName.success) return failure(...validationMessages(parsedName.error));
  try {
    return await db.transaction(async (tx) => {
      const tiers = await lockCustomerTiers(tx, group.id);
      const current = tiers.find((tier) => tier.id === id);
      if (!current) throw new DomainError('not_found');
      const changes: Record<string, { before: unknown; after: unknown }> = {};
      if (input.position != null && input.position !== current.position) {
        if (!Number.isInteger(input.position) || input.position < 1 || input.position > tiers.length) {
          return failure(positionOutOfRangeMessage(tiers.length));
        }
        const others = tiers.filter((tier) => tier.id !== id).map((tier) => tier.id);
        others.splice(input.position - 1, 0, id);
        await renumberCustomerTiers(tx, group.id, others);
        changes.position = { before: current.position, after: input.position };
      }
      if (parsedName?.success && parsedName.data !== current.name) {
        await renameCustomerTier(tx, id, parsedName.data);
        changes.name = { before: current.name, after: parsedName.data };
      }
      if (Object.keys(changes).length === 0) return { ok: true as const, value: current };
      await recordAuditEvent(tx, permissions.user?.id ?? null, 'customer_tier_updated', groupAudited(group.id), { tier: current.name, ...changes });
      const name = parsedName?.success ? parsedName.data : current.name;
      return { ok: true as const, value: { ...current, name, position: input.position ?? current.position } };
    });
  } catch (error) {
    return uniqueTierNameFailure(error);
  }
}

/** Deletes a tier: its organizations are left without a tier, the tiers below move up. */
export async function deleteCustomerTier(db: Database, permissions: Permissions, id: number): Promise<ServiceResult<null>> {
  const { group } = await tierToManage(db, permissions, id);
  await db.transaction(async (tx) => {
    const tiers = await lockCustomerTiers(tx, group.id);
    const current = tiers.find((tier) => tier.id === id);
    if (!current) throw new DomainError('not_found');
    await deleteCustomerTierRow(tx, id);
    await renumberCustomerTiers(
      tx,
      group.id,
      tiers.filter((tier) => tier.id !== id).map((tier) => tier.id),
    );
    await recordAuditEvent(tx, permissions.user?.id ?? null, 'customer_tier_deleted', groupAudited(group.id), { tier: current.name });
  });
  return { ok: true, value: null };
}

/** Sets the currency of the group's annual revenues. Maintainers of the CRM group. */
export async function updateCrmCurrency(db: Database, permissions: Permissions, group: GroupRef, input: string): Promise<ServiceResult<string>> {
  await permissions.assertCanManageCrmGroup(group);
  const parsed = currency.safeParse(input);
  if (!parsed.success) return failure(...validationMessages(parsed.error));
  await db.transaction(async (tx) => {
    const before = await saveCrmCurrency(tx, group.id, parsed.data);
    if (before !== parsed.data) {
      await recordAuditEvent(tx, permissions.user?.id ?? null, 'crm_currency_updated', groupAudited(group.id), {
        currency: { before, after: parsed.data },
      });
    }
  });
  return { ok: true, value: parsed.data };
}

import { and, asc, eq, getColumns, sql } from 'drizzle-orm';
import type { Database } from '../db/client';
import { isAnyOf } from '../db/statements';
import { organizations, organizationTiers } from '../db/schema/crm';
import { groupCrmSettings } from '../db/schema/groups';

/** A group's customer tier (issue 15): position 1 is the highest. */
export type CustomerTier = typeof organizationTiers.$inferSelect;

export const defaultCurrency = 'USD';

export type CustomerTierWithCount = CustomerTier & { organizationCount: number };

/** A group's tiers, highest first, each with how many organizations have it (one statement). */
export async function listCustomerTiers(db: Database, groupId: number): Promise<CustomerTierWithCount[]> {
  return db
    .select({
      ...getColumns(organizationTiers),
      organizationCount: sql<number>`(select count(*)::int from ${organizations} where ${organizations.tierId} = ${organizationTiers.id})`,
    })
    .from(organizationTiers)
    .where(eq(organizationTiers.groupId, groupId))
    .orderBy(asc(organizationTiers.position));
}

/** Tiers by id, in one statement (the per-request loader's batch). */
export async function customerTiersByIds(db: Database, ids: readonly number[]): Promise<CustomerTier[]> {
  return db.select().from(organizationTiers).where(isAnyOf(organizationTiers.id, ids));
}

/** The tier when it is one of the group's. */
export async function findCustomerTierInGroup(db: Database, id: number, groupId: number): Promise<CustomerTier | null> {
  const [tier] = await db
    .select()
    .from(organizationTiers)
    .where(and(eq(organizationTiers.id, id), eq(organizationTiers.groupId, groupId)))
    .for('key share');
  return tier ?? null;
}

/**
 * The group's tiers, each held with a share lock until the transaction ends, so none is deleted
 * before the records naming it are written (the CSV import).
 */
export async function holdCustomerTiers(tx: Database, groupId: number): Promise<CustomerTier[]> {
  return tx.select().from(organizationTiers).where(eq(organizationTiers.groupId, groupId)).for('key share');
}

export async function findCustomerTier(db: Database, id: number): Promise<CustomerTier | null> {
  const [tier] = await db.select().from(organizationTiers).where(eq(organizationTiers.id, id));
  return tier ?? null;
}

/**
 * The group's tiers, highest first, locked until the transaction ends: changes to one group's
 * tiers (which renumber positions) run one after the other.
 */
export async function lockCustomerTiers(tx: Database, groupId: number): Promise<CustomerTier[]> {
  return tx
    .select()
    .from(organizationTiers)
    .where(eq(organizationTiers.groupId, groupId))
    .orderBy(asc(organizationTiers.position))
    .for('update');
}

export async function insertCustomerTier(tx: Database, values: { groupId: number; name: string; position: number }): Promise<CustomerTier> {
  const [created] = await tx.insert(organizationTiers).values(values).returning();
  if (!created) throw new Error('Tier insert returned no row');
  return created;
}

export async function renameCustomerTier(tx: Database, id: number, name: string): Promise<void> {
  await tx.update(organizationTiers).set({ name }).where(eq(organizationTiers.id, id));
}

/** Gives the tiers the positions 1..n in the order of `orderedIds`, in one statement. */
export async function renumberCustomerTiers(tx: Database, groupId: number, orderedIds: readonly number[]): Promise<void> {
  if (orderedIds.length === 0) return;
  await tx
    .update(organizationTiers)
    .set({ position: sql`array_position(${sql.param([...orderedIds])}::int[], ${organizationTiers.id})` })
    .where(and(eq(organizationTiers.groupId, groupId), isAnyOf(organizationTiers.id, orderedIds)));
}

/** Deletes the tier; its organizations keep no tier (the foreign key sets theirs to null). */
export async function deleteCustomerTierRow(tx: Database, id: number): Promise<void> {
  await tx.delete(organizationTiers).where(eq(organizationTiers.id, id));
}

/** The currency of the group's annual revenues (ISO 4217). */
export async function findCrmCurrency(db: Database, groupId: number): Promise<string> {
  const [row] = await db.select({ currency: groupCrmSettings.currency }).from(groupCrmSettings).where(eq(groupCrmSettings.groupId, groupId));
  return row?.currency ?? defaultCurrency;
}

/** Sets the currency; the group's settings row is created with its defaults if missing. */
export async function saveCrmCurrency(tx: Database, groupId: number, currency: string): Promise<string> {
  const [before] = await tx.select({ currency: groupCrmSettings.currency }).from(groupCrmSettings).where(eq(groupCrmSettings.groupId, groupId)).for('update');
  await tx
    .insert(groupCrmSettings)
    .values({ groupId, currency })
    .onConflictDoUpdate({ target: groupCrmSettings.groupId, set: { currency } });
  return before?.currency ?? defaultCurrency;
}

import type { AuditedRecord } from '../audit/audit-repository';
import { type SQL, and, asc, eq, getColumns, ne, sql } from 'drizzle-orm';
import type { GroupRef } from '../auth/access-lookups';
import { type Bound, Bindings, executeShaped, inlineLimit, isAnyOf, prepared } from '../db/statements';
import type { Database } from '../db/client';
import { contacts, organizationDomains, organizations, organizationTiers } from '../db/schema/crm';
import { groups } from '../db/schema/groups';
import { users } from '../db/schema/users';
import { buildPage, cursorValue, type KeysetOrder, keysetOrder, type Page, type PageArgs, planKeysetPage } from '../pagination/keyset';
import type { RecordState } from './contact-repository';
import { bindSearch, searchCondition } from '../db/search-terms';
import { noStateCounts, type StateCounts, stateCountsSelection } from './state-counts';
import { type SortField, splitSort, timestampSorts } from './sort-orders';

export type Organization = typeof organizations.$inferSelect;

export const organizationSortFields = [
  { name: 'NAME', label: 'Name' },
  { name: 'DESCRIPTION', label: 'Description' },
  { name: 'DEFAULT_RATE', label: 'Default Rate' },
  // Rapport only (issue 15): DESC puts the highest tier first; organizations without one come last.
  { name: 'TIER', label: 'Rapport only: Tier' },
  { name: 'ANNUAL_REVENUE', label: 'Rapport only: Annual revenue' },
] as const satisfies readonly SortField[];

export const organizationSorts = [
  ...organizationSortFields.flatMap((field) => [`${field.name}_ASC`, `${field.name}_DESC`] as const),
  ...timestampSorts,
] as const;
export type OrganizationSort = (typeof organizationSorts)[number];

export interface OrganizationFilter {
  groupId: number;
  search?: string | null;
  state?: RecordState | null;
  ids?: readonly number[] | null;
  /** Rapport only: organizations with this tier. */
  tierId?: number | null;
}

/** The tier's rank for sorting: higher is a higher tier (position 1 is the highest). */
const tierRank = sql<number | null>`(select -${organizationTiers.position} from ${organizationTiers} where ${organizationTiers.id} = ${organizations.tierId})`;

const sortKeys = {
  NAME: { key: organizations.name, kind: 'text' },
  DESCRIPTION: { key: organizations.description, kind: 'text' },
  DEFAULT_RATE: { key: organizations.defaultRate, kind: 'numeric' },
  TIER: { key: tierRank, kind: 'numeric' },
  ANNUAL_REVENUE: { key: organizations.annualRevenue, kind: 'numeric' },
  CREATED: { key: organizations.createdAt, kind: 'timestamp' },
  UPDATED: { key: organizations.updatedAt, kind: 'timestamp' },
} as const;

export function organizationOrder(sort: OrganizationSort): KeysetOrder {
  const { field, direction } = splitSort(sort);
  const { key, kind } = sortKeys[field as keyof typeof sortKeys] ?? sortKeys.NAME;
  return keysetOrder(key, kind, direction, organizations.id);
}

function bindOrganizationFilter(filter: OrganizationFilter, bindings: Bindings): Bound<OrganizationFilter> {
  return {
    groupId: bindings.bind('groupId', filter.groupId),
    state: bindings.bindOptional('state', filter.state || null),
    ids: bindings.bindOptional('ids', filter.ids),
    tierId: bindings.bindOptional('tierId', filter.tierId),
    search: bindSearch(filter.search, bindings),
  };
}

export function organizationFilterCondition(filter: Bound<OrganizationFilter>): SQL | undefined {
  return and(
    eq(organizations.groupId, filter.groupId),
    filter.state ? eq(organizations.state, filter.state) : undefined,
    filter.ids ? isAnyOf(organizations.id, filter.ids) : undefined,
    filter.tierId ? eq(organizations.tierId, filter.tierId) : undefined,
    searchCondition(
      filter.search,
      sql`(${organizations.name} || ' ' || coalesce(${organizations.description}, ''))`,
      [sql`${organizations.name}`, sql`${organizations.description}`],
    ),
  );
}

export type OrganizationRow = Organization & { sortValue: string | null };

export async function listOrganizations(
  db: Database,
  filter: OrganizationFilter,
  sort: OrganizationSort,
  page: PageArgs,
): Promise<Page<OrganizationRow>> {
  const order = organizationOrder(sort);
  const bindings = new Bindings();
  const plan = planKeysetPage(order, page, bindings);
  const bound = bindOrganizationFilter(filter, bindings);
  bindings.note(sort);
  const rows = await executeShaped(db, 'organizations_page', bindings, () =>
    db
      .select({ ...getColumns(organizations), sortValue: cursorValue(order) })
      .from(organizations)
      .where(and(organizationFilterCondition(bound), plan.where))
      .orderBy(...plan.orderBy)
      .limit(inlineLimit(plan.limit)),
  );
  return buildPage(rows, plan, page);
}

export async function countOrganizations(db: Database, filter: OrganizationFilter): Promise<number> {
  const bindings = new Bindings();
  const bound = bindOrganizationFilter(filter, bindings);
  const [row] = await executeShaped(db, 'organization_count', bindings, () =>
    db.select({ count: sql<number>`count(*)::int` }).from(organizations).where(organizationFilterCondition(bound)),
  );
  return row?.count ?? 0;
}

/** `Group.organizationStateCounts`: the three tab counts in one statement. */
export async function countOrganizationsByState(db: Database, filter: OrganizationFilter): Promise<StateCounts> {
  const bindings = new Bindings();
  const bound = bindOrganizationFilter(filter, bindings);
  const [row] = await executeShaped(db, 'organization_state_counts', bindings, () =>
    db.select(stateCountsSelection(organizations.state)).from(organizations).where(organizationFilterCondition(bound)),
  );
  return row ?? noStateCounts;
}

export async function findOrganizationWithGroup(db: Database, id: number): Promise<{ organization: Organization; group: GroupRef } | null> {
  const [row] = await db
    .select({ organization: organizations, group: { id: groups.id, fullPath: groups.fullPath } })
    .from(organizations)
    .innerJoin(groups, eq(groups.id, organizations.groupId))
    .where(eq(organizations.id, id))
    .limit(1);
  return row ?? null;
}

/** Organizations by id, in one prepared statement (the per-request loader's batch). */
export async function organizationsByIds(db: Database, ids: readonly number[]): Promise<Organization[]> {
  const statement = prepared(db, 'organizations_by_ids', (db, name) =>
    db.select().from(organizations).where(isAnyOf(organizations.id, sql.placeholder('ids'))).prepare(name),
  );
  return statement.execute({ ids });
}

/**
 * Whether the organization is in the group, holding a share lock on it until the transaction ends
 * so it cannot disappear between this check and the write that refers to it.
 */
export async function organizationInGroupLocked(tx: Database, organizationId: number, groupId: number): Promise<boolean> {
  const [row] = await tx
    .select({ id: organizations.id })
    .from(organizations)
    .where(and(eq(organizations.id, organizationId), eq(organizations.groupId, groupId)))
    .for('key share');
  return row !== undefined;
}

export type OrganizationValues = Omit<typeof organizations.$inferInsert, 'id' | 'createdAt' | 'updatedAt'>;

export async function insertOrganization(tx: Database, values: OrganizationValues): Promise<Organization> {
  const [created] = await tx.insert(organizations).values(values).returning();
  if (!created) throw new Error('Organization insert returned no row');
  return created;
}

/**
 * The organization, its row locked until the transaction ends: concurrent changes to it run one after
 * the other, and a contact being added to it waits (its foreign key check needs a share lock).
 */
export async function lockOrganization(tx: Database, id: number): Promise<Organization | null> {
  const [organization] = await tx.select().from(organizations).where(eq(organizations.id, id)).for('update');
  return organization ?? null;
}

/** Applies `values` and touches `updated_at`. */
export async function updateOrganizationRow(tx: Database, id: number, values: Partial<OrganizationValues>): Promise<Organization> {
  const [updated] = await tx
    .update(organizations)
    .set({ ...values, updatedAt: sql`now()` })
    .where(eq(organizations.id, id))
    .returning();
  if (!updated) throw new Error('Organization update returned no row');
  return updated;
}

export async function deleteOrganizationRow(tx: Database, id: number): Promise<void> {
  await tx.delete(organizations).where(eq(organizations.id, id));
}

/** The organization as its audit events name it. */
export const organizationAudited = (organization: Pick<Organization, 'id' | 'groupId'>): AuditedRecord => ({
  type: 'CustomerRelations::Organization',
  id: organization.id,
  groupId: organization.groupId,
});

/** The organizations' domains, alphabetically, in one statement (the per-request loader's batch). */
export async function domainsByOrganizationIds(db: Database, ids: readonly number[]): Promise<Map<number, string[]>> {
  const rows = await db
    .select({ organizationId: organizationDomains.organizationId, domain: organizationDomains.domain })
    .from(organizationDomains)
    .where(isAnyOf(organizationDomains.organizationId, ids))
    .orderBy(asc(organizationDomains.domain));
  const byOrganization = new Map<number, string[]>();
  for (const row of rows) byOrganization.set(row.organizationId, [...(byOrganization.get(row.organizationId) ?? []), row.domain]);
  return byOrganization;
}

/** What an organization's attributes are named by outside the API (the CSV export): its domains, tier and account owner. */
export interface OrganizationAttributeNames {
  /** Alphabetical. */
  domains: string[];
  tierName: string | null;
  accountOwnerUsername: string | null;
}

/** The attribute names of many organizations, in one statement. */
export async function organizationAttributeNames(db: Database, ids: readonly number[]): Promise<Map<number, OrganizationAttributeNames>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({
      id: organizations.id,
      domains: sql<string | null>`(select string_agg(${organizationDomains.domain}, ' ' order by ${organizationDomains.domain}) from ${organizationDomains} where ${organizationDomains.organizationId} = ${organizations.id})`,
      tierName: organizationTiers.name,
      accountOwnerUsername: users.username,
    })
    .from(organizations)
    .leftJoin(organizationTiers, eq(organizationTiers.id, organizations.tierId))
    .leftJoin(users, eq(users.id, organizations.accountOwnerId))
    .where(isAnyOf(organizations.id, ids));
  return new Map(rows.map(({ id, domains, ...names }) => [id, { ...names, domains: domains ? domains.split(' ') : [] }]));
}

/** Which of `domains` another organization of the group already has, with that organization's name. */
export async function domainsClaimedByOthers(
  db: Database,
  groupId: number,
  organizationId: number | null,
  domains: readonly string[],
): Promise<{ domain: string; organizationName: string }[]> {
  if (domains.length === 0) return [];
  return db
    .select({ domain: organizationDomains.domain, organizationName: organizations.name })
    .from(organizationDomains)
    .innerJoin(organizations, eq(organizations.id, organizationDomains.organizationId))
    .where(
      and(
        eq(organizationDomains.groupId, groupId),
        isAnyOf(organizationDomains.domain, domains),
        organizationId === null ? undefined : ne(organizationDomains.organizationId, organizationId),
      ),
    )
    .orderBy(asc(organizationDomains.domain));
}

/** Replaces the organization's domains with `domains` (already normalized); returns the ones it had. */
export async function replaceOrganizationDomains(tx: Database, organization: Pick<Organization, 'id' | 'groupId'>, domains: readonly string[]): Promise<string[]> {
  const removed = await tx.delete(organizationDomains).where(eq(organizationDomains.organizationId, organization.id)).returning({ domain: organizationDomains.domain });
  if (domains.length > 0) {
    await tx.insert(organizationDomains).values(domains.map((domain) => ({ groupId: organization.groupId, organizationId: organization.id, domain })));
  }
  return removed.map((row) => row.domain).sort();
}

/** The domain part of a contact's email, lower-case. */
const contactEmailDomain = (email: SQL | typeof contacts.email) => sql`lower(split_part(${email}, '@', 2))`;

/** A listed domain matches the email's domain when it is the same or a parent domain (`acme.com` for `eu.acme.com`). */
function domainMatches(emailDomainSql: SQL): SQL {
  return sql`(${organizationDomains.domain} = ${emailDomainSql} or right(${emailDomainSql}, char_length(${organizationDomains.domain}) + 1) = '.' || ${organizationDomains.domain})`;
}

/**
 * A set-based helper for writers of many contacts (the CSV import): the id of the one organization
 * of `groupId` whose domains match `email`'s domain, or NULL when none or several do. Use it in an
 * `INSERT … SELECT` or `UPDATE … SET organization_id = coalesce(organization_id, <this>)`.
 */
export function organizationIdByEmailDomain(groupId: number | SQL, email: SQL | typeof contacts.email): SQL<number | null> {
  const domain = contactEmailDomain(email);
  return sql<number | null>`(select case when count(distinct ${organizationDomains.organizationId}) = 1 then min(${organizationDomains.organizationId}) end
    from ${organizationDomains} where ${organizationDomains.groupId} = ${groupId} and ${domainMatches(domain)})`;
}

/** The organization a new contact with this email gets from its domain (one statement), or null. */
export async function organizationIdForEmail(tx: Database, groupId: number, email: string): Promise<number | null> {
  const result = (await tx.execute(sql`select ${organizationIdByEmailDomain(groupId, sql`${email}`)} as id`)) as unknown as { rows: { id: number | null }[] };
  return result.rows[0]?.id ?? null;
}

export interface DomainMatch {
  contact: typeof contacts.$inferSelect;
  organization: Organization;
}

/**
 * Every contact of the group without an organization whose email domain matches some
 * organization's domains, with each matching organization (one row per pair, one statement).
 */
export async function contactDomainMatches(db: Database, groupId: number): Promise<DomainMatch[]> {
  return db
    .select({ contact: contacts, organization: organizations })
    .from(contacts)
    .innerJoin(organizationDomains, and(eq(organizationDomains.groupId, contacts.groupId), domainMatches(contactEmailDomain(contacts.email))))
    .innerJoin(organizations, eq(organizations.id, organizationDomains.organizationId))
    .where(and(eq(contacts.groupId, groupId), sql`${contacts.organizationId} is null`, sql`${contacts.email} is not null`))
    .orderBy(asc(contacts.lastName), asc(contacts.firstName), asc(contacts.id), asc(organizations.name), asc(organizations.id));
}

/**
 * Gives each contact its organization, only while it still has none (one statement); returns the
 * contacts changed.
 */
export async function assignContactOrganizations(
  tx: Database,
  groupId: number,
  assignments: readonly { contactId: number; organizationId: number }[],
): Promise<{ contactId: number; organizationId: number }[]> {
  if (assignments.length === 0) return [];
  const contactIds = assignments.map((assignment) => assignment.contactId);
  const organizationIds = assignments.map((assignment) => assignment.organizationId);
  return tx
    .update(contacts)
    .set({
      organizationId: sql`(${sql.param(organizationIds)}::int[])[array_position(${sql.param(contactIds)}::int[], ${contacts.id})]`,
      updatedAt: sql`now()`,
    })
    .where(and(eq(contacts.groupId, groupId), isAnyOf(contacts.id, contactIds), sql`${contacts.organizationId} is null`))
    .returning({ contactId: contacts.id, organizationId: sql<number>`${contacts.organizationId}` });
}

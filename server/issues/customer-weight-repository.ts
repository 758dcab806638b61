import DataLoader from 'dataloader';
import { type AnyColumn, type SQL, type SQLWrapper, and, asc, eq, getColumns, sql } from 'drizzle-orm';
import type { Contact } from '../crm/contact-repository';
import type { CustomerTier } from '../crm/customer-tier-repository';
import type { Database } from '../db/client';
import { contacts, organizations, organizationTiers } from '../db/schema/crm';
import { projects } from '../db/schema/groups';
import { issueContacts, issues } from '../db/schema/issues';
import type { Issue } from './issue-repository';
import { isAnyOf, prepared } from '../db/statements';

/**
 * Customer weight of issues (issue 15): how many organizations ask for an issue, what they are
 * worth, how many of their requests are important and the best tier among them. An organization
 * linked through several contacts counts once. The same expressions sort the issue lists, filter
 * them by tier and load each issue's `customerWeight`, so a list's order always agrees with what
 * its rows show.
 */

/** The distinct organizations of the contacts linked to the issue `issueId` (an SQL expression). */
function linkedOrganizationIds(issueId: SQLWrapper): SQL {
  return sql`select ${contacts.organizationId} from ${issueContacts} inner join ${contacts} on ${contacts.id} = ${issueContacts.contactId} where ${issueContacts.issueId} = ${issueId}`;
}

export const organizationCount = (issueId: SQLWrapper) =>
  sql<number>`(select count(distinct ${contacts.organizationId})::int from ${issueContacts} inner join ${contacts} on ${contacts.id} = ${issueContacts.contactId} where ${issueContacts.issueId} = ${issueId})`;

/** Null when no linked organization has a revenue. */
export const annualRevenueSum = (issueId: SQLWrapper) =>
  sql<string | null>`(select sum(${organizations.annualRevenue}) from ${organizations} where ${organizations.id} in (${linkedOrganizationIds(issueId)}))`;

export const importantRequestCount = (issueId: SQLWrapper) =>
  sql<number>`(select count(*)::int from ${issueContacts} where ${issueContacts.issueId} = ${issueId} and ${issueContacts.important})`;

/** The position of the best tier among the linked organizations (1 is the highest); null when none has a tier. */
export const bestTierPosition = (issueId: SQLWrapper) =>
  sql<number | null>`(select min(${organizationTiers.position}) from ${organizations} inner join ${organizationTiers} on ${organizationTiers.id} = ${organizations.tierId} where ${organizations.id} in (${linkedOrganizationIds(issueId)}))`;

/** A column of the best tier among the linked organizations; null when none has a tier. */
const bestTierColumn = <T>(issueId: SQLWrapper, column: AnyColumn) =>
  sql<T | null>`(select ${column} from ${organizations} inner join ${organizationTiers} on ${organizationTiers.id} = ${organizations.tierId} where ${organizations.id} in (${linkedOrganizationIds(issueId)}) order by ${organizationTiers.position}, ${organizationTiers.id} limit 1)`;

/** An issue's best tier, as `RapportCustomerTier` shows it. */
export type WeightTier = Pick<CustomerTier, 'id' | 'name' | 'position'>;

function weightTier(row: { tierId: number | null; tierName: string | null; tierPosition: number | null }): WeightTier | null {
  return row.tierId === null || row.tierName === null || row.tierPosition === null
    ? null
    : { id: Number(row.tierId), name: row.tierName, position: Number(row.tierPosition) };
}

/**
 * The open issues of readable projects with a contact of `crmGroupId`, grouped by their best tier
 * (best first, then those without a tier), at most `perTier` of each: within a tier, the most
 * important requests first, then the largest revenue, then the most organizations, then the newest.
 * One statement.
 */
export async function mostRequestedIssuesByTier(
  db: Database,
  { crmGroupId, readableProjects, perTier }: { crmGroupId: number; readableProjects: SQL; perTier: number },
): Promise<{ tier: WeightTier | null; issues: Issue[] }[]> {
  const bestTierId = bestTierColumn<number>(issues.id, organizationTiers.id);
  const ranked = db
    .select({
      ...getColumns(issues),
      tierId: sql<number | null>`${bestTierId}`.as('tier_id'),
      tierName: sql<string | null>`${bestTierColumn<string>(issues.id, organizationTiers.name)}`.as('tier_name'),
      tierPosition: sql<number | null>`${bestTierPosition(issues.id)}`.as('tier_position'),
      rank: sql<number>`row_number() over (partition by ${bestTierId} order by ${importantRequestCount(issues.id)} desc, ${annualRevenueSum(issues.id)} desc nulls last, ${organizationCount(issues.id)} desc, ${issues.id} desc)`.as('rank'),
    })
    .from(issues)
    .innerJoin(projects, eq(projects.id, issues.projectId))
    .where(
      and(
        eq(issues.state, 'opened'),
        readableProjects,
        sql`exists (select 1 from ${issueContacts} inner join ${contacts} on ${contacts.id} = ${issueContacts.contactId} where ${issueContacts.issueId} = ${issues.id} and ${contacts.groupId} = ${crmGroupId})`,
      ),
    )
    .as('ranked');
  const rows = await db
    .select()
    .from(ranked)
    .where(sql`${ranked.rank} <= ${perTier}`)
    .orderBy(sql`${ranked.tierPosition} asc nulls last`, asc(ranked.tierId), asc(ranked.rank));
  const tiers: { tier: WeightTier | null; issues: Issue[] }[] = [];
  for (const { tierId, tierName, tierPosition, rank: _rank, ...issue } of rows) {
    const tier = weightTier({ tierId, tierName, tierPosition });
    const last = tiers.at(-1);
    if (last && last.tier?.id === tier?.id) last.issues.push(issue);
    else tiers.push({ tier, issues: [issue] });
  }
  return tiers;
}

/** Issues with a linked organization in the tier named `tierName` (case-insensitive). */
export function linkedToTierCondition(issueId: SQLWrapper, tierName: string): SQL {
  return sql`exists (select 1 from ${organizations} inner join ${organizationTiers} on ${organizationTiers.id} = ${organizations.tierId} where ${organizations.id} in (${linkedOrganizationIds(issueId)}) and lower(${organizationTiers.name}) = lower(${tierName}))`;
}

export interface CustomerWeight {
  organizationCount: number;
  annualRevenue: number | null;
  importantRequestCount: number;
  highestTier: WeightTier | null;
}

/** The customer weight of many issues in one statement. */
export async function customerWeightsOf(db: Database, issueIds: readonly number[]): Promise<Map<number, CustomerWeight>> {
  // The relational query qualifies every column (a plain single-table select would not, and the
  // subqueries' columns would then be ambiguous).
  const statement = prepared(db, 'issue_customer_weights', (db, name) =>
    db.query.issues
      .findMany({
        columns: { id: true },
        extras: {
          organizationCount: (table) => organizationCount(table.id),
          annualRevenue: (table) => annualRevenueSum(table.id),
          importantRequestCount: (table) => importantRequestCount(table.id),
          tierId: (table) => bestTierColumn<number>(table.id, organizationTiers.id),
          tierName: (table) => bestTierColumn<string>(table.id, organizationTiers.name),
          tierPosition: (table) => bestTierPosition(table.id),
        },
        where: { RAW: (table) => isAnyOf(table.id, sql.placeholder('issueIds')) },
      })
      .prepare(name),
  );
  const rows = await statement.execute({ issueIds });
  return new Map(
    rows.map((row) => [
      row.id,
      {
        organizationCount: Number(row.organizationCount),
        annualRevenue: row.annualRevenue === null ? null : Number(row.annualRevenue),
        importantRequestCount: Number(row.importantRequestCount),
        highestTier: weightTier(row),
      },
    ]),
  );
}

export function createCustomerWeightLoader(db: Database) {
  return new DataLoader<number, CustomerWeight | null>(async (issueIds) => {
    const weights = await customerWeightsOf(db, issueIds);
    return issueIds.map((id) => weights.get(id) ?? null);
  });
}

/** A customer request: a contact linked to an issue, maybe marked important, with a note. */
export interface CustomerRequest {
  issueId: number;
  contact: Contact;
  important: boolean;
  note: string | null;
}

/** The requests (every linked contact) of many issues in one statement, in the order the contacts were linked. */
export async function customerRequestsOf(db: Database, issueIds: readonly number[]): Promise<Map<number, CustomerRequest[]>> {
  const statement = prepared(db, 'issue_customer_requests', (db, name) =>
    db
      .select({ issueId: issueContacts.issueId, important: issueContacts.important, note: issueContacts.requestNote, contact: getColumns(contacts) })
      .from(issueContacts)
      .innerJoin(contacts, eq(contacts.id, issueContacts.contactId))
      .where(isAnyOf(issueContacts.issueId, sql.placeholder('issueIds')))
      .orderBy(asc(issueContacts.createdAt), asc(contacts.id))
      .prepare(name),
  );
  const byIssue = new Map<number, CustomerRequest[]>(issueIds.map((id) => [id, []]));
  for (const row of await statement.execute({ issueIds })) byIssue.get(row.issueId)?.push(row);
  return byIssue;
}

export function createCustomerRequestsLoader(db: Database) {
  return new DataLoader<number, CustomerRequest[]>(async (issueIds) => {
    const byIssue = await customerRequestsOf(db, issueIds);
    return issueIds.map((id) => byIssue.get(id) ?? []);
  });
}

/** Sets a link's flag and note. */
export async function updateCustomerRequest(
  db: Database,
  link: { issueId: number; contactId: number },
  patch: { important?: boolean; requestNote?: string | null },
): Promise<void> {
  await db
    .update(issueContacts)
    .set(patch)
    .where(and(eq(issueContacts.issueId, link.issueId), eq(issueContacts.contactId, link.contactId)));
}

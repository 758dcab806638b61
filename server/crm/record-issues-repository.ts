import { type SQL, and, eq, sql } from 'drizzle-orm';
import { isAnyOf } from '../db/statements';
import type { Permissions } from '../auth/permissions';
import type { Database } from '../db/client';
import { contacts } from '../db/schema/crm';
import { projects } from '../db/schema/groups';
import { issueContacts, issues } from '../db/schema/issues';
import type { Issue } from '../issues/issue-repository';
import { keysetOrder, type Page, type PageArgs, planKeysetPage } from '../pagination/keyset';
import { pagesByOwner, rankedWithinOwner } from '../pagination/owner-pages';

/**
 * The issues linked to contacts (`Contact.issues`) or to an organization's contacts
 * (`Organization.issues`, `openIssueCount`), for many owners per statement. Only issues of projects
 * the viewer can read are listed or counted.
 */

export type IssueOwner = 'contact' | 'organization';
export type IssueRow = Issue & { sortValue: string | null };

export interface IssueFilter {
  state?: 'opened' | 'closed' | null;
}

/** Newest first, as GitLab lists issues. */
const issueOrder = keysetOrder(issues.createdAt, 'timestamp', 'desc', issues.id);

/** (owner, issue) pairs: a contact's links, or the distinct issues of an organization's contacts. */
function ownerIssuePairs(db: Database, owner: IssueOwner, ownerIds: readonly number[]) {
  if (owner === 'contact') {
    return db
      .select({ ownerId: sql<number>`${issueContacts.contactId}`.as('pair_owner_id'), issueId: sql<number>`${issueContacts.issueId}`.as('pair_issue_id') })
      .from(issueContacts)
      .where(isAnyOf(issueContacts.contactId, ownerIds))
      .as('pairs');
  }
  return db
    .selectDistinct({ ownerId: sql<number>`${contacts.organizationId}`.as('pair_owner_id'), issueId: sql<number>`${issueContacts.issueId}`.as('pair_issue_id') })
    .from(issueContacts)
    .innerJoin(contacts, eq(contacts.id, issueContacts.contactId))
    .where(isAnyOf(contacts.organizationId, ownerIds))
    .as('pairs');
}

function visibleIssues(permissions: Permissions, filter: IssueFilter): SQL | undefined {
  return and(permissions.readableProjectsCondition(), filter.state ? eq(issues.state, filter.state) : undefined);
}

export async function listIssuesOfOwners(
  db: Database,
  permissions: Permissions,
  owner: IssueOwner,
  ownerIds: readonly number[],
  filter: IssueFilter,
  page: PageArgs,
): Promise<Map<number, Page<IssueRow>>> {
  const plan = planKeysetPage(issueOrder, page);
  const pairs = ownerIssuePairs(db, owner, ownerIds);
  const ranked = db
    .select({ id: sql<number>`${issues.id}`.as('ranked_id'), ...rankedWithinOwner(sql`${pairs.ownerId}`, issueOrder, plan) })
    .from(pairs)
    .innerJoin(issues, eq(issues.id, pairs.issueId))
    .innerJoin(projects, eq(projects.id, issues.projectId))
    .where(and(visibleIssues(permissions, filter), plan.where))
    .as('ranked');
  const rows = await db
    .select({ issue: issues, ownerId: ranked.ownerId, sortValue: ranked.sortValue })
    .from(ranked)
    .innerJoin(issues, eq(issues.id, ranked.id))
    .where(sql`${ranked.rank} <= ${plan.limit}`)
    .orderBy(ranked.ownerId, ranked.rank);
  return pagesByOwner(
    ownerIds,
    rows.map((row) => ({ ownerId: row.ownerId, node: { ...row.issue, sortValue: row.sortValue } })),
    plan,
    page,
  );
}

export async function countIssuesOfOwners(
  db: Database,
  permissions: Permissions,
  owner: IssueOwner,
  ownerIds: readonly number[],
  filter: IssueFilter,
): Promise<Map<number, number>> {
  const pairs = ownerIssuePairs(db, owner, ownerIds);
  const rows = await db
    .select({ ownerId: pairs.ownerId, count: sql<number>`count(*)::int` })
    .from(pairs)
    .innerJoin(issues, eq(issues.id, pairs.issueId))
    .innerJoin(projects, eq(projects.id, issues.projectId))
    .where(visibleIssues(permissions, filter))
    .groupBy(pairs.ownerId);
  return new Map(rows.map((row) => [Number(row.ownerId), row.count]));
}

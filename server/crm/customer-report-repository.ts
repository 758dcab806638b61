import { type SQL, sql } from 'drizzle-orm';
import type { Database } from '../db/client';
import { contacts, organizations } from '../db/schema/crm';
import { projects } from '../db/schema/groups';
import { issueContacts, issues, timelogs } from '../db/schema/issues';
import { users } from '../db/schema/users';
import { isAnyOf, rowsOf } from '../db/statements';

/**
 * The customer report's SQL. An issue belongs to an organization when one of its contacts does; an
 * issue of several organizations counts for each, and its time is split equally between them.
 * Every query is one statement, whatever the number of organizations.
 */

export interface ReportScope {
  groupId: number;
  /** Inclusive start of the period (midnight UTC of its first day). */
  from: Date;
  /** Exclusive end of the period (midnight UTC after its last day). */
  until: Date;
  /** The viewer's readable projects, as a condition on the `projects` table. */
  readableProjects: SQL;
}

export interface ReportRowData {
  organizationId: number;
  name: string;
  defaultRate: string | null;
  linkedIssues: number;
  issuesOpened: number;
  issuesClosed: number;
  /** Seconds spent in the period on its issues, each issue's time divided by its organizations. */
  timeSpent: number;
  /** Its issues with time in the period that are shared with other organizations. */
  sharedIssues: number;
}

/** The issues of the group's organizations that the viewer can read, one row per issue and organization. */
function issueOrganizations(scope: ReportScope, organizationId?: number): SQL {
  return sql`select distinct ${issueContacts.issueId} as issue_id, ${contacts.organizationId} as organization_id
    from ${issueContacts}
    join ${contacts} on ${contacts.id} = ${issueContacts.contactId}
    join ${issues} on ${issues.id} = ${issueContacts.issueId}
    join ${projects} on ${projects.id} = ${issues.projectId}
    where ${contacts.groupId} = ${scope.groupId} and ${contacts.organizationId} is not null and ${scope.readableProjects}
    ${organizationId === undefined ? sql`` : sql`and ${issueContacts.issueId} in (select ic.issue_id from ${issueContacts} ic join ${contacts} c on c.id = ic.contact_id where c.organization_id = ${organizationId})`}`;
}

/** How many organizations share each issue, and the seconds spent on it in the period. */
function issueShares(scope: ReportScope): SQL {
  return sql`select io.issue_id, count(*)::int as organization_count,
      (select coalesce(sum(${timelogs.timeSpent}), 0) from ${timelogs}
        where ${timelogs.issueId} = io.issue_id and ${timelogs.spentAt} >= ${scope.from} and ${timelogs.spentAt} < ${scope.until})::bigint as seconds
    from issue_organizations io group by io.issue_id`;
}

export async function customerReportRows(db: Database, scope: ReportScope): Promise<ReportRowData[]> {
  const rows = await rowsOf<{
    organization_id: number;
    name: string;
    default_rate: string | null;
    linked_issues: number;
    issues_opened: number;
    issues_closed: number;
    time_spent: string | number;
    shared_issues: number;
  }>(
    db,
    sql`with issue_organizations as (${issueOrganizations(scope)}), shares as (${issueShares(scope)})
      select o.id as organization_id, o.name, o.default_rate::text as default_rate,
        count(io.issue_id)::int as linked_issues,
        count(io.issue_id) filter (where i.created_at >= ${scope.from} and i.created_at < ${scope.until})::int as issues_opened,
        count(io.issue_id) filter (where i.closed_at >= ${scope.from} and i.closed_at < ${scope.until})::int as issues_closed,
        coalesce(sum(s.seconds::numeric / s.organization_count), 0)::float8 as time_spent,
        count(io.issue_id) filter (where s.organization_count > 1 and s.seconds <> 0)::int as shared_issues
      from ${organizations} o
      left join issue_organizations io on io.organization_id = o.id
      left join ${issues} i on i.id = io.issue_id
      left join shares s on s.issue_id = io.issue_id
      where o.group_id = ${scope.groupId}
      group by o.id, o.name, o.default_rate
      order by lower(o.name), o.id`,
  );
  return rows.map((row) => ({
    organizationId: row.organization_id,
    name: row.name,
    defaultRate: row.default_rate,
    linkedIssues: row.linked_issues,
    issuesOpened: row.issues_opened,
    issuesClosed: row.issues_closed,
    timeSpent: Number(row.time_spent),
    sharedIssues: row.shared_issues,
  }));
}

export interface ReportIssueData {
  issueId: number;
  iid: number;
  title: string;
  state: 'opened' | 'closed';
  projectPath: string;
  organizationCount: number;
  /** Seconds spent on the issue in the period, before the split. */
  seconds: number;
}

/** One organization's issues with the time spent on each in the period (the drill-down). */
export async function organizationReportIssues(db: Database, scope: ReportScope, organizationId: number): Promise<ReportIssueData[]> {
  const rows = await rowsOf<{ issue_id: number; iid: number; title: string; state: 'opened' | 'closed'; project_path: string; organization_count: number; seconds: string | number }>(
    db,
    sql`with issue_organizations as (${issueOrganizations(scope, organizationId)}), shares as (${issueShares(scope)})
      select i.id as issue_id, i.iid, i.title, i.state, p.full_path as project_path, s.organization_count, s.seconds
      from shares s join ${issues} i on i.id = s.issue_id join ${projects} p on p.id = i.project_id
      order by s.seconds desc, i.id`,
  );
  return rows.map((row) => ({
    issueId: row.issue_id,
    iid: row.iid,
    title: row.title,
    state: row.state,
    projectPath: row.project_path,
    organizationCount: row.organization_count,
    seconds: Number(row.seconds),
  }));
}

export interface ReportTimelogData {
  timelogId: number;
  issueId: number;
  timeSpent: number;
  spentAt: Date;
  summary: string | null;
  userName: string;
}

/** The timelogs of the period on the given issues, newest first, with who logged them. */
export async function reportTimelogsOfIssues(db: Database, scope: ReportScope, issueIds: readonly number[]): Promise<ReportTimelogData[]> {
  if (issueIds.length === 0) return [];
  const rows = await rowsOf<{ id: number; issue_id: number; time_spent: number; spent_at: string | Date; summary: string | null; user_name: string }>(
    db,
    sql`select t.id, t.issue_id, t.time_spent, t.spent_at, t.summary, u.name as user_name
      from ${timelogs} t join ${users} u on u.id = t.user_id
      where ${isAnyOf(sql`t.issue_id`, issueIds)} and t.spent_at >= ${scope.from} and t.spent_at < ${scope.until}
      order by t.spent_at desc, t.id desc`,
  );
  return rows.map((row) => ({
    timelogId: row.id,
    issueId: row.issue_id,
    timeSpent: row.time_spent,
    spentAt: new Date(row.spent_at),
    summary: row.summary,
    userName: row.user_name,
  }));
}

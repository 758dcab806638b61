import type { GroupRef } from '../auth/access-lookups';
import type { Permissions } from '../auth/permissions';
import type { Database } from '../db/client';
import { DomainError } from '../errors';
import {
  customerReportRows,
  organizationReportIssues,
  type ReportIssueData,
  type ReportRowData,
  type ReportScope,
  type ReportTimelogData,
  reportTimelogsOfIssues,
} from './customer-report-repository';
import type { Organization } from './organization-repository';

/**
 * The customer report (Rapport's own, SPEC "Customer report"): per organization of a CRM group and
 * for a period of whole UTC days, the issues linked through its contacts, those opened and closed
 * in the period, the hours logged on them in the period (an issue shared by several organizations
 * splits its time equally) and hours × the organization's default rate. Reporters and above.
 */

export const maxReportYears = 5;

export interface ReportPeriod {
  /** First day, `YYYY-MM-DD`. */
  from: string;
  /** Last day, `YYYY-MM-DD`, included. */
  to: string;
}

const dayPattern = /^(\d{4})-(\d{2})-(\d{2})$/;
const day = (date: Date) => date.toISOString().slice(0, 10);

/** This month in UTC: the report's default period. */
export function currentMonth(now = new Date()): ReportPeriod {
  const first = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
  const last = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 0));
  return { from: day(first), to: day(last) };
}

function parseDay(name: string, value: string): Date {
  const match = dayPattern.exec(value);
  const date = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : null;
  if (!date || day(date) !== value) throw new DomainError('invalid_argument', `${name} is not a valid date (YYYY-MM-DD): ${JSON.stringify(value)}`);
  return date;
}

/** The period asked for (this month for what is missing), checked: it ends after it starts, within 5 years. */
export function reportPeriod(input: { from?: string | null; to?: string | null }, now = new Date()): ReportPeriod & { start: Date; until: Date } {
  const month = currentMonth(now);
  const period = { from: input.from || month.from, to: input.to || month.to };
  const start = parseDay('from', period.from);
  const last = parseDay('to', period.to);
  if (last < start) throw new DomainError('invalid_argument', `The period ends before it starts: to (${period.to}) must be on or after from (${period.from})`);
  const limit = new Date(start);
  limit.setUTCFullYear(limit.getUTCFullYear() + maxReportYears);
  if (last >= limit) throw new DomainError('invalid_argument', `The period spans more than ${maxReportYears} years: choose a shorter range`);
  return { ...period, start, until: new Date(last.getTime() + 86_400_000) };
}

const round2 = (value: number) => Math.round(value * 100) / 100;

/** Hours and billable amount of a number of seconds at a rate (null: no rate, nothing billable). */
export function billable(seconds: number, defaultRate: string | null): { hours: number; amount: number | null } {
  const hours = seconds / 3600;
  return { hours: round2(hours), amount: defaultRate === null ? null : round2(hours * Number(defaultRate)) };
}

export type ReportRow = ReportRowData & { hours: number; amount: number | null };

export interface CustomerReport extends ReportPeriod {
  rows: ReportRow[];
  totals: { linkedIssues: number; issuesOpened: number; issuesClosed: number; hours: number; amount: number; sharedIssues: number };
}

async function reportScope(permissions: Permissions, group: GroupRef, input: { from?: string | null; to?: string | null }) {
  if (!(await permissions.canReadCustomerReport(group))) throw new DomainError('not_found');
  const period = reportPeriod(input);
  const scope: ReportScope = { groupId: group.id, from: period.start, until: period.until, readableProjects: permissions.readableProjectsCondition() };
  return { period, scope };
}

export async function customerReport(
  db: Database,
  permissions: Permissions,
  group: GroupRef,
  input: { from?: string | null; to?: string | null },
): Promise<CustomerReport> {
  const { period, scope } = await reportScope(permissions, group, input);
  const rows = (await customerReportRows(db, scope)).map((row) => ({ ...row, ...billable(row.timeSpent, row.defaultRate) }));
  const sum = (pick: (row: ReportRow) => number) => rows.reduce((total, row) => total + pick(row), 0);
  return {
    from: period.from,
    to: period.to,
    rows,
    totals: {
      linkedIssues: sum((row) => row.linkedIssues),
      issuesOpened: sum((row) => row.issuesOpened),
      issuesClosed: sum((row) => row.issuesClosed),
      hours: round2(sum((row) => row.timeSpent) / 3600),
      amount: round2(sum((row) => row.amount ?? 0)),
      sharedIssues: sum((row) => row.sharedIssues),
    },
  };
}

export interface OrganizationReport extends ReportPeriod {
  organization: Organization;
  hours: number;
  amount: number | null;
  issues: (ReportIssueData & { share: number; hours: number })[];
  timelogs: ReportTimelogData[];
}

/** The drill-down: one organization's issues with their hours in the period (its share), and the timelogs. */
export async function organizationReport(
  db: Database,
  permissions: Permissions,
  group: GroupRef,
  organization: Organization,
  input: { from?: string | null; to?: string | null },
): Promise<OrganizationReport> {
  const { period, scope } = await reportScope(permissions, group, input);
  const issues = await organizationReportIssues(db, scope, organization.id);
  const timelogs = await reportTimelogsOfIssues(
    db,
    scope,
    issues.map((issue) => issue.issueId),
  );
  const seconds = issues.reduce((total, issue) => total + issue.seconds / issue.organizationCount, 0);
  return {
    from: period.from,
    to: period.to,
    organization,
    ...billable(seconds, organization.defaultRate),
    issues: issues.map((issue) => ({ ...issue, share: round2(1 / issue.organizationCount), hours: round2(issue.seconds / issue.organizationCount / 3600) })),
    timelogs,
  };
}

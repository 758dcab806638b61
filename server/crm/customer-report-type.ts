import { toGlobalId } from '../graphql/global-id';
import { builder } from '../graphql/builder';
import { type Context, requestLoader } from '../graphql/context';
import { GroupRef } from '../groups/group-type';
import { type CustomerReport, customerReport, type OrganizationReport, organizationReport, type ReportRow } from './customer-report-service';
import { findOrganizationWithGroup } from './organization-repository';
import { OrganizationRef } from './organization-type';

/**
 * Rapport-only fields (GitLab has no customer report): the figures of the report page for scripts.
 * Null for viewers who may not read the report (Reporters and above of the CRM group); a period that
 * does not parse, ends before it starts or spans more than 5 years is an argument error.
 */

const hoursDescription = 'Hours spent in the period (an issue shared by several organizations counts its time divided equally between them).';

const ReportRowRef = builder.objectRef<ReportRow>('RapportCustomerReportRow').implement({
  description: 'One organization in the customer report.',
  fields: (t) => ({
    organizationId: t.field({
      type: 'CustomerRelationsOrganizationID',
      description: 'Global ID of the organization.',
      resolve: (row) => toGlobalId('CustomerRelations::Organization', row.organizationId),
    }),
    name: t.string({ description: 'Name of the organization.', resolve: (row) => row.name }),
    defaultRate: t.float({ nullable: true, description: 'Default rate of the organization.', resolve: (row) => (row.defaultRate === null ? null : Number(row.defaultRate)) }),
    linkedIssues: t.int({ description: 'Issues linked to the organization through its contacts.', resolve: (row) => row.linkedIssues }),
    issuesOpened: t.int({ description: 'Linked issues opened in the period.', resolve: (row) => row.issuesOpened }),
    issuesClosed: t.int({ description: 'Linked issues closed in the period.', resolve: (row) => row.issuesClosed }),
    timeSpent: t.float({ description: 'Seconds spent in the period, after splitting shared issues.', resolve: (row) => row.timeSpent }),
    hours: t.float({ description: hoursDescription, resolve: (row) => row.hours }),
    billableAmount: t.float({ nullable: true, description: 'Hours × default rate; null when the organization has no default rate.', resolve: (row) => row.amount }),
    sharedIssues: t.int({ description: 'Linked issues with time in the period that are shared with other organizations.', resolve: (row) => row.sharedIssues }),
  }),
});

const ReportTotalsRef = builder.objectRef<CustomerReport['totals']>('RapportCustomerReportTotals').implement({
  description: 'Totals of the customer report. An issue of several organizations counts once for each in the issue totals.',
  fields: (t) => ({
    linkedIssues: t.int({ description: 'Sum of the linked issues.', resolve: (totals) => totals.linkedIssues }),
    issuesOpened: t.int({ description: 'Sum of the issues opened.', resolve: (totals) => totals.issuesOpened }),
    issuesClosed: t.int({ description: 'Sum of the issues closed.', resolve: (totals) => totals.issuesClosed }),
    hours: t.float({ description: 'Hours spent in the period.', resolve: (totals) => totals.hours }),
    billableAmount: t.float({ description: 'Sum of the billable amounts.', resolve: (totals) => totals.amount }),
    sharedIssues: t.int({ description: 'Sum of the shared issues.', resolve: (totals) => totals.sharedIssues }),
  }),
});

const CustomerReportRef = builder.objectRef<CustomerReport>('RapportCustomerReport').implement({
  description: 'Rapport only: hours and billable amounts per organization over a period.',
  fields: (t) => ({
    from: t.string({ description: 'First day of the period (YYYY-MM-DD).', resolve: (report) => report.from }),
    to: t.string({ description: 'Last day of the period (YYYY-MM-DD), included.', resolve: (report) => report.to }),
    organizations: t.field({ type: [ReportRowRef], description: 'Every organization of the group, by name.', resolve: (report) => report.rows }),
    totals: t.field({ type: ReportTotalsRef, description: 'Totals over the organizations.', resolve: (report) => report.totals }),
  }),
});

type ReportIssue = OrganizationReport['issues'][number];
type ReportTimelog = OrganizationReport['timelogs'][number] & { issue: ReportIssue | undefined };

const ReportIssueRef = builder.objectRef<ReportIssue>('RapportCustomerReportIssue').implement({
  description: "An issue of the organization's drill-down.",
  fields: (t) => ({
    iid: t.string({ description: 'Internal ID of the issue.', resolve: (issue) => String(issue.iid) }),
    title: t.string({ description: 'Title of the issue.', resolve: (issue) => issue.title }),
    state: t.string({ description: 'State of the issue (opened or closed).', resolve: (issue) => issue.state }),
    webUrl: t.string({ description: 'Web URL of the issue.', resolve: (issue) => `/${issue.projectPath}/-/issues/${issue.iid}` }),
    organizationCount: t.int({ description: 'Organizations the issue is linked to; its time is split between them.', resolve: (issue) => issue.organizationCount }),
    hours: t.float({ description: "The organization's share of the hours spent on the issue in the period.", resolve: (issue) => issue.hours }),
  }),
});

const ReportTimelogRef = builder.objectRef<ReportTimelog>('RapportCustomerReportTimelog').implement({
  description: "Time logged in the period on one of the organization's issues.",
  fields: (t) => ({
    timeSpent: t.int({ description: 'Time spent in seconds (before any split).', resolve: (timelog) => timelog.timeSpent }),
    spentAt: t.field({ type: 'Time', description: 'When the time was spent.', resolve: (timelog) => timelog.spentAt }),
    summary: t.string({ nullable: true, description: 'Summary of the time spent.', resolve: (timelog) => timelog.summary }),
    userName: t.string({ description: 'Name of the person who logged it.', resolve: (timelog) => timelog.userName }),
    issueIid: t.string({ description: 'Internal ID of its issue.', resolve: (timelog) => String(timelog.issue?.iid ?? '') }),
    issueTitle: t.string({ description: 'Title of its issue.', resolve: (timelog) => timelog.issue?.title ?? '' }),
  }),
});

const OrganizationReportRef = builder
  .objectRef<OrganizationReport>('RapportCustomerReportOrganization')
  .implement({
    description: "Rapport only: one organization's issues and timelogs over a period (the report's drill-down).",
    fields: (t) => ({
      from: t.string({ description: 'First day of the period (YYYY-MM-DD).', resolve: (report) => report.from }),
      to: t.string({ description: 'Last day of the period (YYYY-MM-DD), included.', resolve: (report) => report.to }),
      organization: t.field({ type: OrganizationRef, description: 'The organization.', resolve: (report) => report.organization }),
      hours: t.float({ description: hoursDescription, resolve: (report) => report.hours }),
      billableAmount: t.float({ nullable: true, description: 'Hours × default rate; null without a default rate.', resolve: (report) => report.amount }),
      issues: t.field({ type: [ReportIssueRef], description: 'Issues linked through its contacts, most hours first.', resolve: (report) => report.issues }),
      timelogs: t.field({
        type: [ReportTimelogRef],
        description: 'Timelogs of the period on those issues, newest first.',
        resolve: (report) => {
          const issues = new Map(report.issues.map((issue) => [issue.issueId, issue]));
          return report.timelogs.map((timelog) => ({ ...timelog, issue: issues.get(timelog.issueId) }));
        },
      }),
    }),
  });

const MonthBillingRef = builder.objectRef<{ from: string; to: string; hours: number; amount: number | null }>('RapportOrganizationBilling').implement({
  description: "Rapport only: an organization's hours and billable amount this month (as the customer report counts them).",
  fields: (t) => ({
    from: t.string({ description: 'First day of the month (YYYY-MM-DD).', resolve: (billing) => billing.from }),
    to: t.string({ description: 'Last day of the month (YYYY-MM-DD).', resolve: (billing) => billing.to }),
    hours: t.float({ description: hoursDescription, resolve: (billing) => billing.hours }),
    billableAmount: t.float({ nullable: true, description: 'Hours × default rate; null without a default rate.', resolve: (billing) => billing.amount }),
  }),
});

/** The group's report of this month, computed once per request: every organization's billing reads its row. */
function monthReportOf(context: Context, groupId: number): Promise<CustomerReport | null> {
  const reports = requestLoader(context, 'monthCustomerReports', () => new Map<number, Promise<CustomerReport | null>>());
  let report = reports.get(groupId);
  if (!report) {
    report = (async () => {
      const group = await context.permissions.groupById(groupId);
      if (!group || !(await context.permissions.canReadCustomerReport(group))) return null;
      return customerReport(context.db, context.permissions, group, {});
    })();
    reports.set(groupId, report);
  }
  return report;
}

builder.objectField(OrganizationRef, 'rapportBillingThisMonth', (t) =>
  t.field({
    type: MonthBillingRef,
    nullable: true,
    description:
      "Rapport only: the organization's hours and billable amount this month (UTC). Null unless the current user may read the group's customer report.",
    resolve: async (organization, _args, context) => {
      const report = await monthReportOf(context, organization.groupId);
      const row = report?.rows.find((candidate) => candidate.organizationId === organization.id);
      return report && row ? { from: report.from, to: report.to, hours: row.hours, amount: row.amount } : null;
    },
  }),
);

builder.drizzleObjectFields(GroupRef, (t) => ({
  rapportCanReadCustomerReport: t.boolean({
    description: 'Rapport only: true when the current user may read the customer report of this CRM group (Reporter and above, CRM enabled).',
    select: { columns: { id: true, fullPath: true } },
    resolve: (group, _args, context) => context.permissions.canReadCustomerReport(group),
  }),
  rapportCustomerReport: t.field({
    type: CustomerReportRef,
    nullable: true,
    description:
      'Rapport only: per organization, issues opened and closed, hours spent and billable amount over a period (this month by default). Null unless the current user is a Reporter or above of this CRM group.',
    args: {
      from: t.arg.string({ description: 'First day of the period (YYYY-MM-DD); the first day of this month by default.' }),
      to: t.arg.string({ description: 'Last day of the period (YYYY-MM-DD), included; the last day of this month by default.' }),
    },
    select: { columns: { id: true, fullPath: true } },
    resolve: async (group, args, context) =>
      (await context.permissions.canReadCustomerReport(group)) ? customerReport(context.db, context.permissions, group, args) : null,
  }),
  rapportCustomerReportOrganization: t.field({
    type: OrganizationReportRef,
    nullable: true,
    description: "Rapport only: one organization's issues and timelogs over a period. Null when the organization is not this group's or the report is not readable.",
    args: {
      organizationId: t.arg({ type: 'CustomerRelationsOrganizationID', required: true, description: 'Global ID of the organization.' }),
      from: t.arg.string({ description: 'First day of the period (YYYY-MM-DD).' }),
      to: t.arg.string({ description: 'Last day of the period (YYYY-MM-DD), included.' }),
    },
    select: { columns: { id: true, fullPath: true } },
    resolve: async (group, args, context) => {
      if (!(await context.permissions.canReadCustomerReport(group))) return null;
      const found = await findOrganizationWithGroup(context.db, args.organizationId);
      if (!found || found.group.id !== group.id) return null;
      return organizationReport(context.db, context.permissions, group, found.organization, args);
    },
  }),
}));

import type { ResultOf } from '@graphql-typed-document-node/core';
import Link from 'next/link';
import { graphql } from '@/lib/graphql';
import { formatDuration } from '@/lib/issues/time-tracking-format';
import { groupUrls, numericId } from '@/lib/routes';
import { FormErrors } from '../ui/form-field';
import { FormattedDate } from '../ui/formatted-date';
import { PageHeading } from '../ui/page-heading';
import { inputClass, labelClass, linkClass, primaryButtonClass } from '../ui/styles';
import { CustomerReportChart } from './customer-report-chart';
import { CustomerReportTable } from './customer-report-table';
import { Breadcrumbs, Section } from './record-sections';
import { cell, RecordTable, ColumnHeader } from './record-table';

export const customerReportFragment = graphql(`
  fragment CustomerReportData on RapportCustomerReport {
    from to
    organizations { organizationId name defaultRate linkedIssues issuesOpened issuesClosed hours billableAmount sharedIssues }
    totals { linkedIssues issuesOpened issuesClosed hours billableAmount sharedIssues }
  }
`);

export const customerReportDrillDownFragment = graphql(`
  fragment CustomerReportDrillDown on RapportCustomerReportOrganization {
    organization { id name defaultRate }
    hours billableAmount
    issues { iid title state webUrl organizationCount hours }
    timelogs { timeSpent spentAt summary userName issueIid issueTitle }
  }
`);

export interface CustomerReportViewProps {
  groupPath: string;
  period: { from: string; to: string };
  error: string | null;
  report: ResultOf<typeof customerReportFragment> | null;
  drillDown: ResultOf<typeof customerReportDrillDownFragment> | null;
}

const chartSize = 15;

function reportHref(groupPath: string, period: { from: string; to: string }, organizationId?: string): string {
  const query = new URLSearchParams({ from: period.from, to: period.to });
  if (organizationId) query.set('organization', numericId(organizationId));
  return `${groupUrls.customerReport(groupPath)}?${query}`;
}

function PeriodForm({ groupPath, period }: { groupPath: string; period: { from: string; to: string } }) {
  return (
    <form method="get" action={groupUrls.customerReport(groupPath)} className="mb-6 flex flex-wrap items-end gap-3" aria-label="Report period">
      <div>
        <label htmlFor="report-from" className={labelClass}>
          From
        </label>
        <input id="report-from" name="from" type="date" defaultValue={period.from} className={`mt-1 ${inputClass}`} />
      </div>
      <div>
        <label htmlFor="report-to" className={labelClass}>
          To
        </label>
        <input id="report-to" name="to" type="date" defaultValue={period.to} className={`mt-1 ${inputClass}`} />
      </div>
      <button type="submit" className={primaryButtonClass}>
        Show report
      </button>
    </form>
  );
}

function DrillDown({ groupPath, period, drillDown }: { groupPath: string; period: { from: string; to: string }; drillDown: NonNullable<CustomerReportViewProps['drillDown']> }) {
  const { organization } = drillDown;
  return (
    <Section id="drill-down" title={`${organization.name}: issues and time, ${period.from} to ${period.to}`}>
      <p className="mb-3 text-sm text-gray-800">
        {drillDown.hours.toFixed(2)} hours
        {drillDown.billableAmount === null ? ' (no default rate, nothing billable)' : `, billable amount ${drillDown.billableAmount.toFixed(2)}`}.{' '}
        <Link href={groupUrls.organization(groupPath, organization.id)} className={linkClass}>
          Open the organization
        </Link>{' '}
        ·{' '}
        <Link href={reportHref(groupPath, period)} className={linkClass}>
          Close the drill-down
        </Link>
      </p>
      {drillDown.issues.length === 0 ? (
        <p className="text-sm text-gray-700">No issues are linked to this organization&apos;s contacts.</p>
      ) : (
        <RecordTable
          label="Organization issues table"
          caption={`Issues of ${organization.name} with their hours in the period`}
          headers={
            <>
              <ColumnHeader>Issue</ColumnHeader>
              <ColumnHeader>State</ColumnHeader>
              <ColumnHeader align="right">Hours (its share)</ColumnHeader>
              <ColumnHeader align="right">Organizations</ColumnHeader>
            </>
          }
        >
          {drillDown.issues.map((issue) => (
            <tr key={issue.webUrl}>
              <td className={cell}>
                <Link href={issue.webUrl} className={linkClass}>
                  #{issue.iid} {issue.title}
                </Link>
              </td>
              <td className={cell}>{issue.state === 'closed' ? 'Closed' : 'Open'}</td>
              <td className={`${cell} text-right tabular-nums`}>{issue.hours.toFixed(2)}</td>
              <td className={`${cell} text-right tabular-nums`}>{issue.organizationCount > 1 ? `${issue.organizationCount} (time split)` : '1'}</td>
            </tr>
          ))}
        </RecordTable>
      )}
      <h3 className="mt-6 mb-2 text-base font-semibold text-gray-900">Time entries in the period</h3>
      {drillDown.timelogs.length === 0 ? (
        <p className="text-sm text-gray-700">No time was logged on these issues in this period.</p>
      ) : (
        <ul className="space-y-1 text-sm text-gray-900" aria-label="Time entries">
          {drillDown.timelogs.map((timelog, index) => (
            <li key={`${index}-${timelog.spentAt}`}>
              <FormattedDate value={timelog.spentAt} />: {formatDuration(timelog.timeSpent)} by {timelog.userName} on #{timelog.issueIid} {timelog.issueTitle}
              {timelog.summary ? ` — ${timelog.summary}` : ''}
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

/**
 * The customer report page: the period form, a chart and a sortable table of hours and billable
 * amounts per organization with totals and CSV export, and one organization's drill-down.
 */
export function CustomerReportView({ groupPath, period, error, report, drillDown }: CustomerReportViewProps) {
  const charted = (report?.organizations ?? [])
    .filter((row) => row.hours !== 0)
    .sort((a, b) => b.hours - a.hours)
    .slice(0, chartSize)
    .map((row) => ({ name: row.name, hours: row.hours, amount: row.billableAmount ?? 0 }));
  return (
    <>
      <Breadcrumbs items={[{ label: 'Organizations', href: groupUrls.organizations(groupPath) }, { label: 'Customer report' }]} />
      <PageHeading>Customer report</PageHeading>
      <PeriodForm groupPath={groupPath} period={period} />
      <FormErrors errors={error ? [error] : []} />
      {report ? (
        <>
          <p className="mb-4 text-sm text-gray-800">
            From <strong>{report.from}</strong> to <strong>{report.to}</strong>: issues linked through each organization&apos;s contacts, the hours
            logged on them in the period and hours × the organization&apos;s default rate.
            {report.totals.sharedIssues > 0
              ? ' An issue linked to several organizations splits its time equally between them; the Shared issues column counts, per organization, its issues with time in the period that are split.'
              : ''}
          </p>
          <Section id="chart" title="Hours and billable amount">
            <CustomerReportChart rows={charted} />
          </Section>
          <Section id="table" title="Per organization">
            <CustomerReportTable
              rows={report.organizations}
              totals={report.totals}
              period={{ from: report.from, to: report.to }}
              reportHref={reportHref(groupPath, report)}
              fileName={`customer-report-${report.from}-${report.to}.csv`}
            />
          </Section>
          {drillDown ? <DrillDown groupPath={groupPath} period={report} drillDown={drillDown} /> : null}
        </>
      ) : null}
    </>
  );
}

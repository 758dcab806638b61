import 'server-only';
import { graphql } from '@/lib/graphql';
import type { CustomerReportDataFragment, CustomerReportDrillDownFragment } from '@/lib/graphql/graphql';
import { firstParam, type SearchParams } from '@/lib/search-params';
import type { Viewer } from '../auth/viewer';
import { reportPeriod } from '../crm/customer-report-service';
import { DomainError } from '../errors';
import { executeGraphQL } from '../graphql/execute';
import { type GroupSummary, loadGroupSummary } from './group-summary';

const customerReportQuery = graphql(`
  query RapportCustomerReportPage($fullPath: ID!, $from: String, $to: String) {
    group(fullPath: $fullPath) {
      rapportCustomerReport(from: $from, to: $to) { ...CustomerReportData }
    }
  }
`);

const drillDownQuery = graphql(`
  query RapportCustomerReportDrillDown($fullPath: ID!, $from: String, $to: String, $organizationId: CustomerRelationsOrganizationID!) {
    group(fullPath: $fullPath) {
      rapportCustomerReportOrganization(organizationId: $organizationId, from: $from, to: $to) { ...CustomerReportDrillDown }
    }
  }
`);

export interface CustomerReportPage {
  group: GroupSummary;
  period: { from: string; to: string };
  /** Why the period asked for cannot be shown (then there is no report). */
  error: string | null;
  report: CustomerReportDataFragment | null;
  drillDown: CustomerReportDrillDownFragment | null;
}

/**
 * The report page of `?from=…&to=…[&organization=<id>]`; null (a 404) for people who may not read it.
 * A bad period is shown next to the form rather than failing the page.
 */
export async function loadCustomerReportPage(viewer: Viewer, fullPath: string, params: SearchParams): Promise<CustomerReportPage | null> {
  const group = await loadGroupSummary(viewer, fullPath);
  if (!group?.rapportCanReadCustomerReport) return null;
  const asked = { from: firstParam(params, 'from') ?? '', to: firstParam(params, 'to') ?? '' };
  let period: { from: string; to: string };
  try {
    period = reportPeriod(asked);
  } catch (error) {
    if (error instanceof DomainError) return { group, period: asked, error: error.message, report: null, drillDown: null };
    throw error;
  }
  const organization = firstParam(params, 'organization');
  const [data, drill] = await Promise.all([
    executeGraphQL(viewer, customerReportQuery, { fullPath, ...period }),
    organization && /^[1-9]\d{0,9}$/.test(organization)
      ? executeGraphQL(viewer, drillDownQuery, { fullPath, ...period, organizationId: `gid://gitlab/CustomerRelations::Organization/${organization}` })
      : null,
  ]);
  return { group, period, error: null, report: data.group?.rapportCustomerReport ?? null, drillDown: drill?.group?.rapportCustomerReportOrganization ?? null };
}

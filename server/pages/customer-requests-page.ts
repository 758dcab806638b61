import 'server-only';
import { graphql } from '@/lib/graphql';
import type { CustomerRequestsOfTierFragment } from '@/lib/graphql/graphql';
import type { Viewer } from '../auth/viewer';
import { executeGraphQL } from '../graphql/execute';
import { type GroupSummary, loadGroupSummary } from './group-summary';

const customerRequestsQuery = graphql(`
  query RapportCustomerRequestsPage($fullPath: ID!) {
    group(fullPath: $fullPath) {
      rapportCustomerRequests { ...CustomerRequestsOfTier }
    }
  }
`);

export interface CustomerRequestsPage {
  group: GroupSummary;
  tiers: CustomerRequestsOfTierFragment[];
}

/** The customer requests page of a CRM group; null (a 404) for people who may not read it (Reporters and above may). */
export async function loadCustomerRequestsPage(viewer: Viewer, fullPath: string): Promise<CustomerRequestsPage | null> {
  const group = await loadGroupSummary(viewer, fullPath);
  if (!group?.rapportCanReadCustomerReport) return null;
  const data = await executeGraphQL(viewer, customerRequestsQuery, { fullPath });
  const tiers = data.group?.rapportCustomerRequests;
  return tiers ? { group, tiers } : null;
}

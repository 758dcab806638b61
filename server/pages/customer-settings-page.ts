import 'server-only';
import { graphql } from '@/lib/graphql';
import type { CustomerSettingsTierFragment } from '@/lib/graphql/graphql';
import type { Viewer } from '../auth/viewer';
import { executeGraphQL } from '../graphql/execute';
import { type GroupSummary, withGroupSummary } from './group-summary';

export interface CustomerSettingsPage {
  group: GroupSummary;
  currency: string;
  tiers: CustomerSettingsTierFragment[];
}

const customerSettingsQuery = graphql(`
  query RapportCustomerSettings($fullPath: ID!) {
    group(fullPath: $fullPath) {
      rapportCanManageCrm
      rapportCrmCurrency
      rapportCustomerTiers { ...CustomerSettingsTier }
    }
  }
`);

/**
 * The CRM group's customer tiers and currency, and assigning contacts by domain (issue 15). Null (a
 * 404) unless the viewer manages them: a Maintainer of the CRM group.
 */
export async function loadCustomerSettingsPage(viewer: Viewer, fullPath: string): Promise<CustomerSettingsPage | null> {
  const found = await withGroupSummary(viewer, fullPath, executeGraphQL(viewer, customerSettingsQuery, { fullPath }));
  const settings = found?.page.group;
  if (!found || !settings?.rapportCanManageCrm || settings.rapportCrmCurrency === null) return null;
  return { group: found.group, currency: settings.rapportCrmCurrency, tiers: settings.rapportCustomerTiers };
}

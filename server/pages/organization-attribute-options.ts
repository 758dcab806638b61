import 'server-only';
import { graphql } from '@/lib/graphql';
import type { OrganizationAttributeOptionsFragment } from '@/lib/graphql/graphql';
import type { Viewer } from '../auth/viewer';
import { executeGraphQL } from '../graphql/execute';

const organizationAttributeOptionsQuery = graphql(`
  query RapportOrganizationAttributeOptions($fullPath: ID!) {
    group(fullPath: $fullPath) { rapportCanManageCrm ...OrganizationAttributeOptions }
  }
`);

export interface OrganizationAttributeChoices {
  /** The tiers, members and currency the organization drawer offers (issue 15). */
  options: OrganizationAttributeOptionsFragment;
  /** Maintainers manage the tiers and currency and assign contacts by domain. */
  canManage: boolean;
}

/** Null when the group is not found. */
export async function loadOrganizationAttributeOptions(viewer: Viewer, fullPath: string): Promise<OrganizationAttributeChoices | null> {
  const { group } = await executeGraphQL(viewer, organizationAttributeOptionsQuery, { fullPath });
  if (!group) return null;
  const { rapportCanManageCrm, ...options } = group;
  return { options, canManage: rapportCanManageCrm };
}

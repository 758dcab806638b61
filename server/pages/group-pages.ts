import 'server-only';
import { graphql } from '@/lib/graphql';
import type { Viewer } from '../auth/viewer';
import { executeGraphQL } from '../graphql/execute';
import { withGroupSummary } from './group-summary';

// --- Home -----------------------------------------------------------------------------------------

const viewerGroupsQuery = graphql(`
  query RapportViewerGroups {
    groups(first: 100) { nodes { ...GroupListItem } }
  }
`);

/** The groups the viewer can open (every group for an admin), subgroups after their parent. */
export async function loadViewerGroups(viewer: Viewer) {
  const data = await executeGraphQL(viewer, viewerGroupsQuery, {});
  return data.groups?.nodes ?? [];
}

// --- Group overview -------------------------------------------------------------------------------

const groupOverviewQuery = graphql(`
  query RapportGroupOverview($fullPath: ID!) {
    group(fullPath: $fullPath) {
      description
      parent { name fullPath }
      descendantGroups(includeParentDescendants: false, first: 100) { nodes { ...GroupListItem } }
      projects(first: 100) { nodes { ...ProjectListItem } }
    }
  }
`);

/** Null when the group does not exist or cannot be seen. */
export async function loadGroupOverview(viewer: Viewer, fullPath: string) {
  const found = await withGroupSummary(viewer, fullPath, executeGraphQL(viewer, groupOverviewQuery, { fullPath }));
  if (!found?.page.group) return null;
  return { ...found.group, ...found.page.group };
}

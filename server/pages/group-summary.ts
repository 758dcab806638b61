import 'server-only';
import { cache } from 'react';
import { graphql } from '@/lib/graphql';
import type { GroupSummaryFragment } from '@/lib/graphql/graphql';
import type { Viewer } from '../auth/viewer';
import { executeGraphQL } from '../graphql/execute';

export type GroupSummary = GroupSummaryFragment;

const groupSummaryQuery = graphql(`
  query RapportGroupSummary($fullPath: ID!) {
    group(fullPath: $fullPath) { ...GroupSummary }
  }
`);

/**
 * The group of a group page; null when it does not exist or cannot be seen. The layout renders it and
 * the page's loader reads it too: cached per request (React `cache`, as the viewer is), it runs once.
 */
export const loadGroupSummary = cache(async (viewer: Viewer, fullPath: string): Promise<GroupSummary | null> => {
  const data = await executeGraphQL(viewer, groupSummaryQuery, { fullPath });
  return data.group;
});

/** A page's own data beside its group's summary; null when the group does not exist or cannot be seen. */
export async function withGroupSummary<Page>(viewer: Viewer, fullPath: string, page: Promise<Page>): Promise<{ group: GroupSummary; page: Page } | null> {
  const [group, pageData] = await Promise.all([loadGroupSummary(viewer, fullPath), page]);
  return group ? { group, page: pageData } : null;
}

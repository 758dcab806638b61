import 'server-only';
import type { ListQuery } from '@/lib/crm/list-url';
import { graphql } from '@/lib/graphql';
import type { ContactDuplicatePairFragment, ListPageInfoFragment } from '@/lib/graphql/graphql';
import { firstParam, type SearchParams } from '@/lib/search-params';
import type { Viewer } from '../auth/viewer';
import { GraphQLExecutionError, executeGraphQL } from '../graphql/execute';
import { pageVariables } from './crm-list-params';
import { type GroupSummary, withGroupSummary } from './group-summary';

export interface ContactDuplicatesPage {
  group: GroupSummary;
  /** The page's cursor as shown (a refused one falls back to the first page). */
  query: ListQuery;
  pairs: ContactDuplicatePairFragment[];
  pageInfo: ListPageInfoFragment;
}

const contactDuplicatesQuery = graphql(`
  query RapportContactDuplicates($fullPath: ID!, $first: Int, $after: String, $last: Int, $before: String) {
    group(fullPath: $fullPath) {
      rapportCanDeleteCrm
      rapportContactDuplicates(first: $first, after: $after, last: $last, before: $before) {
        nodes { ...ContactDuplicatePair }
        pageInfo { ...ListPageInfo }
      }
    }
  }
`);

/** The list has no search, state or sort: only its cursor lives in the URL. */
export const duplicatesListDefaults = { state: 'all', sort: '' } as const;

function duplicatesQuery(params: SearchParams): ListQuery {
  const after = firstParam(params, 'after') || undefined;
  const before = after ? undefined : firstParam(params, 'before') || undefined;
  return { search: '', ...duplicatesListDefaults, after, before };
}

/**
 * The possible duplicates of a CRM group, for those who may merge contacts (Maintainers and above);
 * null (a 404) for anyone else. A cursor the API refuses shows the first page instead. The page asks
 * for no total: counting looks up the matches of every contact of the group (seconds on 100,000
 * contacts, bench/DUPLICATES.md), a page only those of its own contacts.
 */
export async function loadContactDuplicates(viewer: Viewer, fullPath: string, params: SearchParams): Promise<ContactDuplicatesPage | null> {
  const requested = duplicatesQuery(params);
  const run = (query: ListQuery) => executeGraphQL(viewer, contactDuplicatesQuery, { fullPath, ...pageVariables(query) });
  const listed = run(requested)
    .then((data) => ({ data, query: requested }))
    .catch((error: unknown) => {
      if (!(error instanceof GraphQLExecutionError) || (!requested.after && !requested.before)) throw error;
      const firstPage = { ...requested, after: undefined, before: undefined };
      return run(firstPage).then((data) => ({ data, query: firstPage }));
    });
  const found = await withGroupSummary(viewer, fullPath, listed);
  const crm = found?.page.data.group;
  const duplicates = crm?.rapportContactDuplicates;
  if (!found || !crm?.rapportCanDeleteCrm || !duplicates) return null;
  return { group: found.group, query: found.page.query, pairs: duplicates.nodes, pageInfo: duplicates.pageInfo };
}

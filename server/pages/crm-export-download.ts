import 'server-only';
import type { SearchParams } from '@/lib/search-params';
import { Permissions } from '../auth/permissions';
import { contactSorts } from '../crm/contact-repository';
import { type CrmExportKind, exportCrmCsv } from '../crm/csv-export';
import { organizationSorts } from '../crm/organization-repository';
import { getDb } from '../db/client';
import { DomainError } from '../errors';
import { crmListDefaults } from './crm-list-pages';
import { parseListQuery } from './crm-list-params';
import { pageViewerOrSignIn } from './page-viewer-or-sign-in';

const sorts = { contacts: contactSorts, organizations: organizationSorts };

/**
 * `GET /groups/<path>/-/crm/<kind>/export.csv?search=…&state=…&sort=…` (organizations also `&tier=…`): the list view with those
 * parameters (the list page's defaults when absent; page cursors ignored) as a CSV download,
 * streamed as it is read. Anonymous visitors sign in first, like on every group page; anyone who
 * may not export gets a 404, as for a group that does not exist.
 */
export async function crmExportDownload(kind: CrmExportKind, request: Request, fullPath: string): Promise<Response> {
  const viewer = await pageViewerOrSignIn();
  const params: SearchParams = Object.fromEntries(new URL(request.url).searchParams);
  const query = parseListQuery(params, sorts[kind], crmListDefaults[kind]);
  const db = await getDb();
  try {
    const { filename, body } = await exportCrmCsv(db, new Permissions(db, viewer.user), {
      fullPath,
      kind,
      view: { search: query.search, state: query.state, sort: query.sort, tierId: query.tier ? Number(query.tier) : null },
    });
    return new Response(body, {
      headers: {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="${filename}"`,
        'cache-control': 'private, no-store',
      },
    });
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    if (error.code === 'not_found') return new Response('Not found', { status: 404 });
    return new Response(error.message, { status: error.code === 'rate_limited' ? 429 : 400, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  }
}

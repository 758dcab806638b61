import 'server-only';
import type { CrmExportKind } from '@/server/crm/csv-export';
import { crmExportDownload } from '@/server/pages/crm-export-download';
import { type GroupParams, namespacePathOf } from '@/app/~/namespace-route';

/** The GET handler of a list's CSV export (`…/-/crm/<kind>/export.csv`). */
export function crmExportRoute(kind: CrmExportKind) {
  return async function GET(request: Request, { params }: { params: GroupParams }): Promise<Response> {
    return crmExportDownload(kind, request, await namespacePathOf(params));
  };
}

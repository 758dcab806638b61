import { crmImportUpload } from '@/server/pages/crm-import-upload';
import { type GroupParams, namespacePathOf } from '@/app/~/namespace-route';

/** The import page's uploads: preview, dry run and import (server/pages/crm-import-upload.ts). */
export async function POST(request: Request, { params }: { params: GroupParams }): Promise<Response> {
  return crmImportUpload(request, await namespacePathOf(params));
}

import 'server-only';
import {
  type ColumnMapping,
  type CsvEncodingChoice,
  type CsvImportKind,
  type CsvImportLine,
  type CsvImportStep,
  csvImportMaxBytes,
  type ExistingRecords,
} from '@/lib/crm/csv-import-fields';
import { getPageViewer } from '../auth/page-viewer';
import { Permissions } from '../auth/permissions';
import { fileTooLargeMessage } from '../crm/csv-import-reader';
import { crmImportGroup, importCrmCsv, previewCrmCsv } from '../crm/csv-import-service';
import { getDb } from '../db/client';
import { DomainError } from '../errors';
import { readBoundedBytes } from '../graphql/bounded-body';
import { logError } from '../logging';

/**
 * `POST /groups/<path>/-/crm/import/upload?kind=…&step=preview|dry-run|import&existing=…&encoding=…&mapping=…`
 * with the CSV file as the body: the import page's calls. The preview answers JSON; the dry run and
 * the import answer NDJSON, progress lines (`{"type":"progress","percent":…}`) as the server gets
 * through the file, then `{"type":"report",…}`. Session cookie plus the page's CSRF token, like the
 * page's GraphQL mutations; anyone who may not import gets a 404.
 */

const failedMessage = 'The import failed and nothing was imported. Try again, or ask an administrator to look at the server log.';

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', 'cache-control': 'no-store' } });
}

const notFound = () => new Response('Not found', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } });

const choice = <T extends string>(value: string | null, allowed: readonly T[], fallback: T): T => (allowed.includes(value as T) ? (value as T) : fallback);

function parseMapping(value: string | null): ColumnMapping | null {
  if (!value) return {};
  try {
    const parsed: unknown = JSON.parse(value);
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return null;
    const entries = Object.entries(parsed);
    if (!entries.every(([, column]) => column === null || typeof column === 'string')) return null;
    return Object.fromEntries(entries) as ColumnMapping;
  } catch {
    return null;
  }
}

class TooLarge extends Error {}

export async function crmImportUpload(request: Request, fullPath: string): Promise<Response> {
  const viewer = await getPageViewer();
  if (!viewer.user) return notFound();
  if (!viewer.csrfToken || request.headers.get('x-csrf-token') !== viewer.csrfToken) {
    return json(403, { errors: ['The page has expired: reload it and try again'] });
  }
  const params = new URL(request.url).searchParams;
  const kind = choice<CsvImportKind>(params.get('kind'), ['contacts', 'organizations'], 'contacts');
  const step = choice<CsvImportStep>(params.get('step'), ['preview', 'dry-run', 'import'], 'preview');
  const existing = choice<ExistingRecords>(params.get('existing'), ['update', 'skip'], 'update');
  const encoding = choice<CsvEncodingChoice>(params.get('encoding'), ['auto', 'UTF-8', 'Windows-1252'], 'auto');
  const columnMapping = parseMapping(params.get('mapping'));
  if (!columnMapping) return json(400, { errors: ['The column mapping is not valid'] });

  const db = await getDb();
  const permissions = new Permissions(db, viewer.user);
  try {
    await crmImportGroup(permissions, fullPath);
  } catch (error) {
    if (error instanceof DomainError && error.code === 'not_found') return notFound();
    throw error;
  }
  let bytes: Uint8Array;
  try {
    bytes = request.body ? await readBoundedBytes(request.body, csvImportMaxBytes, () => new TooLarge()) : new Uint8Array(0);
  } catch (error) {
    if (error instanceof TooLarge) return json(413, { errors: [fileTooLargeMessage] });
    throw error;
  }

  if (step === 'preview') return json(200, await previewCrmCsv(permissions, fullPath, bytes, { kind, encoding, columnMapping }));

  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (line: CsvImportLine) => controller.enqueue(encoder.encode(`${JSON.stringify(line)}\n`));
      let sent = -1;
      const progress = (percent: number, phase: 'reading' | 'writing') => {
        if (percent === sent) return;
        sent = percent;
        send({ type: 'progress', percent, phase });
      };
      try {
        const report = await importCrmCsv(db, permissions, fullPath, bytes, {
          kind,
          dryRun: step === 'dry-run',
          existing,
          encoding,
          columnMapping,
          // Reading, checking and staging the rows is most of the work; the set-based writes the rest.
          onProgress: (event) =>
            event.phase === 'reading' ? progress(Math.floor((90 * event.bytesRead) / event.totalBytes), 'reading') : progress(95, 'writing'),
        });
        progress(100, 'writing');
        send({ type: 'report', report });
      } catch (error) {
        logError('CSV import failed', error);
        send({ type: 'failed', message: failedMessage });
      }
      controller.close();
    },
  });
  return new Response(body, { headers: { 'content-type': 'application/x-ndjson; charset=utf-8', 'cache-control': 'no-store' } });
}

'use client';

import { useRouter } from 'next/navigation';
import { useId, useState } from 'react';
import {
  type ColumnMapping,
  type CsvEncodingChoice,
  type CsvImportField,
  type CsvImportKind,
  type CsvImportLine,
  type CsvImportPreview,
  type CsvImportReport,
  type CsvImportStep,
  csvImportFields,
  csvImportMaxBytes,
  csvImportMaxSizeLabel,
  type ExistingRecords,
  type RecordedCsvImport,
} from '@/lib/crm/csv-import-fields';
import { groupUrls } from '@/lib/routes';
import { FormattedDate } from '../ui/formatted-date';
import { buttonClass, fieldErrorClass, inputClass, labelClass, linkClass, primaryButtonClass } from '../ui/styles';

/** A finished import from the audit log (server/pages/crm-import-page.ts). */
export type RecentImportEntry = RecordedCsvImport<string>;

const kindLabels: Record<CsvImportKind, string> = { contacts: 'Contacts', organizations: 'Organizations' };
const notImported = '';

function csrfToken(): string {
  return document.querySelector<HTMLMetaElement>('meta[name="csrf-token"]')?.content ?? '';
}

interface UploadSettings {
  kind: CsvImportKind;
  encoding: CsvEncodingChoice;
  existing: ExistingRecords;
  mapping: ColumnMapping;
}

function upload(groupPath: string, step: CsvImportStep, file: File, settings: UploadSettings): Promise<Response> {
  const query = new URLSearchParams({ step, kind: settings.kind, encoding: settings.encoding, existing: settings.existing, mapping: JSON.stringify(settings.mapping) });
  return fetch(`${groupUrls.crmImportUpload(groupPath)}?${query}`, {
    method: 'POST',
    body: file,
    headers: { 'content-type': 'text/csv', 'x-csrf-token': csrfToken() },
  });
}

/** The errors of an answer that is not the expected one: JSON `{ errors }`, or the text of a refusal. */
async function failureOf(response: Response): Promise<string[]> {
  const text = await response.text();
  try {
    const body = JSON.parse(text) as { errors?: string[] };
    if (body.errors?.length) return body.errors;
  } catch {
    // plain text
  }
  return [text.trim() || `The server answered ${response.status}`];
}

/** Reads the NDJSON lines of a dry run or an import as they arrive. */
async function readLines(response: Response, onLine: (line: CsvImportLine) => void): Promise<void> {
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffered = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (value) buffered += value;
    const lines = buffered.split('\n');
    buffered = lines.pop() ?? '';
    for (const line of lines) if (line.trim()) onLine(JSON.parse(line) as CsvImportLine);
    if (done) break;
  }
  if (buffered.trim()) onLine(JSON.parse(buffered) as CsvImportLine);
}

/** The mapping the preview recognised: each field's column, or not imported. */
function recognisedMapping(preview: CsvImportPreview): ColumnMapping {
  return Object.fromEntries(
    csvImportFields[preview.kind].map((spec) => [spec.field, preview.columns.find((column) => column.field === spec.field)?.header ?? null]),
  );
}

const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`;

function reportSummary(report: CsvImportReport): string {
  const noun = report.kind === 'contacts' ? 'contact' : 'organization';
  const parts = [
    `${plural(report.created, noun)} ${report.dryRun ? 'to create' : 'created'}`,
    `${report.updated} ${report.dryRun ? 'to update' : 'updated'}`,
    `${report.unchanged} unchanged`,
    ...(report.existing === 'skip' ? [`${report.skipped} skipped`] : []),
    `${report.rejected} rejected`,
  ];
  if (report.kind === 'contacts' && report.organizationsCreated > 0) {
    parts.push(`${plural(report.organizationsCreated, 'new organization')} ${report.dryRun ? 'to create' : 'created'}`);
  }
  return `${parts.join(', ')} (${plural(report.rows, 'row')}, read as ${report.encoding ?? 'unknown encoding'})`;
}

function ProgressBar({ percent, label }: { percent: number; label: string }) {
  return (
    <div className="mt-4">
      <p id="import-progress-label" className="text-sm text-gray-800">
        {label}: {percent}%
      </p>
      <div
        role="progressbar"
        aria-labelledby="import-progress-label"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        className="mt-1 h-3 w-full overflow-hidden rounded-full border border-gray-500 bg-gray-100"
      >
        <div className="h-full bg-blue-700 transition-[width]" style={{ width: `${percent}%` }} />
      </div>
    </div>
  );
}

function ReportView({ report }: { report: CsvImportReport }) {
  const heading = report.dryRun ? 'Dry run report' : report.imported ? 'Import finished' : 'Nothing was imported';
  return (
    <section aria-labelledby="import-report-heading" className="mt-6 rounded-md border border-gray-300 p-4">
      <h2 id="import-report-heading" className="text-lg font-semibold text-gray-900">
        {heading}
      </h2>
      <p role="status" className="mt-1 text-sm text-gray-900">
        {reportSummary(report)}
      </p>
      {report.dryRun && report.rejected === 0 ? <p className="mt-1 text-sm text-gray-800">Nothing has been written yet. The file can be imported.</p> : null}
      {report.rejected > 0 ? (
        <>
          <p className="mt-2 text-sm text-red-800">
            Fix these rows and run the dry run again: a file is imported only when every row is valid.
            {report.rejections.length < report.rejected ? ` The first ${report.rejections.length} problems are shown.` : ''}
          </p>
          <div className="mt-2 overflow-x-auto">
            <table className="min-w-full text-left text-sm">
              <caption className="sr-only">Rejected rows</caption>
              <thead>
                <tr className="border-b border-gray-300">
                  <th scope="col" className="py-1 pr-4 font-semibold">Row</th>
                  <th scope="col" className="py-1 pr-4 font-semibold">Column</th>
                  <th scope="col" className="py-1 font-semibold">Problem</th>
                </tr>
              </thead>
              <tbody>
                {report.rejections.map((rejection, index) => (
                  <tr key={index} className="border-b border-gray-200">
                    <td className="py-1 pr-4">{rejection.row}</td>
                    <td className="py-1 pr-4">{rejection.column ?? '—'}</td>
                    <td className="py-1">{rejection.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}
    </section>
  );
}

function ErrorList({ errors }: { errors: string[] }) {
  if (errors.length === 0) return null;
  return (
    <div role="alert" className="mt-4 rounded-md border border-red-700 p-3">
      <p className="text-sm font-semibold text-red-800">The file cannot be imported:</p>
      <ul className="mt-1 list-disc pl-5 text-sm text-red-800">
        {errors.map((error) => (
          <li key={error}>{error}</li>
        ))}
      </ul>
    </div>
  );
}

function PreviewTable({ preview, mapping }: { preview: CsvImportPreview; mapping: ColumnMapping }) {
  const used = new Set(Object.values(mapping).filter((column): column is string => Boolean(column)));
  const ignored = preview.columns.filter((column) => !used.has(column.header)).map((column) => column.header || '(no header)');
  return (
    <>
      {ignored.length > 0 ? (
        <p className="mt-3 text-sm text-gray-800">
          Ignored columns: <span className="font-medium">{ignored.join(', ')}</span>
        </p>
      ) : null}
      <div className="mt-3 overflow-x-auto">
        <table className="min-w-full text-left text-sm">
          <caption className="mb-1 text-left text-sm text-gray-800">
            First {plural(preview.rows.length, 'row')} of the file (read as {preview.encoding})
          </caption>
          <thead>
            <tr className="border-b border-gray-300">
              {preview.columns.map((column, index) => (
                <th key={index} scope="col" className={`py-1 pr-4 font-semibold ${used.has(column.header) ? '' : 'text-gray-600 line-through'}`}>
                  {column.header || '(no header)'}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {preview.rows.map((row, rowIndex) => (
              <tr key={rowIndex} className="border-b border-gray-200">
                {preview.columns.map((_column, index) => (
                  <td key={index} className="max-w-xs truncate py-1 pr-4">
                    {row[index] ?? ''}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

function RecentImports({ imports }: { imports: RecentImportEntry[] }) {
  return (
    <section aria-labelledby="recent-imports-heading" className="mt-10">
      <h2 id="recent-imports-heading" className="text-lg font-semibold text-gray-900">
        Recent imports
      </h2>
      {imports.length === 0 ? (
        <p className="mt-1 text-sm text-gray-800">No imports yet.</p>
      ) : (
        <ul className="mt-2 space-y-1 text-sm text-gray-900">
          {imports.map((entry) => (
            <li key={entry.id}>
              <FormattedDate value={entry.createdAt} withTime /> — {entry.actor?.name ?? 'A deleted user'} imported {entry.kind}: {entry.created} created,{' '}
              {entry.updated} updated, {entry.unchanged} unchanged
              {entry.skipped > 0 ? `, ${entry.skipped} skipped` : ''}
              {entry.organizationsCreated > 0 ? `, ${plural(entry.organizationsCreated, 'new organization')}` : ''} ({plural(entry.rows, 'row')}
              {entry.encoding ? `, ${entry.encoding}` : ''})
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/**
 * The CSV import: choose what to import and the file, check the columns against a preview, run the
 * dry run, and only after a clean one, import with a progress bar fed by the server.
 */
export function CsvImport({ groupPath, initialKind, recentImports }: { groupPath: string; initialKind: CsvImportKind; recentImports: RecentImportEntry[] }) {
  const router = useRouter();
  const formId = useId();
  const [kind, setKind] = useState<CsvImportKind>(initialKind);
  const [encoding, setEncoding] = useState<CsvEncodingChoice>('auto');
  const [existing, setExisting] = useState<ExistingRecords>('update');
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<CsvImportPreview | null>(null);
  const [mapping, setMapping] = useState<ColumnMapping>({});
  const [errors, setErrors] = useState<string[]>([]);
  const [report, setReport] = useState<CsvImportReport | null>(null);
  const [progress, setProgress] = useState<{ step: 'dry-run' | 'import'; percent: number } | null>(null);
  const [loadingPreview, setLoadingPreview] = useState(false);

  const settings: UploadSettings = { kind, encoding, existing, mapping };
  const busy = progress !== null || loadingPreview;
  // The import needs a clean dry run of exactly this file and these settings.
  const cleanDryRun = report?.dryRun === true && report.rejected === 0 && report.errors.length === 0 && report.rows > 0;

  async function loadPreview(nextFile: File | null, nextKind: CsvImportKind, nextEncoding: CsvEncodingChoice) {
    setReport(null);
    setPreview(null);
    setErrors([]);
    if (!nextFile) return;
    if (nextFile.size > csvImportMaxBytes) {
      setErrors([`The file is larger than the limit of ${csvImportMaxSizeLabel} (${csvImportMaxBytes} bytes)`]);
      return;
    }
    setLoadingPreview(true);
    try {
      const response = await upload(groupPath, 'preview', nextFile, { kind: nextKind, encoding: nextEncoding, existing, mapping: {} });
      if (!response.ok) {
        setErrors(await failureOf(response));
        return;
      }
      const loaded = (await response.json()) as CsvImportPreview;
      setPreview(loaded);
      setMapping(recognisedMapping(loaded));
      setErrors(loaded.errors);
    } catch {
      setErrors(['The file could not be sent: check the connection and try again']);
    } finally {
      setLoadingPreview(false);
    }
  }

  async function run(step: 'dry-run' | 'import') {
    if (!file) return;
    setErrors([]);
    setProgress({ step, percent: 0 });
    try {
      const response = await upload(groupPath, step, file, settings);
      if (!response.ok) {
        setErrors(await failureOf(response));
        return;
      }
      await readLines(response, (line) => {
        if (line.type === 'progress') setProgress({ step, percent: line.percent });
        else if (line.type === 'failed') setErrors([line.message]);
        else {
          setReport(line.report);
          setErrors(line.report.errors);
          if (line.report.imported) router.refresh();
        }
      });
    } catch {
      setErrors(['The connection was lost before the server answered: check the list before importing again']);
    } finally {
      setProgress(null);
    }
  }

  const changeSettings = (change: () => void) => {
    change();
    setReport(null);
  };

  return (
    <>
      <p className="text-sm text-gray-800">
        Import contacts or organizations from a CSV file with a header row (UTF-8 or Windows-1252, at most {csvImportMaxSizeLabel}). A dry run checks every row
        first; the import then writes all rows or none.
      </p>
      <form
        id={formId}
        className="mt-4 space-y-4"
        onSubmit={(event) => {
          event.preventDefault();
          void run('dry-run');
        }}
      >
        <fieldset>
          <legend className={labelClass}>What to import</legend>
          <div className="mt-1 flex gap-4">
            {(['contacts', 'organizations'] as const).map((value) => (
              <label key={value} className="flex items-center gap-2 text-sm text-gray-900">
                <input
                  type="radio"
                  name="kind"
                  value={value}
                  checked={kind === value}
                  disabled={busy}
                  onChange={() => {
                    setKind(value);
                    void loadPreview(file, value, encoding);
                  }}
                />
                {kindLabels[value]}
              </label>
            ))}
          </div>
        </fieldset>
        <div>
          <label htmlFor="import-file" className={labelClass}>
            CSV file
          </label>
          <input
            id="import-file"
            type="file"
            accept=".csv,text/csv"
            disabled={busy}
            aria-describedby="import-file-hint"
            className={`${inputClass} mt-1`}
            onChange={(event) => {
              const chosen = event.target.files?.[0] ?? null;
              setFile(chosen);
              void loadPreview(chosen, kind, encoding);
            }}
          />
          <p id="import-file-hint" className="mt-1 text-sm text-gray-800">
            At most {csvImportMaxSizeLabel}. A file exported from a contacts or organizations list imports as it is.
          </p>
        </div>
        <div className="grid gap-4 sm:grid-cols-2">
          <div>
            <label htmlFor="import-encoding" className={labelClass}>
              Encoding
            </label>
            <select
              id="import-encoding"
              value={encoding}
              disabled={busy}
              className={`${inputClass} mt-1`}
              onChange={(event) => {
                const value = event.target.value as CsvEncodingChoice;
                setEncoding(value);
                void loadPreview(file, kind, value);
              }}
            >
              <option value="auto">Detect (UTF-8, else Windows-1252)</option>
              <option value="UTF-8">UTF-8</option>
              <option value="Windows-1252">Windows-1252</option>
            </select>
          </div>
          <fieldset>
            <legend className={labelClass}>{kind === 'contacts' ? 'Existing contacts matched by email' : 'Existing organizations matched by name'}</legend>
            <div className="mt-1 flex gap-4">
              {(['update', 'skip'] as const).map((value) => (
                <label key={value} className="flex items-center gap-2 text-sm text-gray-900">
                  <input type="radio" name="existing" value={value} checked={existing === value} disabled={busy} onChange={() => changeSettings(() => setExisting(value))} />
                  {value === 'update' ? 'Update them' : 'Skip them'}
                </label>
              ))}
            </div>
          </fieldset>
        </div>
        {loadingPreview ? (
          <p role="status" className="text-sm text-gray-800">
            Reading the file…
          </p>
        ) : null}
        {preview && preview.columns.length > 0 ? (
          <section aria-labelledby="import-columns-heading">
            <h2 id="import-columns-heading" className="text-lg font-semibold text-gray-900">
              Columns
            </h2>
            <div className="mt-2 grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
              {csvImportFields[kind].map((spec) => (
                <div key={spec.field}>
                  <label htmlFor={`import-column-${spec.field}`} className={labelClass}>
                    {spec.label}
                    {spec.required ? ' (required)' : ''}
                  </label>
                  <select
                    id={`import-column-${spec.field}`}
                    value={mapping[spec.field] ?? notImported}
                    disabled={busy}
                    className={`${inputClass} mt-1`}
                    onChange={(event) => changeSettings(() => setMapping({ ...mapping, [spec.field as CsvImportField]: event.target.value || null }))}
                  >
                    <option value={notImported}>Not imported</option>
                    {preview.columns
                      .filter((column) => column.header !== '')
                      .map((column) => (
                        <option key={column.header} value={column.header}>
                          {column.header}
                        </option>
                      ))}
                  </select>
                </div>
              ))}
            </div>
            <PreviewTable preview={preview} mapping={mapping} />
          </section>
        ) : null}
        <ErrorList errors={errors} />
        <div className="flex flex-wrap gap-2">
          <button type="submit" className={primaryButtonClass} disabled={!file || busy || !preview}>
            Run dry run
          </button>
          <button type="button" className={buttonClass} disabled={!cleanDryRun || busy} aria-describedby={cleanDryRun ? undefined : 'import-needs-dry-run'} onClick={() => void run('import')}>
            Import {report && cleanDryRun ? plural(report.rows, 'row') : ''}
          </button>
          {cleanDryRun ? null : (
            <p id="import-needs-dry-run" className="self-center text-sm text-gray-800">
              The import is available after a dry run without errors.
            </p>
          )}
        </div>
        {progress ? <ProgressBar percent={progress.percent} label={progress.step === 'dry-run' ? 'Checking the file' : 'Importing'} /> : null}
      </form>
      {report ? <ReportView report={report} /> : null}
      {report?.imported ? (
        <p className="mt-3 text-sm">
          <a href={groupUrls[report.kind](groupPath)} className={linkClass}>
            Go to the {report.kind} list
          </a>
        </p>
      ) : null}
      {errors.length > 0 && report === null && !preview ? <p className={fieldErrorClass}>Choose another file, or fix this one and choose it again.</p> : null}
      <RecentImports imports={recentImports} />
    </>
  );
}

import {
  type ColumnMapping,
  type CsvColumn,
  type CsvEncodingChoice,
  type CsvImportField,
  type CsvImportFieldSpec,
  type CsvImportKind,
  type CsvImportPreview,
  type CsvImportReport,
  type ExistingRecords,
  type RecordedCsvImport,
  csvImportFields,
  csvImportPreviewRows,
  normalizedHeader,
} from '@/lib/crm/csv-import-fields';
import type { GroupRef } from '../auth/access-lookups';
import type { Permissions } from '../auth/permissions';
import { type AuditActivity, recentGroupEvents, recordAuditEvent } from '../audit/audit-repository';
import type { Database } from '../db/client';
import { violatedUniqueConstraint } from '../db/errors';
import { DomainError } from '../errors';
import { tooLong } from '../validation';
import { splitDomains } from '@/lib/crm/domains';
import { groupMemberUsernames } from '../groups/group-repository';
import { emailTakenMessage } from './contacts-service';
import { holdCustomerTiers } from './customer-tier-repository';
import { accountOwnerNotMemberMessage, domainTakenMessage, nameTakenMessage, storedRate, unknownTierMessage } from './organizations-service';
import {
  checkFileSize,
  CsvFileError,
  type CsvRecord,
  detectEncoding,
  readCsvRecords,
  unescapeFormula,
} from './csv-import-reader';
import {
  createStagingTable,
  emptyBatch,
  mergeStaged,
  resolveStagedAccountOwners,
  type StagedBatch,
  stagedDomainClaims,
  type StagedValue,
  stageBatch,
  unstageRows,
} from './csv-import-repository';
import { contactFieldsSchema, organizationFieldsSchema } from './validation';

/**
 * CSV import of a group's contacts or organizations (issue 13): the service behind the import page's
 * route and the `rapportCustomerRelationsImport` mutation. Every row is validated with the
 * mutations' rules and messages while the file streams through the parser; the valid rows are staged
 * in batches and written with set-based statements, all in one transaction. A dry run, or a file with
 * any rejected row, rolls it back: nothing is written.
 */


export interface CsvImportOptions {
  kind: CsvImportKind;
  dryRun: boolean;
  /** What happens to rows matching an existing record (by email, or by organization name). */
  existing: ExistingRecords;
  encoding?: CsvEncodingChoice;
  /** Overrides the columns recognised from the headers, field by field. */
  columnMapping?: ColumnMapping;
  onProgress?: (progress: CsvImportProgress) => void;
}

export type CsvImportProgress = { phase: 'reading'; bytesRead: number; totalBytes: number } | { phase: 'writing' };




export const maxListedRejections = 1000;
/** Rows per staging statement: each column goes in as one array, so only memory bounds it. */
export const stagingBatchRows = 5000;

export const concurrentChangeMessage = 'The records changed while the file was being imported, and nothing was imported: run the import again';

const fieldLabel = (kind: CsvImportKind, field: CsvImportField) => csvImportFields[kind].find((spec) => spec.field === field)?.label ?? field;

/** The group whose records are imported: Developers and above of a CRM group; anyone else, not found. */
export async function crmImportGroup(permissions: Permissions, fullPath: string): Promise<GroupRef> {
  const group = await permissions.groupByPath(fullPath);
  if (!group || !(await permissions.canAdminCrm(group))) throw new DomainError('not_found');
  return group;
}

interface ResolvedColumns {
  columns: CsvColumn[];
  /** The column index of each mapped field, in the fields' order. */
  indexes: Map<CsvImportField, number>;
}

/**
 * Which column fills which field: the mapping asked for, else the first header recognised for the
 * field. Duplicate headers, a mapped header missing from the file, or no column for a required field
 * stop the import.
 */
export function resolveColumns(kind: CsvImportKind, headers: readonly string[], mapping: ColumnMapping = {}): ResolvedColumns {
  const errors: string[] = [];
  const seen = new Map<string, number>();
  headers.forEach((header, index) => {
    const name = header.trim().toLowerCase();
    if (name === '') return;
    const first = seen.get(name);
    if (first === undefined) seen.set(name, index);
    else errors.push(`Duplicate column header "${header.trim()}" (columns ${first + 1} and ${index + 1})`);
  });
  if (errors.length > 0) throw new CsvFileError(...errors);

  const indexes = new Map<CsvImportField, number>();
  const taken = new Set<number>();
  const specs = csvImportFields[kind];
  // Chosen columns first, so a recognised header never takes a column the person chose for another field.
  for (const spec of specs) {
    if (!(spec.field in mapping)) continue;
    const chosen = mapping[spec.field]?.trim();
    if (!chosen) continue;
    const index = seen.get(chosen.toLowerCase());
    if (index === undefined) errors.push(`The column "${chosen}" chosen for ${spec.label} is not in the file`);
    else if (taken.has(index)) errors.push(`The column "${chosen}" is chosen for more than one field`);
    else {
      indexes.set(spec.field, index);
      taken.add(index);
    }
  }
  for (const spec of specs) {
    if (spec.field in mapping) continue;
    const index = recognisedColumn(spec, headers, taken);
    if (index !== undefined) {
      indexes.set(spec.field, index);
      taken.add(index);
    }
  }
  for (const spec of specs) {
    if (spec.required && !indexes.has(spec.field)) errors.push(`Missing required column: ${spec.label}`);
  }
  if (errors.length > 0) throw new CsvFileError(...errors);
  const fieldOf = new Map([...indexes].map(([field, index]) => [index, field]));
  return { columns: headers.map((header, index) => ({ header, field: fieldOf.get(index) ?? null })), indexes };
}

function recognisedColumn(spec: CsvImportFieldSpec, headers: readonly string[], taken: ReadonlySet<number>): number | undefined {
  const normalized = headers.map(normalizedHeader);
  for (const name of spec.headers) {
    const index = normalized.findIndex((header, at) => header === name && !taken.has(at));
    if (index !== -1) return index;
  }
  return undefined;
}

/** One data row checked: the values to stage (and the domains it claims), or why it is rejected. */
type CheckedRow =
  | { ok: true; values: StagedValue[]; key: string | null; domains: readonly string[] }
  | { ok: false; problems: { field: CsvImportField | null; message: string }[] };

export const domainInFileMessage = (domain: string, row: number) => `Domain ${domain} is already used by row ${row} of the file`;

const stateMessage = 'State must be active or inactive';

function checkedState(cell: string | undefined): { value: StagedValue } | { message: string } {
  const state = cell?.trim().toLowerCase() ?? '';
  if (state === '') return { value: null };
  return state === 'active' || state === 'inactive' ? { value: state } : { message: stateMessage };
}

/** Zod's messages, each with the field it is about. */
function zodProblems(issues: readonly { path: readonly PropertyKey[]; message: string }[]) {
  return issues.map((issue) => ({ field: (issue.path[0] as CsvImportField | undefined) ?? null, message: issue.message }));
}

function checkContactRow(cell: (field: CsvImportField) => string | undefined): CheckedRow {
  const parsed = contactFieldsSchema.safeParse({
    firstName: cell('firstName') ?? '',
    lastName: cell('lastName') ?? '',
    email: cell('email'),
    phone: cell('phone'),
    description: cell('description'),
  });
  const problems = parsed.success ? [] : zodProblems(parsed.error.issues);
  // The organization is named, not chosen from a list: its name follows the organization rules.
  const organization = cell('organization')?.trim() || null;
  if (organization !== null && organization.length > 255) problems.push({ field: 'organization', message: tooLong('Organization', 255) });
  if (organization?.includes('\u0000')) problems.push({ field: 'organization', message: 'Organization contains a null byte' });
  const state = checkedState(cell('state'));
  if ('message' in state) problems.push({ field: 'state', message: state.message });
  if (!parsed.success || problems.length > 0 || 'message' in state) return { ok: false, problems };
  const fields = parsed.data;
  return {
    ok: true,
    values: [fields.firstName, fields.lastName, fields.email ?? null, fields.phone ?? null, organization, fields.description ?? null, state.value],
    key: fields.email ? fields.email.toLowerCase() : null,
    domains: [],
  };
}

/** An amount cell as the mutations take the number: blank is none, anything else `Number()` of it (the schema refuses NaN). */
function amountCell(text: string | undefined): number | null {
  const value = text?.trim() ?? '';
  return value === '' ? null : Number(value);
}

/**
 * An organization row, by the create mutation's rules. The tier is named (one of `tiers`, by lower-case
 * name); the account owner is a username, found among the group's members once the rows are staged,
 * as are domains another organization already has.
 */
function checkOrganizationRow(cell: (field: CsvImportField) => string | undefined, tiers: ReadonlyMap<string, number>): CheckedRow {
  const domains = cell('domains');
  const parsed = organizationFieldsSchema.safeParse({
    name: cell('name') ?? '',
    description: cell('description'),
    defaultRate: amountCell(cell('defaultRate')),
    annualRevenue: amountCell(cell('annualRevenue')),
    domains: domains === undefined ? undefined : splitDomains(domains),
  });
  const problems = parsed.success ? [] : zodProblems(parsed.error.issues);
  const state = checkedState(cell('state'));
  if ('message' in state) problems.push({ field: 'state', message: state.message });
  const tierName = cell('tier')?.trim() ?? '';
  const tierId = tierName === '' ? null : tiers.get(tierName.toLowerCase());
  if (tierId === undefined) problems.push({ field: 'tier', message: unknownTierMessage });
  const owner = cell('accountOwner')?.trim() || null;
  // No member has such a username, and PostgreSQL text cannot hold a NUL: refused before staging.
  if (owner !== null && (owner.length > 255 || owner.includes('\u0000'))) problems.push({ field: 'accountOwner', message: accountOwnerNotMemberMessage });
  if (!parsed.success || problems.length > 0 || 'message' in state) return { ok: false, problems };
  const fields = parsed.data;
  const sortedDomains = fields.domains ? [...fields.domains].sort() : null;
  return {
    ok: true,
    values: [
      fields.name,
      fields.description ?? null,
      storedRate(fields.defaultRate) ?? null,
      state.value,
      sortedDomains === null ? null : sortedDomains.join(' '),
      tierId == null ? null : String(tierId),
      storedRate(fields.annualRevenue) ?? null,
      owner,
    ],
    key: fields.name.toLowerCase(),
    domains: sortedDomains ?? [],
  };
}

const duplicateMessage = { contacts: emailTakenMessage, organizations: nameTakenMessage };
const keyField = { contacts: 'email', organizations: 'name' } as const;

function emptyReport(kind: CsvImportKind, options: Pick<CsvImportOptions, 'dryRun' | 'existing'>): CsvImportReport {
  return {
    kind,
    dryRun: options.dryRun,
    existing: options.existing,
    imported: false,
    encoding: null,
    columns: [],
    rows: 0,
    created: 0,
    updated: 0,
    unchanged: 0,
    skipped: 0,
    rejected: 0,
    organizationsCreated: 0,
    rejections: [],
    errors: [],
  };
}

const importAction = 'crm_imported';

/** What a finished import recorded in the audit log: its counts, who ran it and when. */
export type RecordedImport = RecordedCsvImport<Date>;

const count = (value: unknown) => (typeof value === 'number' ? value : 0);

function recordedImport(event: AuditActivity): RecordedImport {
  const { changes } = event;
  return {
    id: event.id,
    createdAt: event.createdAt,
    actor: event.actor ? { username: event.actor.username, name: event.actor.name } : null,
    kind: changes.kind === 'organizations' ? 'organizations' : 'contacts',
    rows: count(changes.rows),
    created: count(changes.created),
    updated: count(changes.updated),
    unchanged: count(changes.unchanged),
    skipped: count(changes.skipped),
    organizationsCreated: count(changes.organizationsCreated),
    encoding: typeof changes.encoding === 'string' ? changes.encoding : null,
  };
}

/** The group's latest imports from the audit log, for the import page; Developers and above. */
export async function recentCrmImports(db: Database, permissions: Permissions, fullPath: string, limit = 10): Promise<RecordedImport[]> {
  const group = await crmImportGroup(permissions, fullPath);
  return (await recentGroupEvents(db, group.id, importAction, limit)).map(recordedImport);
}

/** Thrown inside the transaction to roll it back with the report it produced. */
class RolledBack extends Error {
  constructor(readonly report: CsvImportReport) {
    super('rolled back');
  }
}

/**
 * Reads, validates and (unless a dry run or any row is rejected) imports `bytes` into the group at
 * `fullPath`. Problems with the file or its rows come back in the report; only a caller who may not
 * import (or a group without customer relations) gets a not-found error.
 */
export async function importCrmCsv(
  db: Database,
  permissions: Permissions,
  fullPath: string,
  bytes: Uint8Array,
  options: CsvImportOptions,
): Promise<CsvImportReport> {
  const group = await crmImportGroup(permissions, fullPath);
  const report = emptyReport(options.kind, options);
  try {
    checkFileSize(bytes.byteLength);
    report.encoding = detectEncoding(bytes, options.encoding);
    return await db.transaction(async (tx) => {
      await readAndStage(tx, group, bytes, report, options);
      if (report.rows === 0) report.errors.push('The file has no rows to import');
      if (report.errors.length > 0) throw new RolledBack(report);
      options.onProgress?.({ phase: 'writing' });
      const fields = [...new Set(report.columns.flatMap((column) => (column.field ? [column.field] : [])))];
      const write = !options.dryRun && report.rejected === 0;
      const counts = await mergeStaged(tx, options.kind, group.id, { fields, update: options.existing === 'update', write });
      report.created = counts.created;
      report.unchanged = counts.unchanged;
      report.organizationsCreated = counts.organizationsCreated;
      if (options.existing === 'update') report.updated = counts.changed;
      else report.skipped = counts.changed;
      if (!write) throw new RolledBack(report);
      report.imported = true;
      const { rejections: _rejections, errors: _errors, columns: _columns, dryRun: _dryRun, imported: _imported, ...counted } = report;
      await recordAuditEvent(tx, permissions.user?.id ?? null, importAction, { type: 'Group', id: group.id, groupId: group.id }, counted);
      return report;
    });
  } catch (error) {
    if (error instanceof RolledBack) return error.report;
    if (error instanceof CsvFileError) return { ...report, errors: error.messages };
    const constraint = violatedUniqueConstraint(error);
    if (constraint === 'crm_contacts_group_email_idx' || constraint === 'crm_organizations_group_name_idx' || constraint === 'customer_relations_organization_domains_pkey') {
      return { ...report, imported: false, errors: [concurrentChangeMessage] };
    }
    throw error;
  }
}

/**
 * Streams the records, checks each data row, and stages the valid ones in batches; then checks the
 * staged organizations against the group's other records and takes the rows refused out again.
 */
async function readAndStage(tx: Database, group: GroupRef, bytes: Uint8Array, report: CsvImportReport, options: CsvImportOptions): Promise<void> {
  const { kind } = options;
  const onRead = options.onProgress && ((bytesRead: number) => options.onProgress?.({ phase: 'reading', bytesRead, totalBytes: bytes.byteLength }));
  const records = readCsvRecords(bytes, report.encoding ?? 'UTF-8', onRead);
  const first = await records.next();
  if (first.done) throw new CsvFileError('The file has no header row');
  const headers = first.value.cells.map((header) => header.trim());
  const { columns, indexes } = resolveColumns(kind, headers, options.columnMapping);
  report.columns = columns;
  await createStagingTable(tx, kind);

  const headerOf = (field: CsvImportField | null) => {
    const index = field === null ? undefined : indexes.get(field);
    return index === undefined ? (field === null ? null : fieldLabel(kind, field)) : (headers[index] ?? null);
  };
  const reject = (row: number, column: string | null, message: string) => {
    report.rejected += 1;
    if (report.rejections.length < maxListedRejections) report.rejections.push({ row, column, message });
  };
  // The first row holding each email (or organization name), and each domain: later ones are duplicates.
  const firstRowOf = new Map<string, number>();
  const firstRowOfDomain = new Map<string, number>();
  let batch: StagedBatch = emptyBatch(kind);
  const tiers = kind === 'organizations' ? new Map((await holdCustomerTiers(tx, group.id)).map((tier) => [tier.name.toLowerCase(), tier.id])) : null;
  const check = tiers ? (cell: (field: CsvImportField) => string | undefined) => checkOrganizationRow(cell, tiers) : checkContactRow;

  const checkRecord = ({ row, cells }: CsvRecord) => {
    if (cells.every((cell) => cell.trim() === '')) return;
    report.rows += 1;
    if (cells.length > headers.length) {
      reject(row, null, `Row ${row} has ${cells.length} cells but the header has ${headers.length} columns`);
      return;
    }
    const checked = check((field) => {
      const index = indexes.get(field);
      return index === undefined ? undefined : unescapeFormula(cells[index] ?? '');
    });
    if (!checked.ok) {
      for (const problem of checked.problems) reject(row, headerOf(problem.field), problem.message);
      return;
    }
    const earlier = checked.key === null ? undefined : firstRowOf.get(checked.key);
    if (earlier !== undefined) {
      reject(row, headerOf(keyField[kind]), `${duplicateMessage[kind]} by row ${earlier} of the file`);
      return;
    }
    const claimed = checked.domains.find((domain) => firstRowOfDomain.has(domain));
    if (claimed !== undefined) {
      reject(row, headerOf('domains'), domainInFileMessage(claimed, firstRowOfDomain.get(claimed)!));
      return;
    }
    if (checked.key !== null) firstRowOf.set(checked.key, row);
    for (const domain of checked.domains) firstRowOfDomain.set(domain, row);
    batch.rows.push(row);
    checked.values.forEach((value, index) => batch.columns[index]!.push(value));
  };

  for await (const record of records) {
    checkRecord(record);
    if (batch.rows.length >= stagingBatchRows) {
      await stageBatch(tx, kind, batch);
      batch = emptyBatch(kind);
    }
  }
  await stageBatch(tx, kind, batch);

  if (kind === 'organizations') {
    await checkStagedOrganizations(tx, group, new Set(indexes.keys()), (row, field, message) => reject(row, headerOf(field), message));
    report.rejections.sort((a, b) => a.row - b.row);
  }
}

/**
 * The organization rules that need the group's other records, checked on all staged rows at once:
 * no domain another organization has, account owners who are members. Refused rows leave the stage.
 */
async function checkStagedOrganizations(
  tx: Database,
  group: GroupRef,
  mapped: ReadonlySet<CsvImportField>,
  reject: (row: number, field: CsvImportField, message: string) => void,
): Promise<void> {
  const refused: number[] = [];
  if (mapped.has('domains')) {
    for (const claim of await stagedDomainClaims(tx, group.id)) {
      reject(claim.row, 'domains', domainTakenMessage(claim.domain, claim.organizationName));
      refused.push(claim.row);
    }
  }
  if (mapped.has('accountOwner')) {
    for (const row of await resolveStagedAccountOwners(tx, groupMemberUsernames(group))) {
      reject(row, 'accountOwner', accountOwnerNotMemberMessage);
      refused.push(row);
    }
  }
  await unstageRows(tx, 'organizations', refused);
}


/** The header and the first rows of a file, with the columns recognised: what the page shows before the dry run. */
export async function previewCrmCsv(
  permissions: Permissions,
  fullPath: string,
  bytes: Uint8Array,
  options: { kind: CsvImportKind; encoding?: CsvEncodingChoice; columnMapping?: ColumnMapping },
): Promise<CsvImportPreview> {
  await crmImportGroup(permissions, fullPath);
  const preview: CsvImportPreview = { kind: options.kind, encoding: null, columns: [], rows: [], errors: [] };
  try {
    checkFileSize(bytes.byteLength);
    preview.encoding = detectEncoding(bytes, options.encoding);
    const records = readCsvRecords(bytes, preview.encoding);
    for await (const { cells } of records) {
      if (preview.columns.length === 0) {
        preview.columns = cells.map((header) => ({ header: header.trim(), field: null }));
        continue;
      }
      if (cells.every((cell) => cell.trim() === '')) continue;
      preview.rows.push(cells);
      if (preview.rows.length >= csvImportPreviewRows) break;
    }
    if (preview.columns.length === 0) throw new CsvFileError('The file has no header row');
    preview.columns = resolveColumns(
      options.kind,
      preview.columns.map((column) => column.header),
      options.columnMapping,
    ).columns;
  } catch (error) {
    if (!(error instanceof CsvFileError)) throw error;
    preview.errors.push(...error.messages);
  }
  return preview;
}

/**
 * What a CSV import fills in, shared by the import page (its column selects) and the server (which
 * recognises headers and validates rows). Header names are compared without case, spaces or
 * punctuation, so `first_name`, `First name`, `firstName` and `FIRST-NAME` are one name.
 */

export type CsvImportKind = 'contacts' | 'organizations';

export type ContactImportField = 'firstName' | 'lastName' | 'email' | 'phone' | 'organization' | 'description' | 'state';
export type OrganizationImportField = 'name' | 'defaultRate' | 'description' | 'state' | 'domains' | 'tier' | 'annualRevenue' | 'accountOwner';
export type CsvImportField = ContactImportField | OrganizationImportField;

export interface CsvImportFieldSpec {
  field: CsvImportField;
  /** The label of the field's select, and the column named in row errors when no header names it. */
  label: string;
  required: boolean;
  /** Normalised header names recognised for the field (see `normalizedHeader`), best first. */
  headers: readonly string[];
}

export const csvImportFields: Record<CsvImportKind, readonly CsvImportFieldSpec[]> = {
  contacts: [
    { field: 'firstName', label: 'First name', required: true, headers: ['firstname', 'givenname', 'forename', 'first'] },
    { field: 'lastName', label: 'Last name', required: true, headers: ['lastname', 'surname', 'familyname', 'last'] },
    { field: 'email', label: 'Email', required: false, headers: ['email', 'emailaddress', 'mail'] },
    { field: 'phone', label: 'Phone', required: false, headers: ['phone', 'phonenumber', 'telephone', 'tel', 'mobile'] },
    {
      field: 'organization',
      label: 'Organization',
      required: false,
      headers: ['organization', 'organisation', 'organizationname', 'organisationname', 'company', 'companyname', 'account'],
    },
    { field: 'description', label: 'Description', required: false, headers: ['description', 'notes', 'note', 'comments'] },
    { field: 'state', label: 'State', required: false, headers: ['state', 'status'] },
  ],
  organizations: [
    {
      field: 'name',
      label: 'Name',
      required: true,
      headers: ['name', 'organization', 'organisation', 'organizationname', 'organisationname', 'company', 'companyname'],
    },
    { field: 'defaultRate', label: 'Default rate', required: false, headers: ['defaultrate', 'rate', 'hourlyrate'] },
    { field: 'description', label: 'Description', required: false, headers: ['description', 'notes', 'note', 'comments'] },
    { field: 'state', label: 'State', required: false, headers: ['state', 'status'] },
    // Rapport only (issue 15). Domains are separated by `;` (the export's), commas or spaces.
    { field: 'domains', label: 'Domains', required: false, headers: ['domains', 'domain', 'emaildomains', 'emaildomain'] },
    { field: 'tier', label: 'Tier', required: false, headers: ['tier', 'customertier'] },
    { field: 'annualRevenue', label: 'Annual revenue', required: false, headers: ['annualrevenue', 'revenue'] },
    { field: 'accountOwner', label: 'Account owner', required: false, headers: ['accountowner', 'owner'] },
  ],
};

/** `First name`, `first_name`, `firstName` and `E-mail` become `firstname` and `email`. */
export function normalizedHeader(header: string): string {
  return header.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
}

/** The largest file accepted, by the import page and the API alike. */
export const csvImportMaxBytes = 20 * 1024 * 1024;
export const csvImportMaxSizeLabel = '20 MB';

/** Rows shown in the preview before the dry run. */
export const csvImportPreviewRows = 5;

export type CsvEncoding = 'UTF-8' | 'Windows-1252';
/** `auto`: UTF-8 when the bytes are valid UTF-8, else Windows-1252 when they can be. */
export type CsvEncodingChoice = 'auto' | CsvEncoding;
export type ExistingRecords = 'update' | 'skip';
/** The column chosen for each field: a header of the file, or null to leave the field out. */
export type ColumnMapping = Partial<Record<CsvImportField, string | null>>;

export interface CsvColumn {
  header: string;
  /** The field the column fills, or null when it is ignored. */
  field: CsvImportField | null;
}

export interface CsvImportRejection {
  /** The spreadsheet row (the header is row 1). */
  row: number;
  /** The header of the column at fault, when one is. */
  column: string | null;
  message: string;
}

export interface CsvImportReport {
  kind: CsvImportKind;
  dryRun: boolean;
  existing: ExistingRecords;
  /** Whether the records were written (never on a dry run or with any error or rejection). */
  imported: boolean;
  encoding: CsvEncoding | null;
  columns: CsvColumn[];
  /** Data rows read (blank rows left out). */
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  /** Rows matching an existing record that would change it, left alone as asked. */
  skipped: number;
  rejected: number;
  organizationsCreated: number;
  /** The first `maxListedRejections` rejected rows' problems (`rejected` counts them all). */
  rejections: CsvImportRejection[];
  /** Problems with the whole file: then nothing else was read. */
  errors: string[];
}

export interface CsvImportPreview {
  kind: CsvImportKind;
  encoding: CsvEncoding | null;
  /** Every column of the file with the field it would fill (empty when the file cannot be read). */
  columns: CsvColumn[];
  /** The first data rows, as the file holds them. */
  rows: string[][];
  errors: string[];
}

export type CsvImportStep = 'preview' | 'dry-run' | 'import';

/** One line of the upload route's NDJSON answer to a dry run or an import. */
export type CsvImportLine =
  | { type: 'progress'; percent: number; phase: 'reading' | 'writing' }
  | { type: 'report'; report: CsvImportReport }
  | { type: 'failed'; message: string };

/** A finished import as its audit event records it: `Time` is a Date on the server, an ISO string on the page. */
export interface RecordedCsvImport<Time> {
  id: number;
  createdAt: Time;
  actor: { username: string; name: string } | null;
  kind: CsvImportKind;
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  skipped: number;
  organizationsCreated: number;
  encoding: string | null;
}

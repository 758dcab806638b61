import {
  type ColumnMapping,
  type CsvImportField,
  type CsvImportRejection,
  type CsvImportReport,
  csvImportFields,
  csvImportMaxSizeLabel,
} from '@/lib/crm/csv-import-fields';
import { builder } from '../graphql/builder';
import { importCrmCsv } from './csv-import-service';

/**
 * Rapport only: the CSV import for scripts, the file given as text. The same service as the import
 * page, so the same rules, messages and report.
 */

const ImportKindEnum = builder.enumType('RapportCustomerRelationsImportKind', {
  description: 'Rapport only: what a CSV import creates and updates.',
  values: {
    CONTACTS: { value: 'contacts', description: 'Contacts, matched to existing ones by email.' },
    ORGANIZATIONS: { value: 'organizations', description: 'Organizations, matched to existing ones by name.' },
  } as const,
});

const ExistingEnum = builder.enumType('RapportCustomerRelationsImportExisting', {
  description: 'Rapport only: what a CSV import does with a row that matches an existing record.',
  values: {
    UPDATE: { value: 'update', description: "Update the record with the row's values." },
    SKIP: { value: 'skip', description: 'Leave the record as it is.' },
  } as const,
});

const allFields = [...new Set(Object.values(csvImportFields).flatMap((specs) => specs.map((spec) => spec.field)))];
const constantCase = (field: string) => field.replace(/[A-Z]/g, (letter) => `_${letter}`).toUpperCase();

const FieldEnum = builder.enumType('RapportCustomerRelationsImportField', {
  description:
    'Rapport only: a field a CSV import fills in (contacts: FIRST_NAME … STATE; organizations: NAME, DEFAULT_RATE, DESCRIPTION, STATE, DOMAINS, TIER, ANNUAL_REVENUE, ACCOUNT_OWNER).',
  values: Object.fromEntries(allFields.map((field) => [constantCase(field), { value: field }])) as Record<string, { value: CsvImportField }>,
});

const ColumnInput = builder.inputType('RapportCustomerRelationsImportColumnInput', {
  description: 'Rapport only: the column of the file that fills a field.',
  fields: (t) => ({
    field: t.field({ type: FieldEnum, required: true, description: 'Field to fill.' }),
    column: t.string({ description: 'Header of the column; null leaves the field out.' }),
  }),
});

const RejectionRef = builder.objectRef<CsvImportRejection>('RapportCustomerRelationsImportRejection').implement({
  description: 'Rapport only: a row of the file that cannot be imported.',
  fields: (t) => ({
    row: t.exposeInt('row', { description: 'Row of the file (the header is row 1).' }),
    column: t.exposeString('column', { nullable: true, description: 'Header of the column at fault, when one is.' }),
    message: t.exposeString('message', { description: 'What is wrong, in the words of the create and update mutations.' }),
  }),
});

const ReportRef = builder.objectRef<CsvImportReport>('RapportCustomerRelationsImportReport').implement({
  description: 'Rapport only: what a CSV import did, or would do on a dry run.',
  fields: (t) => ({
    imported: t.exposeBoolean('imported', { description: 'Whether the records were written (never on a dry run, or when a row is rejected).' }),
    dryRun: t.exposeBoolean('dryRun', { description: 'Whether this was a dry run.' }),
    encoding: t.exposeString('encoding', { nullable: true, description: 'Encoding the file was read in: UTF-8 or Windows-1252.' }),
    ignoredColumns: t.stringList({
      description: 'Headers of the columns that fill no field.',
      resolve: (report) => report.columns.filter((column) => column.field === null).map((column) => column.header),
    }),
    rows: t.exposeInt('rows', { description: 'Data rows read (blank rows left out).' }),
    created: t.exposeInt('created', { description: 'Records created.' }),
    updated: t.exposeInt('updated', { description: 'Existing records updated.' }),
    unchanged: t.exposeInt('unchanged', { description: 'Rows equal to the existing record they match.' }),
    skipped: t.exposeInt('skipped', { description: 'Rows that match and would change an existing record, left alone (existing: SKIP).' }),
    rejected: t.exposeInt('rejected', { description: 'Rows that cannot be imported.' }),
    organizationsCreated: t.exposeInt('organizationsCreated', { description: 'Organizations created because contact rows name them.' }),
    rejections: t.field({
      type: [RejectionRef],
      description: 'Why each rejected row cannot be imported (the first 1000).',
      resolve: (report) => report.rejections,
    }),
  }),
});

builder.relayMutationField(
  'rapportCustomerRelationsImport',
  {
    name: 'RapportCustomerRelationsImportInput',
    inputFields: (t) => ({
      groupPath: t.id({ required: true, description: 'Full path of the group that holds the contacts.' }),
      kind: t.field({ type: ImportKindEnum, required: true, description: 'What the file holds.' }),
      csv: t.string({ required: true, description: `The CSV file, with a header row (at most ${csvImportMaxSizeLabel}).` }),
      dryRun: t.boolean({ defaultValue: true, description: 'Only report what the import would do (the default).' }),
      existing: t.field({ type: ExistingEnum, defaultValue: 'update', description: 'What to do with rows that match an existing record.' }),
      columnMapping: t.field({
        type: [ColumnInput],
        description: 'Columns for fields whose headers are not recognised, or to leave a recognised one out.',
      }),
    }),
  },
  {
    nullable: true,
    description: `Rapport only: imports contacts or organizations from CSV, all rows or none. Needs the Developer role. Files up to ${csvImportMaxSizeLabel}; the API's request size limit applies first.`,
    resolve: async (_root, { input }, context) => {
      const columnMapping: ColumnMapping = Object.fromEntries((input.columnMapping ?? []).map((column) => [column.field, column.column ?? null]));
      const report = await importCrmCsv(context.db, context.permissions, String(input.groupPath), Buffer.from(input.csv, 'utf8'), {
        kind: input.kind,
        dryRun: input.dryRun ?? true,
        existing: input.existing ?? 'update',
        encoding: 'UTF-8',
        columnMapping,
      });
      return { report: report.errors.length > 0 ? null : report, errors: report.errors };
    },
  },
  {
    name: 'RapportCustomerRelationsImportPayload',
    outputFields: (t) => ({
      report: t.field({
        type: ReportRef,
        nullable: true,
        description: 'What the import did or would do; null when the file cannot be read.',
        resolve: (payload) => payload.report,
      }),
      errors: t.stringList({ description: 'Errors encountered during execution of the mutation.', resolve: (payload) => payload.errors }),
    }),
  },
);

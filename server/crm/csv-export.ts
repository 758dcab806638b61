import { stringify } from 'csv-stringify/sync';
import type { Permissions } from '../auth/permissions';
import type { Database } from '../db/client';
import { DomainError } from '../errors';
import type { Page } from '../pagination/keyset';
import { type ContactRow, type ContactSort, contactSorts, listContacts, type RecordState } from './contact-repository';
import { listOrganizations, type OrganizationRow, type OrganizationSort, organizationSorts } from './organization-repository';

export type CrmExportKind = 'contacts' | 'organizations';

/** The list view being exported: what the list page shows, without its page cursors. */
export interface CrmExportView {
  search: string;
  /** `all`: both states. */
  state: RecordState | 'all';
  sort: string;
}

/** Rows per statement: large enough that 100,000 rows take 200 statements, small enough to hold in memory. */
export const exportPageSize = 500;

/**
 * A cell a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, carriage return first),
 * prefixed with a single quote as OWASP's "CSV injection" advice says; anything else as it is. A
 * cell that itself starts with a quote gets one too, so the import can take exactly one off again
 * (csv-import-reader.ts) and an exported file imports as the records it came from.
 */
export function escapeFormula(value: string): string {
  return /^[=+\-@\t\r']/.test(value) ? `'${value}` : value;
}

interface ExportSpec<Row> {
  /** The header row: names the import recognises. */
  header: string[];
  cells: (row: Row) => (string | null)[];
  page: (db: Database, groupId: number, view: CrmExportView, after: string | null) => Promise<Page<Row>>;
}

const stateFilter = (view: CrmExportView) => (view.state === 'all' ? null : view.state);

const contactExport: ExportSpec<ContactRow> = {
  header: ['first_name', 'last_name', 'email', 'phone', 'organization', 'description', 'state'],
  cells: (contact) => [
    contact.firstName,
    contact.lastName,
    contact.email,
    contact.phone,
    contact.organization?.name ?? null,
    contact.description,
    contact.state,
  ],
  page: (db, groupId, view, after) =>
    listContacts(
      db,
      { groupId, search: view.search || null, state: stateFilter(view) },
      contactSorts.includes(view.sort as ContactSort) ? (view.sort as ContactSort) : 'LAST_NAME_ASC',
      { first: exportPageSize, after, maxSize: exportPageSize },
      { organizations: true },
    ),
};

const organizationExport: ExportSpec<OrganizationRow> = {
  header: ['name', 'default_rate', 'description', 'state'],
  cells: (organization) => [organization.name, organization.defaultRate, organization.description, organization.state],
  page: (db, groupId, view, after) =>
    listOrganizations(
      db,
      { groupId, search: view.search || null, state: stateFilter(view) },
      organizationSorts.includes(view.sort as OrganizationSort) ? (view.sort as OrganizationSort) : 'NAME_ASC',
      { first: exportPageSize, after, maxSize: exportPageSize },
    ),
};

/** `acme/support`'s contacts exported on 30 November 2026: `acme-support-contacts-2026-11-30.csv`. */
export function exportFilename(groupPath: string, kind: CrmExportKind, now: Date = new Date()): string {
  return `${groupPath.replaceAll('/', '-')}-${kind}-${now.toISOString().slice(0, 10)}.csv`;
}

/**
 * A group's contacts or organizations as CSV, in the order and with the filters of the list view,
 * streamed one keyset page (one statement) at a time as the reader asks for more. Developers and
 * above (SPEC §3); anyone else, or a group without customer relations, is not found.
 */
export async function exportCrmCsv(
  db: Database,
  permissions: Permissions,
  input: { fullPath: string; kind: CrmExportKind; view: CrmExportView },
): Promise<{ filename: string; body: ReadableStream<Uint8Array> }> {
  const group = await permissions.groupByPath(input.fullPath);
  if (!group || !(await permissions.canExportCrm(group))) throw new DomainError('not_found');
  const read = { db, groupId: group.id, view: input.view };
  const body = input.kind === 'contacts' ? await csvStream(contactExport, read) : await csvStream(organizationExport, read);
  return { filename: exportFilename(group.fullPath, input.kind), body };
}

/**
 * The rows of `spec` as CSV, one page read each time the stream's reader wants more. The first page
 * is read before the answer starts, so a failure there is still an error status, not a cut file.
 */
async function csvStream<Row>(
  spec: ExportSpec<Row>,
  { db, groupId, view }: { db: Database; groupId: number; view: CrmExportView },
): Promise<ReadableStream<Uint8Array>> {
  const encoder = new TextEncoder();
  const csv = (page: Page<Row>, first: boolean) => {
    const records = page.edges.map(({ node }) => spec.cells(node).map((cell) => (cell === null ? '' : escapeFormula(cell))));
    // A BOM first, so spreadsheets read the file as UTF-8.
    return encoder.encode(stringify(first ? [spec.header, ...records] : records, { bom: first, record_delimiter: 'windows' }));
  };
  const cursorAfter = (page: Page<Row>) => (page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null);
  const firstPage = await spec.page(db, groupId, view, null);
  let after = cursorAfter(firstPage);
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(csv(firstPage, true));
      if (!after) controller.close();
    },
    async pull(controller) {
      if (!after) return;
      const page = await spec.page(db, groupId, view, after);
      controller.enqueue(csv(page, false));
      after = cursorAfter(page);
      if (!after) controller.close();
    },
  });
}

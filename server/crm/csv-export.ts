import { stringify } from 'csv-stringify/sync';
import type { Permissions } from '../auth/permissions';
import type { Database } from '../db/client';
import { DomainError } from '../errors';
import type { Page } from '../pagination/keyset';
import { type ContactRow, type ContactSort, contactSorts, listContacts, type RecordState } from './contact-repository';
import {
  listOrganizations,
  type OrganizationAttributeNames,
  organizationAttributeNames,
  type OrganizationRow,
  type OrganizationSort,
  organizationSorts,
} from './organization-repository';

export type CrmExportKind = 'contacts' | 'organizations';

/** The list view being exported: what the list page shows, without its page cursors. */
export interface CrmExportView {
  search: string;
  /** `all`: both states. */
  state: RecordState | 'all';
  sort: string;
  /** Organizations only (Rapport): the id of the customer tier the list is filtered by. */
  tierId?: number | null;
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

/** One page of the view: its rows, and the cursor of the next page (null after the last). */
interface ExportPage<Row> {
  rows: Row[];
  next: string | null;
}

function exportPage<Row>(page: Page<Row>): ExportPage<Row> {
  return { rows: page.edges.map((edge) => edge.node), next: page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null };
}

interface ExportSpec<Row> {
  /** The header row: names the import recognises. */
  header: string[];
  cells: (row: Row) => (string | null)[];
  page: (db: Database, groupId: number, view: CrmExportView, after: string | null) => Promise<ExportPage<Row>>;
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
  page: async (db, groupId, view, after) =>
    exportPage(
      await listContacts(
        db,
        { groupId, search: view.search || null, state: stateFilter(view) },
        contactSorts.includes(view.sort as ContactSort) ? (view.sort as ContactSort) : 'LAST_NAME_ASC',
        { first: exportPageSize, after, maxSize: exportPageSize },
        { organizations: true },
      ),
    ),
};

/** The import reads domains separated by `;`, commas or spaces (lib/crm/domains.ts). */
const domainSeparator = '; ';

const noAttributeNames: OrganizationAttributeNames = { domains: [], tierName: null, accountOwnerUsername: null };

const organizationExport: ExportSpec<OrganizationRow & OrganizationAttributeNames> = {
  header: ['name', 'default_rate', 'description', 'state', 'domains', 'tier', 'annual_revenue', 'account_owner'],
  cells: (organization) => [
    organization.name,
    organization.defaultRate,
    organization.description,
    organization.state,
    organization.domains.join(domainSeparator),
    organization.tierName,
    organization.annualRevenue,
    organization.accountOwnerUsername,
  ],
  // Each page's domains, tier names and account owners in one more statement.
  page: async (db, groupId, view, after) => {
    const { rows, next } = exportPage(
      await listOrganizations(
        db,
        { groupId, search: view.search || null, state: stateFilter(view), tierId: view.tierId ?? null },
        organizationSorts.includes(view.sort as OrganizationSort) ? (view.sort as OrganizationSort) : 'NAME_ASC',
        { first: exportPageSize, after, maxSize: exportPageSize },
      ),
    );
    const names = await organizationAttributeNames(db, rows.map((row) => row.id));
    return { rows: rows.map((row) => ({ ...row, ...(names.get(row.id) ?? noAttributeNames) })), next };
  },
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
  const csv = (page: ExportPage<Row>, first: boolean) => {
    const records = page.rows.map((row) => spec.cells(row).map((cell) => (cell === null ? '' : escapeFormula(cell))));
    // A BOM first, so spreadsheets read the file as UTF-8.
    return encoder.encode(stringify(first ? [spec.header, ...records] : records, { bom: first, record_delimiter: 'windows' }));
  };
  const firstPage = await spec.page(db, groupId, view, null);
  let after = firstPage.next;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(csv(firstPage, true));
      if (!after) controller.close();
    },
    async pull(controller) {
      if (!after) return;
      const page = await spec.page(db, groupId, view, after);
      controller.enqueue(csv(page, false));
      after = page.next;
      if (!after) controller.close();
    },
  });
}

/**
 * Issue 13: a CSV import of 100,000 contacts (naming 1,000 organizations, a fifth of them already in
 * the group, and 1,000 rows matching existing contacts) through the import service, on the backend
 * the suite runs on (RAPPORT_TEST_BACKEND). It checks the outcome, not the time; the time is logged
 * for the record (docs: under a minute on PostgreSQL).
 */
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Permissions } from '../server/auth/permissions';
import { importCrmCsv } from '../server/crm/csv-import-service';
import { groupId, insertContact, insertOrganization } from '../server/crm/fixtures/crm-test-helpers';
import type { DatabaseHandle } from '../server/db/client';
import { auditEvents } from '../server/db/schema/audit';
import { contacts, organizations } from '../server/db/schema/crm';
import { userId } from '../server/testing/graphql-client';
import { createSeededAppDatabase, testBackend } from '../server/testing/test-database';

const rowCount = 100_000;
const organizationCount = 1_000;

let handle: DatabaseHandle;
let acmeId: number;

beforeAll(async () => {
  handle = await createSeededAppDatabase();
  acmeId = await groupId(handle.db, 'acme');
  for (let index = 0; index < organizationCount / 5; index += 1) await insertOrganization(handle.db, { groupId: acmeId, name: `Bulk Org ${index}` });
  for (let index = 0; index < 1_000; index += 1) {
    await insertContact(handle.db, { groupId: acmeId, firstName: 'Before', lastName: `Row${index}`, email: `bulk-${index}@import.example` });
  }
});

afterAll(async () => {
  await handle.close();
});

function bulkCsv(): Buffer {
  const lines = ['first_name,last_name,email,phone,organization,description'];
  for (let index = 0; index < rowCount; index += 1) {
    lines.push(`First${index},"Last, ${index}",bulk-${index}@import.example,+1 555 ${index},BULK ORG ${index % organizationCount},"Imported ""in bulk""\nline two"`);
  }
  return Buffer.from(lines.join('\r\n'));
}

describe(`a ${rowCount}-row CSV import (${testBackend})`, () => {
  it('dry run, then import: every row written in one go, organizations matched or created', async () => {
    const [user] = await handle.db.query.users.findMany({ where: { id: await userId(handle.db, 'developer') } });
    const permissions = new Permissions(handle.db, user!);
    const bytes = bulkCsv();
    const options = { kind: 'contacts' as const, existing: 'update' as const };

    const dryStarted = performance.now();
    const dry = await importCrmCsv(handle.db, permissions, 'acme', bytes, { ...options, dryRun: true });
    const dryMs = performance.now() - dryStarted;
    expect(dry).toMatchObject({ imported: false, rows: rowCount, rejected: 0, created: rowCount - 1_000, updated: 1_000, organizationsCreated: 800 });

    const started = performance.now();
    const report = await importCrmCsv(handle.db, permissions, 'acme', bytes, { ...options, dryRun: false });
    const importMs = performance.now() - started;
    console.log(`CSV import of ${rowCount} rows (${(bytes.byteLength / 1e6).toFixed(1)} MB) on ${testBackend}: dry run ${(dryMs / 1000).toFixed(1)} s, import ${(importMs / 1000).toFixed(1)} s`);
    expect(report).toMatchObject({ imported: true, rows: rowCount, rejected: 0, created: rowCount - 1_000, updated: 1_000, organizationsCreated: 800, errors: [] });

    const [counted] = await handle.db
      .select({ count: sql<number>`count(*)::int`, organized: sql<number>`count(${contacts.organizationId})::int` })
      .from(contacts)
      .where(and(eq(contacts.groupId, acmeId), sql`${contacts.email} like 'bulk-%@import.example'`));
    expect(counted).toEqual({ count: rowCount, organized: rowCount });
    const [bulkOrganizations] = await handle.db
      .select({ count: sql<number>`count(*)::int` })
      .from(organizations)
      .where(and(eq(organizations.groupId, acmeId), sql`lower(${organizations.name}) like 'bulk org %'`));
    expect(bulkOrganizations!.count).toBe(organizationCount);
    const [sample] = await handle.db.select().from(contacts).where(and(eq(contacts.groupId, acmeId), eq(contacts.email, 'bulk-99999@import.example')));
    expect(sample).toMatchObject({ firstName: 'First99999', lastName: 'Last, 99999', phone: '+1 555 99999', description: 'Imported "in bulk"\nline two' });
    const [updated] = await handle.db.select().from(contacts).where(and(eq(contacts.groupId, acmeId), eq(contacts.email, 'bulk-7@import.example')));
    expect(updated).toMatchObject({ firstName: 'First7', lastName: 'Last, 7' });
    const events = await handle.db.select().from(auditEvents).where(eq(auditEvents.action, 'crm_imported'));
    expect(events.map((event) => event.changes)).toEqual([expect.objectContaining({ rows: rowCount, created: rowCount - 1_000, updated: 1_000 })]);
  });
});

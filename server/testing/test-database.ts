import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { Client } from 'pg';
import { inject } from 'vitest';
import { type DatabaseHandle, openPglite, openPostgres, setDatabaseHandle } from '../db/client';
import { seedDemoData } from '../db/seed';

/** Which database the suite runs on: `npm test` runs it once on each. */
export const testBackend = process.env.RAPPORT_TEST_BACKEND === 'postgres' ? 'postgres' : 'pglite';

export function adminUrl(): string {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('RAPPORT_TEST_BACKEND=postgres needs TEST_DATABASE_URL');
  return url;
}

/** The URL of database `name` on the test PostgreSQL server. */
export function databaseUrl(name: string): string {
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  return url.toString();
}

/** Runs `work` on a connection to the test PostgreSQL server's admin database. */
export async function onAdminConnection(work: (admin: Client) => Promise<unknown>): Promise<void> {
  const admin = new Client({ connectionString: adminUrl() });
  await admin.connect();
  try {
    await work(admin);
  } finally {
    await admin.end();
  }
}

/**
 * A fresh, migrated database for one test file: an in-memory PGlite, or a new database on the
 * PostgreSQL server (dropped afterwards), so files never see each other's rows. Both are copies of
 * the database the run migrated once (database-template.ts).
 */
export async function createTestDatabase(): Promise<DatabaseHandle> {
  const template = inject('databaseTemplate');
  if (template.backend === 'pglite') {
    return openPglite(undefined, new Blob([await readFile(template.dumpFile)]));
  }
  const name = `rapport_test_${randomBytes(6).toString('hex')}`;
  await onAdminConnection((admin) => admin.query(`create database ${name} template ${template.databaseName}`));
  const handle = openPostgres(databaseUrl(name), { max: 4 });
  return {
    ...handle,
    close: async () => {
      await handle.close();
      await onAdminConnection((admin) => admin.query(`drop database if exists ${name} with (force)`));
    },
  };
}

/** A test database holding the demo data, installed as the app's database for this file. */
export async function createSeededAppDatabase(): Promise<DatabaseHandle> {
  const handle = await createTestDatabase();
  await seedDemoData(handle.db);
  setDatabaseHandle(handle);
  return handle;
}

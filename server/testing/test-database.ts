import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { type DatabaseHandle, openPglite, openPostgres, setDatabaseHandle } from '../db/client';
import { seedDemoData } from '../db/seed';

/** Which database the suite runs on: `npm test` runs it once on each. */
export const testBackend = process.env.RAPPORT_TEST_BACKEND === 'postgres' ? 'postgres' : 'pglite';

function adminUrl(): string {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('RAPPORT_TEST_BACKEND=postgres needs TEST_DATABASE_URL');
  return url;
}

/**
 * A fresh, migrated database for one test file: in-memory PGlite, or a new database on the
 * PostgreSQL server (dropped afterwards), so files never see each other's rows.
 */
export async function createTestDatabase(): Promise<DatabaseHandle> {
  if (testBackend === 'pglite') {
    const handle = openPglite();
    await handle.migrate();
    return handle;
  }
  const name = `rapport_test_${randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: adminUrl() });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  const handle = openPostgres(url.toString(), { max: 4 });
  await handle.migrate();
  return {
    ...handle,
    close: async () => {
      await handle.close();
      const cleanup = new Client({ connectionString: adminUrl() });
      await cleanup.connect();
      try {
        await cleanup.query(`drop database if exists ${name} with (force)`);
      } finally {
        await cleanup.end();
      }
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

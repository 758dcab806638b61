import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { openPglite, openPostgres } from '../db/client';
import { databaseUrl, onAdminConnection, testBackend } from './test-database';

/**
 * Vitest's global setup: the migrations run once per run instead of once per test file. On PGlite
 * the migrated database is dumped to a file each test file loads into its own in-memory PGlite; on
 * PostgreSQL it is a template database each test file's database is created from. Each run makes
 * its own, under a random name, so runs side by side never share one.
 */
export type DatabaseTemplate = { backend: 'pglite'; dumpFile: string } | { backend: 'postgres'; databaseName: string };

declare module 'vitest' {
  export interface ProvidedContext {
    databaseTemplate: DatabaseTemplate;
  }
}

async function createPgliteTemplate(): Promise<{ template: DatabaseTemplate; remove(): Promise<void> }> {
  const handle = openPglite();
  const directory = await mkdtemp(path.join(tmpdir(), 'rapport-test-template-'));
  try {
    await handle.migrate();
    const dumpFile = path.join(directory, 'migrated.tar');
    await writeFile(dumpFile, Buffer.from(await (await handle.dumpDataDir()).arrayBuffer()));
    return { template: { backend: 'pglite', dumpFile }, remove: () => rm(directory, { recursive: true, force: true }) };
  } catch (error) {
    await rm(directory, { recursive: true, force: true });
    throw error;
  } finally {
    await handle.close();
  }
}

async function createPostgresTemplate(): Promise<{ template: DatabaseTemplate; remove(): Promise<void> }> {
  const databaseName = `rapport_template_${randomBytes(6).toString('hex')}`;
  const remove = () => onAdminConnection((admin) => admin.query(`drop database if exists ${databaseName} with (force)`));
  await onAdminConnection((admin) => admin.query(`create database ${databaseName}`));
  try {
    // A template must have no connection open while it is copied: both pools are closed here.
    const handle = openPostgres(databaseUrl(databaseName));
    try {
      await handle.migrate();
    } finally {
      await handle.close();
    }
  } catch (error) {
    await remove();
    throw error;
  }
  return { template: { backend: 'postgres', databaseName }, remove };
}

export async function setup(project: TestProject): Promise<() => Promise<void>> {
  const { template, remove } = testBackend === 'pglite' ? await createPgliteTemplate() : await createPostgresTemplate();
  project.provide('databaseTemplate', template);
  return remove;
}

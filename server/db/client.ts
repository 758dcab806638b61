import { AsyncLocalStorage } from 'node:async_hooks';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import type { Logger } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgAsyncDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { Pool } from 'pg';
import { logError } from '../logging';
import { noteDatabaseFailure, noteDatabaseReachable, registerDatabaseProbe } from './availability';
import { relations } from './relations';
import { notifyWatchers, watchersWrittenBy } from './table-writes';
import { WriteWatchingClient } from './write-watching-client';

export type Database = PgAsyncDatabase<PgQueryResultHKT, typeof relations>;

export interface DatabaseHandle {
  db: Database;
  kind: 'pglite' | 'postgres';
  migrate(): Promise<void>;
  /** Asks the database whether it answers (`select 1`). */
  ping(): Promise<unknown>;
  /** No connection is open (a pool whose connections all closed while idle). */
  cold(): boolean;
  close(): Promise<void>;
}

const migrationsFolder = path.join(process.cwd(), 'drizzle');

/** Counts the SQL statements run inside `countStatements`, so tests can prove there is no N+1. */
const statementCounter = new AsyncLocalStorage<{ statements: string[] }>();

const countingLogger: Logger = {
  logQuery(query) {
    statementCounter.getStore()?.statements.push(query);
  },
};

/**
 * PGlite runs one statement at a time, in the order they are sent (a transaction holds it to the
 * end), so a write sent is in effect before any statement sent after it runs: its watchers hear of
 * it at once. PostgreSQL connections tell them later (`WriteWatchingClient`).
 */
const pgliteLogger: Logger = {
  logQuery(query, params) {
    countingLogger.logQuery(query, params);
    notifyWatchers(watchersWrittenBy(query));
  },
};

export async function countStatements<T>(work: () => Promise<T>): Promise<{ result: T; statements: string[] }> {
  const store = { statements: [] as string[] };
  const result = await statementCounter.run(store, work);
  return { result, statements: store.statements };
}

/**
 * Rows mapped by functions drizzle compiles once per query instead of a generic walk over each
 * row's columns: ~10 % of the contacts list's node CPU under load.
 */
const useJitMappers = true;

/**
 * PGlite in `dataDir`, or in memory; in memory it may start from a `dumpDataDir` tarball (`loadDataDir`),
 * which is how each test file gets its own copy of one migrated database.
 */
export function openPglite(dataDir?: string, loadDataDir?: Blob): DatabaseHandle & { dumpDataDir(): Promise<Blob> } {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const client = new PGlite({ dataDir, loadDataDir, extensions: { pg_trgm, unaccent } });
  const db = drizzlePglite({ client, relations, logger: pgliteLogger, jit: useJitMappers });
  return {
    db: db as unknown as Database,
    kind: 'pglite',
    ping: () => client.query('select 1'),
    cold: () => false,
    migrate: async () => {
      await migratePglite(db, { migrationsFolder });
    },
    dumpDataDir: () => client.dumpDataDir('none'),
    close: () => client.close(),
  };
}

/**
 * How long PostgreSQL may run one statement of the app (`RAPPORT_STATEMENT_TIMEOUT_MS`, default
 * 10 s): past it PostgreSQL cancels the statement and the API answers GitLab's "Request timed out".
 * PGlite ignores `statement_timeout` (it has no timer signals); there only the request's time limit
 * applies.
 */
export function statementTimeoutMs(env: Readonly<Record<string, string | undefined>> = process.env): number {
  const value = Number(env.RAPPORT_STATEMENT_TIMEOUT_MS ?? 10_000);
  return Number.isSafeInteger(value) && value > 0 ? value : 10_000;
}

export interface PostgresOptions {
  searchPath?: string;
  max?: number;
  statementTimeoutMs?: number;
}

export function openPostgres(connectionString: string, options: PostgresOptions = {}): DatabaseHandle {
  const connection = {
    connectionString,
    options: options.searchPath ? `-c search_path=${options.searchPath}` : undefined,
  };
  const pool = new Pool({
    ...connection,
    Client: WriteWatchingClient,
    max: options.max ?? 10,
    statement_timeout: options.statementTimeoutMs ?? statementTimeoutMs(),
    // A server that does not answer at all must not hold a request (or the page probe) forever.
    connectionTimeoutMillis: 5_000,
  });
  // An idle client losing its connection (e.g. PostgreSQL restarting) must not crash the server.
  pool.on('error', (error) => {
    noteDatabaseFailure(error);
    logError('PostgreSQL pool error', error);
  });
  pool.on('connect', noteDatabaseReachable);
  const db = drizzlePg({ client: pool, relations, logger: countingLogger, jit: useJitMappers });
  return {
    db: db as unknown as Database,
    kind: 'postgres',
    ping: () => pool.query('select 1'),
    cold: () => pool.totalCount === 0,
    // Migrations (an index build on a large table) may take longer than an app statement.
    migrate: async () => {
      const migrationPool = new Pool({ ...connection, max: 1 });
      try {
        await migratePg(drizzlePg({ client: migrationPool, relations }), { migrationsFolder, migrationsSchema: options.searchPath });
      } finally {
        await migrationPool.end();
      }
    },
    close: () => pool.end(),
  };
}

/** Where the embedded database lives: `./.data/pglite`, or `RAPPORT_DATA_DIR` (tests use a temporary one). */
export function embeddedDataDir(): string {
  return process.env.RAPPORT_DATA_DIR ?? path.join(process.cwd(), '.data', 'pglite');
}

const globalForDb = globalThis as unknown as { rapportDatabase?: Promise<DatabaseHandle> };

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * PGlite has no lock between processes and a second opener would silently lose writes, so the
 * embedded database records its owner's pid beside it and every other process is refused.
 */
function lockEmbeddedDatabase(dataDir: string): () => void {
  const lockFile = `${dataDir}.pid`;
  let owner = Number.NaN;
  try {
    owner = Number(readFileSync(lockFile, 'utf8'));
  } catch {
    // no lock yet
  }
  if (Number.isInteger(owner) && owner !== process.pid && processIsAlive(owner)) {
    throw new Error(
      `The embedded database in ${dataDir} is open in another process (pid ${owner}), probably the Rapport server. Stop it first, or set DATABASE_URL.`,
    );
  }
  mkdirSync(path.dirname(lockFile), { recursive: true });
  writeFileSync(lockFile, String(process.pid));
  const release = () => rmSync(lockFile, { force: true });
  process.once('exit', release);
  return release;
}

async function openConfiguredDatabase(): Promise<DatabaseHandle> {
  const url = process.env.DATABASE_URL;
  if (url) return openPostgres(url);
  const dataDir = embeddedDataDir();
  const unlock = lockEmbeddedDatabase(dataDir);
  const handle = openPglite(dataDir);
  await handle.migrate();
  return {
    ...handle,
    close: async () => {
      await handle.close();
      unlock();
    },
  };
}

/**
 * The process-wide database. PGlite has no lock between processes, so only the server process opens
 * `./.data/`, once (kept on globalThis so hot reload does not open it twice), migrated on open.
 */
export function getDatabaseHandle(): Promise<DatabaseHandle> {
  globalForDb.rapportDatabase ??= openConfiguredDatabase().then((handle) => {
    registerDatabaseProbe(() => handle.ping(), () => handle.cold());
    return handle;
  });
  return globalForDb.rapportDatabase;
}

export async function getDb(): Promise<Database> {
  return (await getDatabaseHandle()).db;
}

/** Lets tests run the app against their own isolated database. */
export function setDatabaseHandle(handle: DatabaseHandle): void {
  registerDatabaseProbe(() => handle.ping(), () => handle.cold());
  globalForDb.rapportDatabase = Promise.resolve(handle);
}

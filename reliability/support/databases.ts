import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { promisify } from 'node:util';
import { eq } from 'drizzle-orm';
import { Client } from 'pg';
import { createSession, sessionCookieName } from '../../server/auth/sessions';
import { openPostgres } from '../../server/db/client';
import { users } from '../../server/db/schema/users';
import { repositoryRoot } from './app-server';

const run = promisify(execFile);

/** The PostgreSQL server the suite may create databases on (CI's, on loopback). */
export const sharedServerUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

function withDatabase(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function administer(serverUrl: string, statement: string): Promise<void> {
  const admin = new Client({ connectionString: serverUrl, connectionTimeoutMillis: 10_000 });
  await admin.connect();
  try {
    await admin.query(statement);
  } finally {
    await admin.end();
  }
}

export interface ScratchDatabase {
  url: string;
  drop(): Promise<void>;
}

/** A new, empty database on `serverUrl`; `drop` removes it even while servers still hold connections. */
export async function createScratchDatabase(serverUrl: string, prefix: string): Promise<ScratchDatabase> {
  const name = `${prefix}_${randomBytes(5).toString('hex')}`;
  await administer(serverUrl, `create database ${name}`);
  return {
    url: withDatabase(serverUrl, name),
    drop: () => administer(serverUrl, `drop database if exists ${name} with (force)`),
  };
}

/** Runs one of the project's scripts (scripts/*.ts) against `databaseUrl`, as an operator would. */
async function runScript(script: string, databaseUrl: string, args: string[] = []): Promise<string> {
  const tsx = path.join(repositoryRoot, 'node_modules/tsx/dist/cli.mjs');
  const { stdout } = await run(process.execPath, [tsx, `scripts/${script}`, ...args], {
    cwd: repositoryRoot,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, DATABASE_URL: databaseUrl, NODE_ENV: 'production' },
    timeout: 120_000,
  });
  return stdout.trim();
}

/** `npm run db:seed`: migrates the database and seeds the demo instance. */
export async function migrateAndSeed(databaseUrl: string): Promise<void> {
  await runScript('db-seed.ts', databaseUrl);
}

/** `npm run token`: a personal access token with the `api` scope for a demo user. */
export function createApiToken(databaseUrl: string, username: string): Promise<string> {
  return runScript('token.ts', databaseUrl, ['--user', username, '--scopes', 'api', '--name', 'reliability-suite']);
}

/** A signed-in browser session for a demo user, as the `Cookie` header a browser would send. */
export async function createSessionCookie(databaseUrl: string, username: string): Promise<string> {
  const handle = openPostgres(databaseUrl, { max: 1 });
  try {
    const [user] = await handle.db.select({ id: users.id }).from(users).where(eq(users.username, username));
    if (!user) throw new Error(`No user ${username}`);
    const { token } = await createSession(handle.db, user.id);
    return `${sessionCookieName}=${token}`;
  } finally {
    await handle.close();
  }
}

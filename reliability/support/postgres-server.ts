import { type ChildProcess, execFileSync } from 'node:child_process';
import { chownSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { spawnGroup, stopProcessGroup } from './process-groups';

/** The machine's PostgreSQL binaries (Debian's postgresql-15), or POSTGRES_BIN_DIR. */
const binDir = process.env.POSTGRES_BIN_DIR ?? '/usr/lib/postgresql/15/bin';

/** initdb and postgres refuse to run as root: as root, they run as the `postgres` system user. */
function runAs(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
  return { uid: id('-u'), gid: id('-g') };
}

export interface PostgresServer {
  /** `postgres://postgres@127.0.0.1:<port>/<database>` */
  url(database: string): string;
  start(): Promise<void>;
  /** A fast shutdown (SIGINT): open connections are cut, as when a database server goes away. */
  stop(): Promise<void>;
  /** Stops the server and deletes its data folder. */
  remove(): Promise<void>;
}

async function acceptsConnections(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * A PostgreSQL server of the test's own: a cluster initialized in a temporary folder, listening
 * only on 127.0.0.1:`port` (and a socket in that folder), trust authentication, small and quick.
 */
export function createPostgresServer(port: number): PostgresServer {
  const user = runAs();
  const folder = mkdtempSync(path.join(tmpdir(), 'rapport-pg-'));
  const dataDir = path.join(folder, 'data');
  if (user) chownSync(folder, user.uid, user.gid);
  execFileSync(path.join(binDir, 'initdb'), ['-D', dataDir, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--no-sync'], {
    ...user,
    stdio: 'ignore',
    timeout: 120_000,
  });

  let child: ChildProcess | null = null;
  const url = (database: string) => `postgres://postgres@127.0.0.1:${port}/${database}`;

  const server: PostgresServer = {
    url,
    async start() {
      if (child) return;
      if (await acceptsConnections(url('postgres'))) throw new Error(`Port ${port} already has a PostgreSQL server; stop it first.`);
      const args = ['-D', dataDir, '-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-k', folder, '-c', 'fsync=off', '-c', 'max_connections=50'];
      const started = spawnGroup(path.join(binDir, 'postgres'), args, { ...user, stdio: 'ignore' });
      child = started;
      const deadline = Date.now() + 30_000;
      while (Date.now() < deadline) {
        if (started.exitCode !== null) throw new Error(`PostgreSQL on port ${port} exited with ${started.exitCode}`);
        if (await acceptsConnections(url('postgres'))) return;
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      throw new Error(`PostgreSQL on port ${port} did not accept connections in time`);
    },
    async stop() {
      const running = child;
      if (!running) return;
      child = null;
      await stopProcessGroup(running, { signal: 'SIGINT', graceMs: 20_000 });
    },
    async remove() {
      await server.stop();
      rmSync(folder, { recursive: true, force: true });
    },
  };
  return server;
}

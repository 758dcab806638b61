import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { processTreeRssBytes } from './process-memory';

export const repositoryRoot = path.resolve(import.meta.dirname, '../..');

/** Every process group this test file started, so an unexpected exit still stops them all. */
const runningGroups = new Set<number>();
process.once('exit', () => {
  for (const pid of runningGroups) {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
});

export interface AppServer {
  url: string;
  pid: number;
  /** Resident memory of the server: the start script and every process below it. */
  rssBytes(): number;
  /** The last lines it printed, for a failing test's message. */
  output(): string;
  stop(): Promise<void>;
}

const outputLimit = 32_768;

function waitForExit(child: ChildProcess, timeoutMs: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), timeoutMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

/** Stops a process group started with `detached: true`: SIGTERM, then SIGKILL after `graceMs`. */
export async function stopProcessGroup(child: ChildProcess, graceMs = 10_000): Promise<void> {
  const pid = child.pid;
  if (pid === undefined) return;
  const signal = (name: NodeJS.Signals) => {
    try {
      process.kill(-pid, name);
    } catch {
      // the group is gone
    }
  };
  signal('SIGTERM');
  if (!(await waitForExit(child, graceMs))) {
    signal('SIGKILL');
    await waitForExit(child, 5_000);
  }
  // Children the start script left behind share its group.
  signal('SIGKILL');
  runningGroups.delete(pid);
}

/**
 * Starts the production server the way an operator does (`node scripts/start.mjs`, which builds
 * first when there is no build), on loopback, and waits until it serves the sign-in page.
 */
export async function startAppServer(options: { port: number; databaseUrl: string; readyTimeoutMs?: number }): Promise<AppServer> {
  if (!existsSync(path.join(repositoryRoot, '.next/BUILD_ID'))) {
    throw new Error('No production build: run `npx next build` first (npm test does).');
  }
  const url = `http://127.0.0.1:${options.port}`;
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: 'production',
    PORT: String(options.port),
    HOSTNAME: '127.0.0.1',
    DATABASE_URL: options.databaseUrl,
    NEXT_TELEMETRY_DISABLED: '1',
  };
  const child = spawn(process.execPath, ['scripts/start.mjs'], { cwd: repositoryRoot, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const pid = child.pid;
  if (pid === undefined) throw new Error('The app server did not start');
  runningGroups.add(pid);
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-outputLimit);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);

  const server: AppServer = {
    url,
    pid,
    rssBytes: () => processTreeRssBytes(pid),
    output: () => output,
    stop: () => stopProcessGroup(child),
  };

  const deadline = Date.now() + (options.readyTimeoutMs ?? 90_000);
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      runningGroups.delete(pid);
      throw new Error(`The app server on port ${options.port} exited (${child.exitCode ?? child.signalCode}):\n${output}`);
    }
    try {
      const response = await fetch(`${url}/users/sign_in`, { signal: AbortSignal.timeout(5_000) });
      await response.arrayBuffer();
      if (response.ok) return server;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await server.stop();
  throw new Error(`The app server on port ${options.port} was not ready in time:\n${output}`);
}

import { existsSync } from 'node:fs';
import path from 'node:path';
import { processTreeRssBytes } from './process-memory';
import { hasExited, spawnGroup, stopProcessGroup } from './process-groups';

export const repositoryRoot = path.resolve(import.meta.dirname, '../..');

export interface AppServer {
  url: string;
  pid: number;
  running(): boolean;
  /** Resident memory of the server: the start script and every process below it. */
  rssBytes(): number;
  /** The last lines it printed, for a failing test's message. */
  output(): string;
  stop(): Promise<void>;
}

const outputLimit = 32_768;

async function servesSignInPage(url: string): Promise<boolean> {
  try {
    const response = await fetch(`${url}/users/sign_in`, { signal: AbortSignal.timeout(5_000) });
    await response.arrayBuffer();
    return response.ok;
  } catch {
    return false;
  }
}

/**
 * Starts the production server the way an operator does (`node scripts/start.mjs`), called on
 * loopback only (RAPPORT_HOST=127.0.0.1), and waits until it
 * serves the sign-in page. The build must exist: two servers starting at once must not both run
 * `next build`.
 */
export async function startAppServer(options: { port: number; databaseUrl: string; readyTimeoutMs?: number }): Promise<AppServer> {
  if (!existsSync(path.join(repositoryRoot, '.next/BUILD_ID'))) {
    throw new Error('No production build: run `npx next build` first (npm test does).');
  }
  const url = `http://127.0.0.1:${options.port}`;
  // A server left on the port would answer the readiness check in the new one's place.
  if (await servesSignInPage(url)) throw new Error(`Port ${options.port} is already serving; stop that server first.`);
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: 'production',
    PORT: String(options.port),
    RAPPORT_HOST: '127.0.0.1',
    DATABASE_URL: options.databaseUrl,
    NEXT_TELEMETRY_DISABLED: '1',
  };
  const child = spawnGroup(process.execPath, ['scripts/start.mjs'], { cwd: repositoryRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const pid = child.pid as number;
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-outputLimit);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);

  const server: AppServer = {
    url,
    pid,
    running: () => !hasExited(child),
    rssBytes: () => processTreeRssBytes(pid),
    output: () => output,
    stop: () => stopProcessGroup(child),
  };

  const deadline = Date.now() + (options.readyTimeoutMs ?? 90_000);
  while (Date.now() < deadline) {
    if (hasExited(child)) {
      await stopProcessGroup(child);
      throw new Error(`The app server on port ${options.port} exited (${child.exitCode ?? child.signalCode}):\n${output}`);
    }
    if (await servesSignInPage(url)) return server;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await server.stop();
  throw new Error(`The app server on port ${options.port} was not ready in time:\n${output}`);
}

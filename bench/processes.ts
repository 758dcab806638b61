/**
 * Child processes of a run: each starts in its own process group (so stopping it also stops what
 * it started, e.g. `npx` → `node`), logs to a file, and is stopped by its group id.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';

export interface ProcessExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface Started {
  name: string;
  pid: number;
  logFile: string;
  /** Set once the process has exited. */
  exit: ProcessExit | null;
  /** Resolves when the process has exited. */
  exited: Promise<ProcessExit>;
  stop(): Promise<void>;
}

const running = new Set<Started>();

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // already gone
  }
}

function exited(child: ChildProcess, ms: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

export function startProcess(
  name: string,
  command: string,
  args: string[],
  options: { env: NodeJS.ProcessEnv; logFile: string; cwd?: string },
): Started {
  const log = openSync(options.logFile, 'w');
  const child = spawn(command, args, { cwd: options.cwd, env: options.env, detached: true, stdio: ['ignore', log, log] });
  closeSync(log);
  if (child.pid === undefined) throw new Error(`Could not start ${name} (${command})`);
  const pid = child.pid;
  let markExited: (exit: ProcessExit) => void = () => undefined;
  const exitedPromise = new Promise<ProcessExit>((resolve) => {
    markExited = resolve;
  });
  const started: Started = {
    name,
    pid,
    logFile: options.logFile,
    exit: null,
    exited: exitedPromise,
    async stop() {
      running.delete(started);
      if (started.exit) return;
      signalGroup(pid, 'SIGTERM');
      if (!(await exited(child, 5000))) {
        signalGroup(pid, 'SIGKILL');
        await exited(child, 2000);
      }
      // Anything the leader left behind in its group.
      signalGroup(pid, 'SIGKILL');
    },
  };
  child.on('exit', (code, signal) => {
    started.exit = { code, signal };
    markExited(started.exit);
  });
  running.add(started);
  return started;
}

/** Stops every process still running, newest first. */
export async function stopAll(): Promise<void> {
  for (const started of [...running].reverse()) await started.stop();
}

/** Last resort when the orchestrator itself is dying: signal every group synchronously. */
export function killAllNow(): void {
  for (const started of running) signalGroup(started.pid, 'SIGKILL');
  running.clear();
}

export function tailOf(started: Started, lines = 20): string {
  try {
    return readFileSync(started.logFile, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

/** Waits until `url` answers `status`, failing early if the process exits. */
export async function waitForHttp(started: Started, url: string, timeoutMs: number, status = 200): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer';
  while (Date.now() < deadline) {
    if (started.exit) throw new Error(`${started.name} exited (code ${started.exit.code}) before it was ready:\n${tailOf(started)}`);
    try {
      const response = await fetch(url, { redirect: 'manual', signal: AbortSignal.timeout(5000) });
      await response.arrayBuffer();
      if (response.status === status) return;
      last = `HTTP ${response.status}`;
    } catch (error) {
      last = error instanceof Error ? error.message : String(error);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${started.name} was not ready at ${url} after ${timeoutMs / 1000} s (${last}):\n${tailOf(started)}`);
}

import { type ChildProcess, type SpawnOptions, spawn } from 'node:child_process';

/** Every process group the test file started and has not stopped, so even a crash stops them. */
const runningGroups = new Set<number>();

function killRunningGroups(): void {
  for (const pid of runningGroups) {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  runningGroups.clear();
}

process.once('exit', killRunningGroups);
// A test run stopped from outside (Ctrl-C, a CI timeout) must not leave servers behind either.
for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]] as const) {
  process.once(signal, () => {
    killRunningGroups();
    process.exit(code);
  });
}

/** Spawns `command` as the leader of a new process group, so it and its children stop together. */
export function spawnGroup(command: string, args: string[], options: SpawnOptions): ChildProcess {
  const child = spawn(command, args, { ...options, detached: true });
  if (child.pid === undefined) throw new Error(`${command} did not start`);
  runningGroups.add(child.pid);
  return child;
}

export function hasExited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

function waitForExit(child: ChildProcess, timeoutMs: number): Promise<boolean> {
  if (hasExited(child)) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), timeoutMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // the group is gone
  }
}

/**
 * Stops a group started by spawnGroup: `signal` to the leader, SIGKILL to the whole group after
 * `graceMs`, and SIGKILL to whatever of the group outlived its leader.
 */
export async function stopProcessGroup(child: ChildProcess, options: { signal?: NodeJS.Signals; graceMs?: number } = {}): Promise<void> {
  const pid = child.pid;
  if (pid === undefined) return;
  if (!hasExited(child)) {
    try {
      process.kill(pid, options.signal ?? 'SIGTERM');
    } catch {
      // exited meanwhile
    }
    if (!(await waitForExit(child, options.graceMs ?? 10_000))) {
      signalGroup(pid, 'SIGKILL');
      await waitForExit(child, 5_000);
    }
  }
  signalGroup(pid, 'SIGKILL');
  runningGroups.delete(pid);
}

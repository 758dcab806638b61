import { readFileSync, readdirSync } from 'node:fs';

/** Parent pid of every running process, from /proc/<pid>/stat (the field after the command name). */
function parentPids(): Map<number, number> {
  const parents = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      parents.set(Number(entry), Number(fields[1]));
    } catch {
      // exited while we looked
    }
  }
  return parents;
}

function rssBytesOf(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kilobytes = /^VmRSS:\s+(\d+) kB$/m.exec(status)?.[1];
    return kilobytes ? Number(kilobytes) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** Resident memory of a process and all its descendants (a start script and the server it runs). */
export function processTreeRssBytes(rootPid: number): number {
  const parents = parentPids();
  const tree = new Set([rootPid]);
  // Each pass adds one generation; a process tree here is a few levels deep.
  for (let pass = 0; pass < 8; pass += 1) {
    const before = tree.size;
    for (const [pid, parent] of parents) if (tree.has(parent)) tree.add(pid);
    if (tree.size === before) break;
  }
  let total = 0;
  for (const pid of tree) total += rssBytesOf(pid);
  return total;
}

export const megabytes = (bytes: number) => Math.round(bytes / 1024 / 102.4) / 10;

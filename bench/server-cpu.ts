/**
 * CPU time a server spent over a measured window, read from /proc (Linux only; elsewhere it reports
 * nothing): user + system time of the server's whole process tree (`npm start` may fork workers),
 * and of the PostgreSQL backends serving its connections, found in pg_stat_activity by the client
 * ports of the tree's TCP connections to PostgreSQL, or by the `application_name` the bench gives
 * each server (PGAPPNAME) should the app connect some other way. Both are polled during the window,
 * so a process or backend that ends before the window does still counts up to its last reading.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { Client } from 'pg';

export interface ServerUsage {
  /** CPU seconds of the server's processes and of its database backends. */
  nodeSeconds: number;
  pgSeconds: number;
  /** Resident memory of the process tree at the end of the window. */
  rssBytes: number;
  /** Processes in the tree at the end (a server with N workers has more than N). */
  processes: number;
}

const pollEveryMs = 500;

function clockTicksPerSecond(): number {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
}

const ticksPerSecond = clockTicksPerSecond();

interface ProcStat {
  ppid: number;
  pgrp: number;
  /** utime + stime, in clock ticks. */
  ticks: number;
}

function readProcStat(pid: number | string): ProcStat | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name, which is in parentheses and may contain spaces.
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return { ppid: Number(fields[1]), pgrp: Number(fields[2]), ticks: Number(fields[11]) + Number(fields[12]) };
  } catch {
    return null;
  }
}

/** The process `root` and its descendants, and anything else in its process group, with their ticks. */
export function processTree(root: number): Map<number, number> {
  const all = new Map<number, ProcStat>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = readProcStat(entry);
    if (stat) all.set(Number(entry), stat);
  }
  const tree = new Map<number, number>();
  const rootStat = all.get(root);
  if (!rootStat) return tree;
  tree.set(root, rootStat.ticks);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [pid, stat] of all) {
      if (tree.has(pid) || !(tree.has(stat.ppid) || stat.pgrp === root)) continue;
      tree.set(pid, stat.ticks);
      grew = true;
    }
  }
  return tree;
}

/** Local ports of the TCP connections that `pids` hold to `serverPort` (e.g. PostgreSQL's 5432). */
export function clientPorts(pids: Iterable<number>, serverPort: number): number[] {
  const inodes = new Set<string>();
  for (const pid of pids) {
    let fds: string[] = [];
    try {
      fds = readdirSync(`/proc/${pid}/fd`);
    } catch {
      continue;
    }
    for (const fd of fds) {
      try {
        const inode = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`))?.[1];
        if (inode) inodes.add(inode);
      } catch {
        // closed meanwhile
      }
    }
  }
  const ports: number[] = [];
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let lines: string[] = [];
    try {
      lines = readFileSync(table, 'utf8').split('\n').slice(1);
    } catch {
      continue;
    }
    for (const line of lines) {
      // sl local_address rem_address st tx_queue:rx_queue tr:tm->when retrnsmt uid timeout inode
      const fields = line.trim().split(/\s+/);
      const [local, remote, inode] = [fields[1], fields[2], fields[9]];
      if (!local || !remote || !inode || !inodes.has(inode)) continue;
      if (parseInt(remote.split(':')[1] ?? '', 16) === serverPort) ports.push(parseInt(local.split(':')[1] ?? '', 16));
    }
  }
  return ports;
}

function rssBytes(pid: number): number {
  try {
    const kib = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return Number(kib ?? 0) * 1024;
  } catch {
    return 0;
  }
}

/** First and last reading of each process's ticks inside the window. */
class TickLedger {
  private readonly readings = new Map<number, { first: number; last: number }>();

  /** `atStart`: the readings when the window opened. */
  constructor(atStart: Map<number, number>) {
    for (const [pid, value] of atStart) this.readings.set(pid, { first: value, last: value });
  }

  record(ticks: Map<number, number>): void {
    for (const [pid, value] of ticks) {
      const reading = this.readings.get(pid);
      // A process first seen after the window opened did all its work inside it.
      if (reading) reading.last = value;
      else this.readings.set(pid, { first: 0, last: value });
    }
  }

  pids(): number[] {
    return [...this.readings.keys()];
  }

  seconds(): number {
    let ticks = 0;
    for (const { first, last } of this.readings.values()) ticks += Math.max(0, last - first);
    return ticks / ticksPerSecond;
  }
}

interface Window {
  root: number;
  /** The server's processes, as last read. */
  tree: Map<number, number>;
  applicationName: string;
  node: TickLedger;
  pg: TickLedger;
  timer?: NodeJS.Timeout;
  /** The poll in progress (polls never overlap). */
  polling: Promise<void>;
}

export class ServerCpuMeter {
  private window: Window | null = null;

  private constructor(
    private readonly client: Client,
    private readonly postgresPort: number,
  ) {}

  static async connect(databaseUrl: string): Promise<ServerCpuMeter> {
    const client = new Client({ connectionString: databaseUrl, application_name: 'bench cpu meter' });
    await client.connect();
    return new ServerCpuMeter(client, Number(new URL(databaseUrl).port || 5432));
  }

  private async backendTicks(tree: Map<number, number>, applicationName: string): Promise<Map<number, number>> {
    const { rows } = await this.client.query<{ pid: number }>(
      `select pid from pg_stat_activity
        where datname = current_database() and (application_name = $1 or client_port = any($2::int[]))`,
      [applicationName, clientPorts(tree.keys(), this.postgresPort)],
    );
    const ticks = new Map<number, number>();
    for (const { pid } of rows) {
      const stat = readProcStat(pid);
      if (stat) ticks.set(pid, stat.ticks);
    }
    return ticks;
  }

  private async poll(window: Window): Promise<void> {
    window.tree = processTree(window.root);
    window.node.record(window.tree);
    window.pg.record(await this.backendTicks(window.tree, window.applicationName));
  }

  /** Opens the window for the server whose process is `root` and whose connections carry `applicationName`. */
  async begin(root: number, applicationName: string): Promise<void> {
    const tree = processTree(root);
    const window: Window = {
      root,
      tree,
      applicationName,
      node: new TickLedger(tree),
      pg: new TickLedger(await this.backendTicks(tree, applicationName)),
      polling: Promise.resolve(),
    };
    window.timer = setInterval(() => {
      window.polling = window.polling.then(() => this.poll(window)).catch(() => undefined);
    }, pollEveryMs);
    this.window = window;
  }

  /** The backends of the server in the open window, as last seen. */
  backendPids(): number[] {
    return this.window?.pg.pids() ?? [];
  }

  async end(): Promise<ServerUsage> {
    const window = this.window;
    if (!window) throw new Error('ServerCpuMeter.end without begin');
    this.window = null;
    clearInterval(window.timer);
    await window.polling;
    await this.poll(window);
    let rss = 0;
    for (const pid of window.tree.keys()) rss += rssBytes(pid);
    return { nodeSeconds: window.node.seconds(), pgSeconds: window.pg.seconds(), rssBytes: rss, processes: window.tree.size };
  }

  async close(): Promise<void> {
    await this.client.end();
  }
}

/**
 * How busy the machine was during a measurement, split into the benchmark's own processes (its
 * servers, their PostgreSQL backends, this process and the load generators it ran) and everything
 * else, e.g. other people's test runs on a shared machine. Linux only (/proc); elsewhere it reports
 * nothing.
 */
import { readdirSync, readFileSync } from 'node:fs';

export interface CpuShare {
  /** Percent of all cores' time, over the window. */
  busy: number;
  ours: number;
  others: number;
}

interface Snapshot {
  total: number;
  idle: number;
  /** CPU ticks of every process (and of its children that have ended), with its process group. */
  processes: Map<number, ProcessTicks>;
}

interface ProcessTicks {
  pgrp: number;
  ticks: number;
  endedChildrenTicks: number;
}

function readStat(pid: string): ProcessTicks | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name, which is in parentheses and may contain spaces.
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return { pgrp: Number(fields[2]), ticks: Number(fields[11]) + Number(fields[12]), endedChildrenTicks: Number(fields[13]) + Number(fields[14]) };
  } catch {
    return null;
  }
}

function snapshot(): Snapshot | null {
  let line: string | undefined;
  try {
    line = readFileSync('/proc/stat', 'utf8').split('\n')[0];
  } catch {
    return null;
  }
  if (!line) return null;
  const values = line.trim().split(/\s+/).slice(1).map(Number);
  const total = values.slice(0, 8).reduce((sum, value) => sum + value, 0);
  const idle = (values[3] ?? 0) + (values[4] ?? 0);
  const processes = new Map<number, ProcessTicks>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = readStat(entry);
    if (stat) processes.set(Number(entry), stat);
  }
  return { total, idle, processes };
}

export class CpuMeter {
  private start: Snapshot | null = null;

  begin(): void {
    this.start = snapshot();
  }

  /**
   * The share since `begin`. Ours are the processes in `groups` (the servers started in their own
   * process groups) and the `pids` given (this process, the database's backends), counted by what
   * each used inside the window. The given pids count their ended children too (the load generator
   * this process ran); other processes that exited during the window are missed.
   */
  end(groups: Iterable<number>, pids: Iterable<number>): CpuShare | null {
    const end = snapshot();
    const start = this.start;
    if (!start || !end || end.total <= start.total) return null;
    const ourGroups = new Set(groups);
    const ourPids = new Set(pids);
    let oursTicks = 0;
    for (const [pid, stat] of end.processes) {
      if (!ourGroups.has(stat.pgrp) && !ourPids.has(pid)) continue;
      const before = start.processes.get(pid);
      oursTicks += stat.ticks - (before?.ticks ?? 0);
      if (ourPids.has(pid)) oursTicks += stat.endedChildrenTicks - (before?.endedChildrenTicks ?? 0);
    }
    const total = end.total - start.total;
    const busy = total - (end.idle - start.idle);
    const ours = Math.max(0, Math.min(busy, oursTicks));
    const percent = (value: number) => (100 * value) / total;
    return { busy: percent(busy), ours: percent(ours), others: percent(busy - ours) };
  }
}

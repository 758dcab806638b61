/**
 * Lets a cache of rows read from some tables hear of every write this process makes to them, from
 * any code (a service, the seed, a test writing through drizzle), so that it never serves what was
 * there before. The database clients report each statement (see `client.ts` for when).
 */
export interface TableWriteWatcher {
  /** Names one of the watched tables. */
  readonly mentions: RegExp;
  readonly onWrite: () => void;
}

/**
 * Kept on globalThis: the API and the pages are compiled into separate module graphs, and the one
 * database client of the process must reach the watchers of both.
 */
const globalForWatchers = globalThis as unknown as { rapportTableWriteWatchers?: Map<string, TableWriteWatcher> };

function registeredWatchers(): Map<string, TableWriteWatcher> {
  globalForWatchers.rapportTableWriteWatchers ??= new Map();
  return globalForWatchers.rapportTableWriteWatchers;
}

/** `onWrite` runs after each statement that may write one of `tables` has taken effect; `name` registers it once. */
export function watchTableWrites(name: string, tables: readonly string[], onWrite: () => void): void {
  registeredWatchers().set(name, { mentions: new RegExp(`\\b(?:${tables.join('|')})\\b`, 'i'), onWrite });
}

const plainSelect = /^\s*select\b/i;
const noWatchers: readonly TableWriteWatcher[] = [];

/**
 * The watchers whose tables `statement` may write: any statement but a plain select that names one
 * of them (an insert, update, delete or truncate; also a `with` query, to be safe).
 */
export function watchersWrittenBy(statement: string): readonly TableWriteWatcher[] {
  if (plainSelect.test(statement)) return noWatchers;
  const written: TableWriteWatcher[] = [];
  for (const watcher of registeredWatchers().values()) {
    if (watcher.mentions.test(statement)) written.push(watcher);
  }
  return written;
}

export function notifyWatchers(watchers: Iterable<TableWriteWatcher>): void {
  for (const watcher of watchers) watcher.onWrite();
}

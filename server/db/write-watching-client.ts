import { Client, type ClientConfig } from 'pg';
import { notifyWatchers, type TableWriteWatcher, watchersWrittenBy } from './table-writes';

type Query = (...args: unknown[]) => unknown;

function statementText(statement: unknown): string {
  if (typeof statement === 'string') return statement;
  const text = (statement as { text?: unknown } | null)?.text;
  return typeof text === 'string' ? text : '';
}

/** Calls `query` and `done` once it has completed, before its caller hears of it (callback or promise form). */
function runThen(query: Query, args: unknown[], done: () => void): unknown {
  const callback = args.at(-1);
  if (typeof callback === 'function') {
    return query(
      ...args.slice(0, -1),
      (...results: unknown[]) => {
        done();
        callback(...results);
      },
    );
  }
  const result = query(...args);
  return result instanceof Promise ? result.finally(done) : result;
}

/**
 * A pool connection that tells the table-write watchers once a write has taken effect: when its
 * statement completes outside a transaction, or when the transaction it ran in ends. Telling them
 * when the statement is sent would be too early with many connections: a reader on another one
 * could cache what it read just before the write landed.
 */
export class WriteWatchingClient extends Client {
  /** Watchers of the writes of the transaction in progress on this connection. */
  private readonly pending = new Set<TableWriteWatcher>();

  constructor(config?: string | ClientConfig) {
    super(config);
    const query = this.query.bind(this) as Query;
    this.query = ((...args: unknown[]) => this.watched(query, args)) as Client['query'];
  }

  private watched(query: Query, args: unknown[]): unknown {
    const written = watchersWrittenBy(statementText(args[0]));
    if (written.length === 0 && this.pending.size === 0) return query(...args);
    for (const watcher of written) this.pending.add(watcher);
    return runThen(query, args, () => this.settle());
  }

  private settle(): void {
    const status = this.getTransactionStatus();
    // 'T': in a transaction, 'E': in a failed one; its writes count once it has ended.
    if (status === 'T' || status === 'E') return;
    const watchers = [...this.pending];
    this.pending.clear();
    notifyWatchers(watchers);
  }
}
